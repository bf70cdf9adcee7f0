package dev.reelforge.core.jobs.spi;

/**
 * The credits a run cost: whether they were debited, how many, and whether they were refunded
 * (exactly once, when the run fails or is cancelled).
 */
public record Credits(boolean charged, long amount, boolean refunded) {
  public static final Credits NONE = new Credits(false, 0, false);
}
