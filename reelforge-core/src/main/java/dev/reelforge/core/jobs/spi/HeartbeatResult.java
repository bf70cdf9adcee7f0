package dev.reelforge.core.jobs.spi;

import java.util.Set;
import java.util.UUID;

/**
 * The answer to a heartbeat: tasks whose lease this worker no longer holds (stop and forget them)
 * and tasks whose run was cancelled (interrupt them).
 */
public record HeartbeatResult(Set<UUID> lost, Set<UUID> cancelRequested) {
  public HeartbeatResult {
    lost = Set.copyOf(lost);
    cancelRequested = Set.copyOf(cancelRequested);
  }
}
