package dev.reelforge.providers.openai;

import dev.reelforge.core.brand.BrandAnalyzer;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.moderation.ImageModerator;
import dev.reelforge.core.moderation.Moderator;
import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.providers.http.Auth;
import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.http.JsonApiClient;
import java.util.List;

/**
 * Builds OpenAI's adapters from validated {@link OpenAiOptions}; the key goes as a bearer token.
 */
public final class OpenAiFactory {

  /** The configuration name of every OpenAI adapter. */
  public static final String NAME = "openai";

  private OpenAiFactory() {}

  /** Speech, image generation, moderation and brand analysis, as the registry offers them. */
  public static List<ProviderChoice<?>> choices(OpenAiOptions options, CloudContext context) {
    return List.of(
        new ProviderChoice<SpeechSynthesizer>(
            ProviderPort.SPEECH,
            NAME,
            false,
            "OpenAI " + options.speechModel() + ", word times from the audio's voiced regions",
            speech(options, context)),
        new ProviderChoice<ImageGenerator>(
            ProviderPort.IMAGE_GENERATOR,
            NAME,
            false,
            "OpenAI Images, model " + options.imageModel(),
            images(options, context)),
        new ProviderChoice<Moderator>(
            ProviderPort.MODERATOR,
            NAME,
            false,
            "OpenAI moderation, model " + options.moderationModel(),
            moderator(options, context)),
        new ProviderChoice<ImageModerator>(
            ProviderPort.IMAGE_MODERATOR,
            NAME,
            false,
            "OpenAI image moderation, model "
                + options.moderationModel()
                + " (sexual, self-harm and violence)",
            imageModerator(options, context)),
        new ProviderChoice<BrandAnalyzer>(
            ProviderPort.BRAND_ANALYZER,
            NAME,
            false,
            "OpenAI vision, model " + options.visionModel() + ", strict JSON schema",
            brandAnalyzer(options, context)));
  }

  public static OpenAiSpeech speech(OpenAiOptions options, CloudContext context) {
    return new OpenAiSpeech(client(options, context), options.speechModel(), options.voice());
  }

  public static OpenAiImages images(OpenAiOptions options, CloudContext context) {
    return new OpenAiImages(client(options, context), options.imageModel());
  }

  public static OpenAiModerator moderator(OpenAiOptions options, CloudContext context) {
    return new OpenAiModerator(client(options, context), options.moderationModel());
  }

  public static OpenAiImageModerator imageModerator(OpenAiOptions options, CloudContext context) {
    return new OpenAiImageModerator(client(options, context), options.moderationModel());
  }

  public static OpenAiBrandAnalyzer brandAnalyzer(OpenAiOptions options, CloudContext context) {
    return new OpenAiBrandAnalyzer(client(options, context), options.visionModel());
  }

  /** Whisper, from its own options (it is chosen by the clips' transcriber setting). */
  public static OpenAiTranscriber transcriber(
      OpenAiTranscriptionOptions options, CloudContext context) {
    return new OpenAiTranscriber(
        context.client(NAME, options.endpoint(), Auth.bearer(), options.resilience()), options);
  }

  // One client per adapter: a failing image model must not open the circuit for speech.
  private static JsonApiClient client(OpenAiOptions options, CloudContext context) {
    return context.client(NAME, options.endpoint(), Auth.bearer(), options.resilience());
  }
}
