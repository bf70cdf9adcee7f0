package dev.reelforge.core.jobs.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/** What a worker asks for: up to {@code limit} tasks of its queues whose tags it has. */
public record ClaimRequest(
    String workerId, Set<String> queues, Set<String> workerTags, int limit, Duration lease) {
  public ClaimRequest {
    Objects.requireNonNull(workerId, "workerId");
    queues = Set.copyOf(queues);
    workerTags = Set.copyOf(workerTags);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
  }
}
