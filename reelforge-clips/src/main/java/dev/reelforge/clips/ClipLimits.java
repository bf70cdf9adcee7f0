package dev.reelforge.clips;

import java.time.Duration;

/**
 * What the clips feature accepts.
 *
 * @param maxDuration the longest source (seed 003: 3 hours by default)
 * @param maxBytes the largest upload
 * @param probeTimeout how long a probe of an upload may take before it is refused
 * @param maxSubtitleBytes the largest SRT/VTT
 * @param minClip the shortest clip a person may trim to
 * @param maxClip the longest clip a person may trim to
 */
public record ClipLimits(
    Duration maxDuration,
    long maxBytes,
    Duration probeTimeout,
    long maxSubtitleBytes,
    Duration minClip,
    Duration maxClip) {

  public static final ClipLimits DEFAULT =
      new ClipLimits(
          Duration.ofHours(3),
          8L * 1024 * 1024 * 1024,
          Duration.ofSeconds(30),
          5L * 1024 * 1024,
          Duration.ofSeconds(3),
          Duration.ofMinutes(3));
}
