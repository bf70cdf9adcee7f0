package dev.reelforge.clips;

/**
 * What the highlight finder is asked for: clips between {@code minMillis} and {@code maxMillis}
 * long, at least {@code minCount} of them when the source holds that many, at most {@code
 * maxCount}.
 *
 * @param minMillis the shortest clip; a short that ends before it has made its point is no short
 * @param maxMillis the longest clip; the platforms' shorts cap out around a minute
 * @param minCount how many clips to answer at least, when that many fit without overlapping
 * @param maxCount how many at most (the finder stops earlier when the rest score poorly)
 */
public record HighlightOptions(long minMillis, long maxMillis, int minCount, int maxCount) {

  /** Seed 003's defaults: 15–60 s, 4–9 clips. */
  public static final HighlightOptions DEFAULT = new HighlightOptions(15_000, 60_000, 4, 9);

  public HighlightOptions {
    if (minMillis < 1_000) {
      throw new IllegalArgumentException("minMillis must be at least 1000 ms, was " + minMillis);
    }
    if (maxMillis < minMillis) {
      throw new IllegalArgumentException(
          "maxMillis (" + maxMillis + ") must not be below minMillis (" + minMillis + ")");
    }
    if (minCount < 1) {
      throw new IllegalArgumentException("minCount must be at least 1, was " + minCount);
    }
    if (maxCount < minCount) {
      throw new IllegalArgumentException(
          "maxCount (" + maxCount + ") must not be below minCount (" + minCount + ")");
    }
  }

  /** These options with other counts (e.g. the CLI's {@code --count N} as {@code (N, N)}). */
  public HighlightOptions withCounts(int min, int max) {
    return new HighlightOptions(minMillis, maxMillis, min, max);
  }

  /** These options with other lengths. */
  public HighlightOptions withLengths(long min, long max) {
    return new HighlightOptions(min, max, minCount, maxCount);
  }
}
