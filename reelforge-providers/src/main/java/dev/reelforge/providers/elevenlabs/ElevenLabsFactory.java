package dev.reelforge.providers.elevenlabs;

import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.providers.http.Auth;
import dev.reelforge.providers.http.CloudContext;
import java.util.List;

/**
 * Builds the ElevenLabs speech adapter from validated {@link ElevenLabsOptions}; the key goes in
 * the {@code xi-api-key} header.
 */
public final class ElevenLabsFactory {

  /** The configuration name of the ElevenLabs adapter. */
  public static final String NAME = "elevenlabs";

  private ElevenLabsFactory() {}

  /** Speech, as the registry offers it. */
  public static List<ProviderChoice<?>> choices(ElevenLabsOptions options, CloudContext context) {
    return List.of(
        new ProviderChoice<SpeechSynthesizer>(
            ProviderPort.SPEECH,
            NAME,
            false,
            "ElevenLabs " + options.model() + " with character timestamps",
            speech(options, context)));
  }

  public static ElevenLabsSpeech speech(ElevenLabsOptions options, CloudContext context) {
    return new ElevenLabsSpeech(
        context.client(
            NAME, options.endpoint(), Auth.header("xi-api-key", ""), options.resilience()),
        options.model(),
        options.voiceId());
  }
}
