package dev.reelforge.core.transcript;

import java.util.Objects;

/**
 * One cue of a subtitle file: a span of time and the text shown during it, tags removed.
 *
 * @param index the cue's position in the file, from 1 (an SRT cue's own number is not trusted)
 * @param startMillis when it appears
 * @param endMillis when it goes; after it appears
 * @param text what it says, lines joined by single spaces; may be empty (a cue of tags only)
 */
public record SubtitleCue(int index, long startMillis, long endMillis, String text) {

  public SubtitleCue {
    Objects.requireNonNull(text, "text");
    if (index < 1) {
      throw new IllegalArgumentException("cue index starts at 1, was " + index);
    }
    if (startMillis < 0 || endMillis <= startMillis) {
      throw new IllegalArgumentException(
          "cue " + index + " must end after it starts: " + startMillis + "-" + endMillis);
    }
  }
}
