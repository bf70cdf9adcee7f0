package dev.reelforge.core.jobs.spi;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A task as stored: one stage of one run, for operators and the runs API. */
public record TaskRecord(
    UUID id,
    UUID runId,
    UUID ownerId,
    String stage,
    String queue,
    TaskStatus status,
    int priority,
    int attempt,
    int maxAttempts,
    Instant runAfter,
    Optional<String> leaseOwner,
    Optional<Instant> leaseExpiresAt,
    double progress,
    Optional<String> progressMessage,
    Optional<JobError> lastError,
    Instant createdAt,
    Optional<Instant> startedAt,
    Optional<Instant> completedAt) {}
