package dev.reelforge.core.timeline;

import java.util.Objects;

/** One spoken word and when it is heard, on the timeline's clock. */
public record CaptionWord(String text, long startMillis, long endMillis) {

  public CaptionWord {
    Objects.requireNonNull(text, "text");
  }
}
