package dev.reelforge.core.visuals;

import dev.reelforge.core.error.ReelForgeException;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a beat needs to show.
 *
 * @param keywords what the picture should show, most important first (at least one)
 * @param orientation the frame the video is rendered in
 * @param kinds which kinds are welcome (clips, stills or both)
 * @param minDurationMillis for clips: how long the beat lasts (shorter clips are looped or slowed)
 * @param limit how many candidates at most (1–50)
 * @param seed makes procedural results repeatable
 * @param text what is said over the picture (the beat's line), empty when unknown: stock searches
 *     ignore it, sources that compose a picture take its key phrase and its other words from it
 */
public record VisualQuery(
    List<String> keywords,
    Orientation orientation,
    Set<VisualKind> kinds,
    long minDurationMillis,
    int limit,
    long seed,
    String text) {

  public VisualQuery {
    keywords = List.copyOf(keywords);
    text = Objects.requireNonNullElse(text, "").strip();
    Objects.requireNonNull(orientation, "orientation");
    kinds = Set.copyOf(kinds);
    if (keywords.isEmpty() || keywords.stream().allMatch(String::isBlank)) {
      throw ReelForgeException.invalidField("keywords", "at least one keyword is needed");
    }
    if (kinds.isEmpty()) {
      throw ReelForgeException.invalidField("kinds", "at least one kind is needed");
    }
    if (limit < 1 || limit > 50) {
      throw ReelForgeException.invalidField("limit", "must be between 1 and 50");
    }
    if (minDurationMillis < 0) {
      throw ReelForgeException.invalidField("minDurationMillis", "must not be negative");
    }
  }

  /** A query without the beat's line. */
  public VisualQuery(
      List<String> keywords,
      Orientation orientation,
      Set<VisualKind> kinds,
      long minDurationMillis,
      int limit,
      long seed) {
    this(keywords, orientation, kinds, minDurationMillis, limit, seed, "");
  }

  /** Stills and clips, five candidates, for a beat of {@code millis}. */
  public static VisualQuery of(List<String> keywords, Orientation orientation, long millis) {
    return new VisualQuery(
        keywords, orientation, EnumSet.allOf(VisualKind.class), millis, 5, keywords.hashCode());
  }

  /** The keywords as one search phrase. */
  public String phrase() {
    return String.join(" ", keywords).strip();
  }
}
