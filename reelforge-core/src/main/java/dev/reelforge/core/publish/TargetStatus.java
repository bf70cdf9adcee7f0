package dev.reelforge.core.publish;

import java.util.Locale;

/** Where one target of a publication stands. */
public enum TargetStatus {
  /** Waits for its {@code scheduleAt}. */
  SCHEDULED,
  /** Handed to the publish queue. */
  QUEUED,
  /** Bytes are going up. */
  UPLOADING,
  /** Uploaded; the platform is processing it. */
  PROCESSING,
  /** Past a quota: waits for the next window, then resumes by itself. */
  DEFERRED,
  PUBLISHED,
  /** Failed after its retries; can be retried by hand. */
  FAILED,
  CANCELLED;

  public boolean finished() {
    return this == PUBLISHED || this == FAILED || this == CANCELLED;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
