package dev.reelforge.providers.ingest;

import java.time.Duration;

/**
 * Bounds on fetching one link.
 *
 * @param maxBytes the most body bytes accepted (after decompression, so a small gzip bomb cannot
 *     grow past it)
 * @param timeout the whole fetch, redirects included; a server that trickles bytes hits it too
 * @param maxRedirects redirects followed before giving up
 */
public record FetchLimits(long maxBytes, Duration timeout, int maxRedirects) {

  public static final FetchLimits DEFAULT =
      new FetchLimits(5L * 1024 * 1024, Duration.ofSeconds(20), 5);

  public FetchLimits {
    if (maxBytes < 1 || timeout.isNegative() || timeout.isZero() || maxRedirects < 0) {
      throw new IllegalArgumentException("fetch limits must be positive");
    }
  }
}
