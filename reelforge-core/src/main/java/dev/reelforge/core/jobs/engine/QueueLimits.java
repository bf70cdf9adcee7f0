package dev.reelforge.core.jobs.engine;

import java.util.Map;

/**
 * Backpressure thresholds: when a queue already holds this many waiting tasks, new submissions that
 * would add to it are refused with a retryable error (HTTP 503 + Retry-After) instead of piling up
 * work no worker will reach in time.
 */
public record QueueLimits(long defaultMaxDepth, Map<String, Long> maxDepthByQueue) {

  public static final long DEFAULT_MAX_DEPTH = 10_000;
  public static final QueueLimits DEFAULT = new QueueLimits(DEFAULT_MAX_DEPTH, Map.of());

  public QueueLimits {
    maxDepthByQueue = Map.copyOf(maxDepthByQueue);
    if (defaultMaxDepth < 1 || maxDepthByQueue.values().stream().anyMatch(v -> v < 1)) {
      throw new IllegalArgumentException("queue depth limits must be positive");
    }
  }

  public long maxDepth(String queue) {
    return maxDepthByQueue.getOrDefault(queue, defaultMaxDepth);
  }
}
