package dev.reelforge.core.transcript;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to transcribe.
 *
 * @param audio a 16 kHz mono 16-bit PCM WAV file (what {@code ClipMedia.extractSpeech} writes)
 * @param language BCP 47 tag of the speech, e.g. {@code en-US}
 * @param durationMillis the audio's length, for progress and for engines that bill by time
 */
public record TranscriptionRequest(Path audio, String language, long durationMillis) {

  public TranscriptionRequest {
    Objects.requireNonNull(audio, "audio");
    Objects.requireNonNull(language, "language");
  }
}
