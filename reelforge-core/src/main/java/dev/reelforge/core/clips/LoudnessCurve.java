package dev.reelforge.core.clips;

import java.util.Arrays;

/**
 * The source's loudness over time: one value per step, in dB relative to full scale (silence is
 * {@link #SILENCE}).
 *
 * @param stepMillis the time each value covers
 * @param db the values, the first covering {@code [0, stepMillis)}
 */
public record LoudnessCurve(long stepMillis, double[] db) {

  public static final double SILENCE = -90;

  public LoudnessCurve {
    if (stepMillis <= 0) {
      throw new IllegalArgumentException("step must be positive");
    }
    db = db.clone();
  }

  /** The mean loudness between two times, in dB; {@link #SILENCE} outside the curve. */
  public double meanBetween(long fromMillis, long toMillis) {
    int from = (int) Math.max(0, fromMillis / stepMillis);
    int to = (int) Math.min(db.length, Math.max(from + 1, toMillis / stepMillis));
    if (from >= db.length) {
      return SILENCE;
    }
    return Arrays.stream(db, from, to).average().orElse(SILENCE);
  }

  /** The loudness at a time. */
  public double at(long millis) {
    int i = (int) (millis / stepMillis);
    return i >= 0 && i < db.length ? db[i] : SILENCE;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LoudnessCurve c
        && c.stepMillis == stepMillis
        && Arrays.equals(c.db, db);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(stepMillis) * 31 + Arrays.hashCode(db);
  }

  @Override
  public String toString() {
    return "LoudnessCurve[" + db.length + " x " + stepMillis + " ms]";
  }
}
