package dev.reelforge.core.speech;

import dev.reelforge.core.error.ReelForgeException;
import java.util.Objects;
import java.util.Optional;

/**
 * What to say and how.
 *
 * @param text the narration as written (it is normalised before synthesis)
 * @param voice an engine-specific voice name, or empty for the engine's default
 * @param rate speaking rate relative to normal (0.5–2.0)
 * @param pitchSemitones pitch shift in semitones (−12 to 12), where the engine supports it
 */
public record SpeechRequest(
    String text, Optional<String> voice, double rate, double pitchSemitones) {

  /** Seed 000's TTS limit. */
  public static final int MAX_TEXT_LENGTH = 5000;

  public SpeechRequest {
    Objects.requireNonNull(text, "text");
    voice = Objects.requireNonNullElse(voice, Optional.empty());
    if (text.isBlank()) {
      throw ReelForgeException.invalidField("text", "must not be blank");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw ReelForgeException.invalidField(
          "text", "must be at most " + MAX_TEXT_LENGTH + " characters");
    }
    if (rate < 0.5 || rate > 2.0) {
      throw ReelForgeException.invalidField("rate", "must be between 0.5 and 2.0");
    }
    if (pitchSemitones < -12 || pitchSemitones > 12) {
      throw ReelForgeException.invalidField("pitchSemitones", "must be between -12 and 12");
    }
  }

  public static SpeechRequest of(String text) {
    return new SpeechRequest(text, Optional.empty(), 1.0, 0);
  }
}
