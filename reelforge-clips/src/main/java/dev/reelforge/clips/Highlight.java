package dev.reelforge.clips;

import java.util.List;
import java.util.Objects;

/**
 * A stretch of the source worth cutting into a short, as the highlight finder proposes it.
 *
 * @param startMillis where the clip starts (on a word's start, snapped to a scene cut when one is
 *     near)
 * @param endMillis where it ends (on a sentence's last word's end)
 * @param title a short title from the clip's own words
 * @param score in [0,1]; higher is better
 * @param reasons why it scored, in words a creator understands, strongest first (e.g. {@code "opens
 *     with a question"}, {@code "loud, lively delivery"})
 */
public record Highlight(
    long startMillis, long endMillis, String title, double score, List<String> reasons) {

  public Highlight {
    Objects.requireNonNull(title, "title");
    reasons = List.copyOf(reasons);
    if (startMillis < 0 || endMillis <= startMillis) {
      throw new IllegalArgumentException("a highlight has a length");
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0,1], was " + score);
    }
  }

  public long durationMillis() {
    return endMillis - startMillis;
  }
}
