package dev.reelforge.core.jobs.memory;

import dev.reelforge.core.jobs.api.ReviewSignal;
import dev.reelforge.core.jobs.spi.JobError;
import dev.reelforge.core.jobs.spi.NewRun;
import dev.reelforge.core.jobs.spi.TaskLease;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.jobs.spi.TaskStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One task as the in-memory store holds it: the {@code task} row of the PostgreSQL schema. Read and
 * changed only under {@link JobState}'s lock. {@link #moveTo} is the only writer of its status, and
 * it checks every change against {@link TaskStatus}'s transition table.
 */
final class MemoryTask {

  final UUID id;
  final MemoryRun run;
  final String stage;
  final String queue;
  final Set<String> dependsOn;
  final Set<String> requiredTags;
  final int maxAttempts;
  final Instant createdAt;

  private TaskStatus status;
  int pendingDeps;
  int attempt;
  Instant runAfter;
  Optional<String> leaseOwner = Optional.empty();
  Optional<Instant> leaseExpiresAt = Optional.empty();
  boolean cancelRequested;
  Optional<String> checkpoint = Optional.empty();
  Optional<String> output = Optional.empty();
  Optional<String> reviewProposal = Optional.empty();
  Optional<ReviewSignal> reviewSignal = Optional.empty();
  double progress;
  Optional<String> progressMessage = Optional.empty();
  Optional<JobError> lastError = Optional.empty();
  Optional<Instant> startedAt = Optional.empty();
  Optional<Instant> completedAt = Optional.empty();
  Instant updatedAt;

  MemoryTask(MemoryRun run, NewRun.NewTask task, Instant now) {
    this.id = task.id();
    this.run = run;
    this.stage = task.stage();
    this.queue = task.queue();
    this.dependsOn = task.dependsOn();
    this.requiredTags = task.requiredTags();
    this.maxAttempts = task.maxAttempts();
    this.createdAt = now;
    this.status = task.dependsOn().isEmpty() ? TaskStatus.READY : TaskStatus.BLOCKED;
    this.pendingDeps = task.dependsOn().size();
    this.runAfter = now;
    this.updatedAt = now;
  }

  TaskStatus status() {
    return status;
  }

  /**
   * The one place a task's status changes.
   *
   * @throws dev.reelforge.core.jobs.spi.IllegalTransitionException when the table forbids the move
   */
  void moveTo(TaskStatus next, Instant now) {
    status = status.requireMoveTo(next, "task " + id + " (" + stage + ")");
    updatedAt = now;
  }

  /** Whether {@code lease} still owns this task: same worker, same attempt, still running. */
  boolean heldBy(TaskLease lease) {
    return status == TaskStatus.RUNNING
        && attempt == lease.attempt()
        && leaseOwner.filter(lease.workerId()::equals).isPresent();
  }

  void dropLease() {
    leaseOwner = Optional.empty();
    leaseExpiresAt = Optional.empty();
  }

  /** The error as the runs API shows it: always named after this task's stage. */
  void recordError(JobError error) {
    lastError = Optional.of(new JobError(error.code(), error.message(), stage, error.retryable()));
  }

  TaskRecord toRecord() {
    return new TaskRecord(
        id,
        run.id,
        run.ownerId,
        stage,
        queue,
        status,
        run.priority,
        attempt,
        maxAttempts,
        runAfter,
        leaseOwner,
        leaseExpiresAt,
        progress,
        progressMessage,
        lastError,
        createdAt,
        startedAt,
        completedAt);
  }
}
