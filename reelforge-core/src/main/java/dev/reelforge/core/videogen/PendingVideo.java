package dev.reelforge.core.videogen;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A job a vendor is working on: everything a later poll needs, also in another process after a
 * restart, so it is kept as plain values (a job engine stores it as the task's checkpoint).
 *
 * @param engine the generator's {@link VideoGenerator#name()}
 * @param externalId the vendor's id for the job, with whatever the adapter needs to poll it (Kling
 *     polls text and image jobs at different paths, so its id names which)
 * @param vendorStatus the vendor's last word on it, as the vendor spells it
 * @param submittedAt when it was submitted, for the engine's deadline
 * @param pollAfter how long to wait before the next poll
 */
public record PendingVideo(
    String engine,
    String externalId,
    String vendorStatus,
    Instant submittedAt,
    Duration pollAfter) {

  public PendingVideo {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(submittedAt, "submittedAt");
    Objects.requireNonNull(pollAfter, "pollAfter");
    vendorStatus = Objects.requireNonNullElse(vendorStatus, "");
    if (externalId.isBlank()) {
      throw new IllegalArgumentException("externalId must not be blank");
    }
  }

  /** The same job after a poll that found it still running. */
  public PendingVideo withStatus(String status, Duration nextPoll) {
    return new PendingVideo(engine, externalId, status, submittedAt, nextPoll);
  }
}
