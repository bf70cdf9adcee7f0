package dev.reelforge.core.speech;

import java.util.Objects;

/** One spoken word and when it is heard, in milliseconds from the start of the audio. */
public record WordTiming(String text, long startMillis, long endMillis) {

  public WordTiming {
    Objects.requireNonNull(text, "text");
    if (startMillis < 0 || endMillis < startMillis) {
      throw new IllegalArgumentException(
          "a word must start at or after 0 and end after it starts: " + text);
    }
  }
}
