package dev.reelforge.core.clips.uploads;

import java.time.Duration;
import java.util.Objects;

/**
 * How large an upload may be and how long an unfinished one is kept.
 *
 * @param maxBytes the largest file accepted, checked when the upload begins and on every chunk
 * @param maxChunkBytes the largest single chunk (one request's body)
 * @param expiry how long after it began an unfinished upload is thrown away
 */
public record UploadLimits(long maxBytes, long maxChunkBytes, Duration expiry) {

  /** 20 GiB: a three-hour 1080p recording at a generous bit rate. */
  public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024 * 1024;

  /** 64 MiB: large enough for few round trips, small enough to resend after a dropped link. */
  public static final long DEFAULT_MAX_CHUNK_BYTES = 64L * 1024 * 1024;

  /** A day: time to resume after a laptop slept overnight. */
  public static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);

  public UploadLimits {
    Objects.requireNonNull(expiry, "expiry");
    if (maxBytes <= 0 || maxChunkBytes <= 0) {
      throw new IllegalArgumentException("upload limits must be positive");
    }
    if (expiry.isNegative() || expiry.isZero()) {
      throw new IllegalArgumentException("the upload expiry must be positive");
    }
  }

  public static UploadLimits defaults() {
    return new UploadLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_CHUNK_BYTES, DEFAULT_EXPIRY);
  }
}
