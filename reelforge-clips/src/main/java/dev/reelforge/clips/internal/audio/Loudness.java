package dev.reelforge.clips.internal.audio;

import dev.reelforge.core.clips.LoudnessCurve;
import java.util.Arrays;

/**
 * A loudness curve read for comparisons: the mean over any stretch in constant time (prefix sums,
 * so scoring tens of thousands of candidate clips stays cheap) and percentiles of the talk, against
 * which a stretch is "lively" or "quiet". Silence inside the curve counts like any other value, but
 * the percentiles leave out the steps at {@link LoudnessCurve#SILENCE}, which are gaps in the
 * measurement rather than the talk's level.
 */
public final class Loudness {

  private final long stepMillis;
  private final double[] prefix;
  private final double[] sortedHeard;

  private Loudness(long stepMillis, double[] prefix, double[] sortedHeard) {
    this.stepMillis = stepMillis;
    this.prefix = prefix;
    this.sortedHeard = sortedHeard;
  }

  /** The curve up to {@code durationMillis}; {@code null} or an empty curve tells nothing. */
  public static Loudness of(LoudnessCurve curve, long durationMillis) {
    if (curve == null || curve.db().length == 0) {
      return new Loudness(1, new double[] {0}, new double[0]);
    }
    double[] db = curve.db();
    int n = (int) Math.min(db.length, Math.max(1, ceilDiv(durationMillis, curve.stepMillis())));
    double[] prefix = new double[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + db[i];
    }
    double[] heard =
        Arrays.stream(db, 0, n).filter(v -> v > LoudnessCurve.SILENCE + 1e-9).sorted().toArray();
    return new Loudness(curve.stepMillis(), prefix, heard);
  }

  /** Whether there is anything to compare: a curve with at least one value above silence. */
  public boolean known() {
    return sortedHeard.length > 0;
  }

  /** The mean level between two times, in dB (the curve's steps that the stretch touches). */
  public double meanBetween(long fromMillis, long toMillis) {
    int steps = prefix.length - 1;
    int from = (int) Math.min(steps - 1, Math.max(0, fromMillis / stepMillis));
    int to = (int) Math.min(steps, Math.max(from + 1, ceilDiv(toMillis, stepMillis)));
    return (prefix[to] - prefix[from]) / (to - from);
  }

  /** The level at a time (the step that holds it). */
  public double at(long millis) {
    return meanBetween(millis, millis + 1);
  }

  /** A percentile (0–100) of the heard levels; {@link LoudnessCurve#SILENCE} if none. */
  public double percentile(double p) {
    if (sortedHeard.length == 0) {
      return LoudnessCurve.SILENCE;
    }
    int index = (int) Math.round(p / 100 * (sortedHeard.length - 1));
    return sortedHeard[Math.max(0, Math.min(sortedHeard.length - 1, index))];
  }

  public double median() {
    return percentile(50);
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
