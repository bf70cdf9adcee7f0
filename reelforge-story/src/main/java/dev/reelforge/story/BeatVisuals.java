package dev.reelforge.story;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.visuals.Orientation;
import dev.reelforge.core.visuals.VisualCandidate;
import dev.reelforge.core.visuals.VisualKind;
import dev.reelforge.core.visuals.VisualQuery;
import dev.reelforge.core.visuals.VisualSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How a beat finds its visual, shared by {@code make}, the engine pipeline and the session routes:
 * how long the beat will last, the frame's orientation, the query, and the choice among results.
 */
public final class BeatVisuals {

  private BeatVisuals() {}

  /**
   * About fifteen characters of narration a second, at least two seconds: long enough for a clip to
   * cover the beat.
   */
  public static long beatMillis(String text) {
    return Math.max(2000, text.length() * 1000L / 15);
  }

  public static Orientation orientation(RenderPreset preset) {
    if (preset.width() == preset.height()) {
      return Orientation.SQUARE;
    }
    return preset.vertical() ? Orientation.PORTRAIT : Orientation.LANDSCAPE;
  }

  /**
   * A search for a beat's visual, seeded by its keywords and position so results are stable.
   *
   * @param text the beat's line (may be empty): composed pictures take their words from it
   */
  public static VisualQuery query(
      List<String> keywords,
      String text,
      Orientation orientation,
      long millis,
      int beat,
      int results) {
    return new VisualQuery(
        keywords,
        orientation,
        EnumSet.allOf(VisualKind.class),
        millis,
        results,
        keywords.hashCode() + 31L * beat,
        text);
  }

  /**
   * The best result not used by an earlier beat (or the best one when all are used).
   *
   * @throws ReelForgeException SERVICE_UNAVAILABLE when the source finds nothing
   */
  static VisualCandidate choose(
      VisualSource source,
      List<String> keywords,
      String text,
      Orientation orientation,
      long millis,
      int beat,
      Set<String> used) {
    List<VisualCandidate> found =
        source.search(query(keywords, text, orientation, millis, beat, 5));
    return found.stream()
        .filter(c -> !used.contains(key(c)))
        .findFirst()
        .or(() -> found.stream().findFirst())
        .orElseThrow(
            () ->
                new ReelForgeException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "no visual found for beat "
                        + (beat + 1)
                        + " ("
                        + String.join(", ", keywords)
                        + ")"));
  }

  /** A candidate's identity across searches. */
  public static String key(VisualCandidate candidate) {
    return candidate.source() + ":" + candidate.id();
  }
}
