package dev.reelforge.core.timeline;

import java.util.Objects;

/**
 * One caption word and when it is heard, on the timeline's clock: a word as the author wrote it
 * ("3.8 cm", "2010", "e.g."), timed over the words spoken for it.
 */
public record CaptionWord(String text, long startMillis, long endMillis) {

  public CaptionWord {
    Objects.requireNonNull(text, "text");
  }
}
