package dev.reelforge.app.security;

/**
 * The rate limiter counts in windows of a clock minute, so a test that fills a limit with a burst
 * of requests fails by chance when the burst straddles the minute's end: it waits for the next
 * minute first when too little of this one is left.
 */
public final class RateWindows {

  /** Time a burst of a few requests takes, with room to spare on a loaded machine. */
  private static final long BURST_MILLIS = 10_000;

  private RateWindows() {}

  /** Returns when at least {@code BURST_MILLIS} of the current clock minute are left. */
  public static void awaitRoomForABurst() throws InterruptedException {
    long intoMinute = System.currentTimeMillis() % 60_000;
    if (intoMinute > 60_000 - BURST_MILLIS) {
      Thread.sleep(60_000 - intoMinute + 100);
    }
  }
}
