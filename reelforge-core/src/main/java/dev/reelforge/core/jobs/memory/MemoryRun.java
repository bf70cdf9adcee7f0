package dev.reelforge.core.jobs.memory;

import dev.reelforge.core.jobs.spi.Credits;
import dev.reelforge.core.jobs.spi.JobError;
import dev.reelforge.core.jobs.spi.NewRun;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One run as the in-memory store holds it: the {@code run} row of the PostgreSQL schema. Read and
 * changed only under {@link JobState}'s lock; its status changes only through {@link JobState}'s
 * {@code moveRun}, which checks the transition table.
 */
final class MemoryRun {

  final UUID id;
  final UUID ownerId;
  final String kind;
  final int priority;
  final String inputs;
  final Optional<String> idempotencyKey;
  final Optional<String> traceContext;
  final Instant createdAt;

  RunStatus status = RunStatus.QUEUED;
  Optional<String> currentStage = Optional.empty();
  String artifacts = "{}";
  Optional<JobError> error = Optional.empty();
  Credits credits = Credits.NONE;
  Optional<Instant> startedAt = Optional.empty();
  Optional<Instant> completedAt = Optional.empty();

  MemoryRun(NewRun run, Instant now) {
    this.id = run.id();
    this.ownerId = run.ownerId();
    this.kind = run.kind();
    this.priority = run.priority();
    this.inputs = run.inputs();
    this.idempotencyKey = run.idempotencyKey();
    this.traceContext = run.traceContext();
    this.createdAt = now;
  }

  UUID id() {
    return id;
  }

  RunStatus status() {
    return status;
  }

  RunRecord toRecord() {
    return new RunRecord(
        id,
        ownerId,
        kind,
        status,
        currentStage,
        priority,
        inputs,
        artifacts,
        error,
        credits,
        idempotencyKey,
        createdAt,
        startedAt,
        completedAt);
  }
}
