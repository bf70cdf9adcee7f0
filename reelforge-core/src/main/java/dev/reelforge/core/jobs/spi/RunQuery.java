package dev.reelforge.core.jobs.spi;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A filter over runs, newest first. {@code ownerId} empty means every owner (operators only).
 * {@code beforeId} pages: the next page starts after the last id of the previous one.
 */
public record RunQuery(
    Optional<UUID> ownerId,
    Set<RunStatus> statuses,
    Optional<String> kind,
    Optional<UUID> beforeId,
    int limit) {

  public static final int MAX_LIMIT = 500;

  public RunQuery {
    statuses = Set.copyOf(statuses);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
  }

  public static RunQuery all(int limit) {
    return new RunQuery(Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), limit);
  }

  public RunQuery withStatuses(RunStatus... statuses) {
    return new RunQuery(ownerId, Set.of(statuses), kind, beforeId, limit);
  }

  public RunQuery ofKind(String kind) {
    return new RunQuery(ownerId, statuses, Optional.of(kind), beforeId, limit);
  }

  public RunQuery ownedBy(UUID owner) {
    return new RunQuery(Optional.of(owner), statuses, kind, beforeId, limit);
  }
}
