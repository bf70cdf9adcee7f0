package dev.reelforge.providers.videogen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.videogen.PendingVideo;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The time a vendor's job may take, for the adapters that hold one (Runway, Veo): a job still
 * unfinished past it fails as {@code PRODUCTION_TIMEOUT}, the code {@link
 * dev.reelforge.core.videogen.VideoGenerator} promises for it.
 */
public final class Deadlines {

  private Deadlines() {}

  /** Whether {@code job} has run longer than {@code deadline} allows. */
  public static boolean passed(PendingVideo job, Duration deadline, Clock clock) {
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
