package dev.reelforge.providers.videogen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.videogen.PendingVideo;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The errors the cloud video engines share, in the codes {@link
 * dev.reelforge.core.videogen.VideoGenerator} promises: the vendor's own rate limit as {@code
 * EXTERNAL_RATE_LIMIT}, a safety filter's refusal as {@code CONTENT_REFUSED} and a job past its
 * deadline as {@code PRODUCTION_TIMEOUT}.
 */
public final class VideoFailures {

  private VideoFailures() {}

  /**
   * Runs one call to {@code vendor}. The shared client reports a 429 that outlasts its retries as
   * {@code RATE_LIMIT_EXCEEDED}, the code of our own limits; for a video engine it is the vendor
   * that is busy, which the engine's fallback treats differently.
   */
  public static <T> T call(String vendor, Supplier<T> call) {
    try {
      return call.get();
    } catch (ReelForgeException e) {
      if (e.code() != ErrorCode.RATE_LIMIT_EXCEEDED) {
        throw e;
      }
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_RATE_LIMIT,
          vendor + " is busy: " + e.getMessage(),
          true,
          List.of(),
          e);
    }
  }

  /** The vendor's safety filter refused the prompt, an image or its own result. */
  public static ReelForgeException refused(String vendor, String what) {
    return new ReelForgeException(
        ErrorCode.CONTENT_REFUSED,
        vendor + "'s safety filter " + what + "; change the prompt or the pictures",
        false,
        List.of(),
        null);
  }

  /** Whether {@code job} has run longer than {@code deadline} allows. */
  public static boolean pastDeadline(PendingVideo job, Duration deadline, Clock clock) {
    return clock.instant().isAfter(job.submittedAt().plus(deadline));
  }

  /** A job still unfinished at its deadline (retryable: another try or engine may be quicker). */
  public static ReelForgeException timedOut(String vendor, Duration deadline, PendingVideo job) {
    return new ReelForgeException(
        ErrorCode.PRODUCTION_TIMEOUT,
        vendor
            + " did not finish job "
            + job.externalId()
            + " within "
            + deadline.toSeconds()
            + " s (last status "
            + (job.vendorStatus().isEmpty() ? "unknown" : job.vendorStatus())
            + ")",
        true,
        List.of(),
        null);
  }
}
