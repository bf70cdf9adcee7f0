package dev.reelforge.core.transcript;

import java.util.Objects;

/**
 * One spoken word with its time in the source.
 *
 * @param text the word as written (punctuation kept, e.g. {@code "world."}), never blank
 * @param startMillis when the word starts in the source
 * @param endMillis when it ends; never before it starts
 * @param confidence the recogniser's confidence in [0,1]; 1 for a provided transcript
 */
public record TranscriptWord(String text, long startMillis, long endMillis, double confidence) {

  public TranscriptWord {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a word has text");
    }
    if (startMillis < 0 || endMillis < startMillis) {
      throw new IllegalArgumentException(
          "word '" + text + "' ends before it starts: " + startMillis + "-" + endMillis);
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0,1], was " + confidence);
    }
  }

  public long durationMillis() {
    return endMillis - startMillis;
  }
}
