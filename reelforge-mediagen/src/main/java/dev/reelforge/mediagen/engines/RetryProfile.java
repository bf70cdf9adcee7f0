package dev.reelforge.mediagen.engines;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How one engine is retried and waited for (seed 001 §6.2): after a failure that may pass, the job
 * submits to the same engine again up to {@code maxRetries} times, waiting {@code backoff} (fixed,
 * or doubling from it when {@code exponential}); a job the engine has not finished {@code timeout}
 * after its submit is cancelled at the vendor and handed to the next engine.
 *
 * <p>The defaults ({@link #forEngine}):
 *
 * <table>
 *   <caption>retry profiles</caption>
 *   <tr><th>engine</th><th>retries</th><th>backoff</th><th>timeout</th><th>why</th></tr>
 *   <tr><td>kling, luma</td><td>2</td><td>fixed 30 s</td><td>300 s</td><td>seed 001 §6.2</td></tr>
 *   <tr><td>runway</td><td>2</td><td>fixed 30 s</td><td>300 s</td><td>a Runway task takes about
 *       a minute; THROTTLED waits count against the same five minutes as Kling's queue</td></tr>
 *   <tr><td>veo</td><td>2</td><td>fixed 30 s</td><td>420 s</td><td>Google documents up to six
 *       minutes at peak hours for a Veo operation</td></tr>
 *   <tr><td>local</td><td>1</td><td>fixed 5 s</td><td>300 s</td><td>in-process: one retry covers a
 *       passing disk or FFmpeg fault; a deterministic one would only fail again</td></tr>
 *   <tr><td>any other</td><td>2</td><td>fixed 30 s</td><td>300 s</td><td>as Kling</td></tr>
 * </table>
 *
 * @param maxRetries submits to the same engine after the first, 0 or more
 * @param backoff the wait before the first retry
 * @param exponential whether each later wait doubles (else every wait is {@code backoff})
 * @param timeout how long one submit may take to finish, polls included
 */
public record RetryProfile(
    int maxRetries, Duration backoff, boolean exponential, Duration timeout) {

  /** Seed 001 §6.2's Kling and Luma rows: 2 retries, fixed 30 s, 300 s. */
  public static final RetryProfile SEED_PRODUCTION =
      fixed(2, Duration.ofSeconds(30), Duration.ofSeconds(300));

  private static final Map<String, RetryProfile> DEFAULTS =
      Map.of(
          VideoEngines.KLING, SEED_PRODUCTION,
          VideoEngines.LUMA, SEED_PRODUCTION,
          VideoEngines.RUNWAY, SEED_PRODUCTION,
          VideoEngines.VEO, fixed(2, Duration.ofSeconds(30), Duration.ofSeconds(420)),
          VideoEngines.LOCAL, fixed(1, Duration.ofSeconds(5), Duration.ofSeconds(300)));

  public RetryProfile {
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(timeout, "timeout");
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
    }
    if (backoff.isNegative()) {
      throw new IllegalArgumentException("backoff must not be negative");
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
  }

  /** Every retry after the same wait. */
  public static RetryProfile fixed(int maxRetries, Duration backoff, Duration timeout) {
    return new RetryProfile(maxRetries, backoff, false, timeout);
  }

  /** The default profile of {@code engine} (the table above). */
  public static RetryProfile forEngine(String engine) {
    return DEFAULTS.getOrDefault(engine, SEED_PRODUCTION);
  }

  /** The wait before retry {@code retry} (1 for the first retry). */
  public Duration delayBefore(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retries are counted from 1, was " + retry);
    }
    if (!exponential) {
      return backoff;
    }
    return backoff.multipliedBy(1L << Math.min(retry - 1, 20));
  }

  /** Whether a job that has used {@code retriesUsed} retries on this engine may use another. */
  public boolean allowsRetry(int retriesUsed) {
    return retriesUsed < maxRetries;
  }
}
