package dev.reelforge.clips.internal.highlight;

import dev.reelforge.core.transcript.TranscriptWord;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Moves a clip's cut onto a nearby scene change, so the short opens on a fresh picture instead of a
 * few frames of the previous shot — but only when the scene change falls in the pause next to the
 * cut: the clip must keep exactly its words, never lose or gain the start of one.
 */
public final class SceneSnap {

  /** How far a cut may move to meet a scene change. */
  public static final long REACH_MILLIS = 1_500;

  private final long[] cuts;
  private final List<TranscriptWord> words;
  private final long sourceDurationMillis;

  public SceneSnap(List<Long> sceneCutsMillis, List<TranscriptWord> words, long sourceDuration) {
    this.cuts = sceneCutsMillis.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
    this.words = words;
    this.sourceDurationMillis = sourceDuration;
  }

  /**
   * A scene change in the pause before word {@code firstWord} and at most {@link #REACH_MILLIS}
   * before it starts, the nearest one.
   */
  public OptionalLong startBefore(int firstWord) {
    long start = words.get(firstWord).startMillis();
    long previousEnd = firstWord == 0 ? 0 : words.get(firstWord - 1).endMillis();
    return latestIn(Math.max(previousEnd, start - REACH_MILLIS), start);
  }

  /**
   * A scene change in the pause after word {@code lastWord} and at most {@link #REACH_MILLIS} after
   * it ends, the nearest one.
   */
  public OptionalLong endAfter(int lastWord) {
    long end = words.get(lastWord).endMillis();
    long nextStart =
        lastWord + 1 < words.size() ? words.get(lastWord + 1).startMillis() : sourceDurationMillis;
    return earliestIn(end, Math.min(Math.min(nextStart, sourceDurationMillis), end + REACH_MILLIS));
  }

  private OptionalLong latestIn(long from, long to) {
    int i = Arrays.binarySearch(cuts, to);
    int at = i >= 0 ? i : -i - 2;
    return at >= 0 && cuts[at] >= from ? OptionalLong.of(cuts[at]) : OptionalLong.empty();
  }

  private OptionalLong earliestIn(long from, long to) {
    int i = Arrays.binarySearch(cuts, from);
    int at = i >= 0 ? i : -i - 1;
    return at < cuts.length && cuts[at] <= to ? OptionalLong.of(cuts[at]) : OptionalLong.empty();
  }
}
