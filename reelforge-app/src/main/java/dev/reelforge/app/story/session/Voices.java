package dev.reelforge.app.story.session;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.speech.SpeechRequest;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.speech.Voice;
import dev.reelforge.providers.tools.ScratchDirectory;
import dev.reelforge.story.StoryVoices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The voices a story may be narrated in: those installed with the speech engine in use (a session
 * is narrated by that engine, so another engine's voices could not be used), and a short sample of
 * each. A sample is made once per engine and voice and kept in memory: there are as many as
 * installed voices, each a few hundred kilobytes at most.
 */
@Component
public class Voices {

  /** What a voice id may be (every engine's ids fit; anything else is not a voice). */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9_.+\\-]{1,64}");

  static final String SAMPLE = "Hello! This is how the narration of your video will sound.";

  private final ProviderRegistry providers;
  private final Map<String, byte[]> samples = new ConcurrentHashMap<>();

  public Voices(ProviderRegistry providers) {
    this.providers = providers;
  }

  /** The installed voices of the engine in use; empty when there is none or it cannot say. */
  public List<Voice> installed() {
    return StoryVoices.installed(providers);
  }

  /** The engine in use, by name, or empty. */
  public Optional<String> engineName() {
    return engine().map(SpeechSynthesizer::name);
  }

  /**
   * A WAV of the sample sentence in voice {@code id}.
   *
   * @throws ReelForgeException INVALID_INPUT for a malformed id, RESOURCE_NOT_FOUND for a voice the
   *     engine in use does not have
   */
  public byte[] sample(String id) {
    if (!ID.matcher(id).matches()) {
      throw ReelForgeException.invalidField(
          "id", "a voice id from GET /api/voices (letters, digits, . _ + -)");
    }
    Voice voice =
        installed().stream()
            .filter(v -> v.id().equals(id))
            .findFirst()
            .orElseThrow(() -> ReelForgeException.notFound("Voice", id));
    return samples.computeIfAbsent(voice.engine() + "/" + voice.id(), key -> synthesize(voice));
  }

  private byte[] synthesize(Voice voice) {
    SpeechSynthesizer speech = providers.require(ProviderPort.SPEECH, SpeechSynthesizer.class);
    Path temp = Path.of(System.getProperty("java.io.tmpdir"), "voice-sample.wav");
    try (ScratchDirectory dir = ScratchDirectory.beside(temp, "reelforge-voice-sample")) {
      Path wav = dir.resolve("sample.wav");
      speech.synthesize(new SpeechRequest(SAMPLE, Optional.of(voice.id()), 1.0, 0), wav);
      return Files.readAllBytes(wav);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Optional<SpeechSynthesizer> engine() {
    return providers
        .active(ProviderPort.SPEECH)
        .map(choice -> (SpeechSynthesizer) choice.implementation());
  }
}
