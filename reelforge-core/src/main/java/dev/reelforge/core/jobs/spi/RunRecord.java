package dev.reelforge.core.jobs.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A run as stored: what a user started and where it stands. Payloads are JSON text. */
public record RunRecord(
    UUID id,
    UUID ownerId,
    String kind,
    RunStatus status,
    Optional<String> currentStage,
    int priority,
    String inputs,
    String artifacts,
    Optional<JobError> error,
    Credits credits,
    Optional<String> idempotencyKey,
    Instant createdAt,
    Optional<Instant> startedAt,
    Optional<Instant> completedAt) {

  public RunRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(status, "status");
  }
}
