package dev.reelforge.bench;

import java.util.Arrays;

/** Percentiles of a set of measurements, in milliseconds. */
record Stats(double p50, double p90, double p99, double max, int count) {

  static Stats of(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Stats(
        at(sorted, 0.50),
        at(sorted, 0.90),
        at(sorted, 0.99),
        sorted[sorted.length - 1] / 1e6,
        sorted.length);
  }

  private static double at(long[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  @Override
  public String toString() {
    return String.format(
        "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", p50, p90, p99, max, count);
  }
}
