package dev.reelforge.core.jobs.spi;

import dev.reelforge.core.jobs.api.ReviewSignal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where runs, their tasks and their event logs live. Every state change goes through the transition
 * tables of {@link RunStatus} and {@link TaskStatus} and appends to the run's event log in the same
 * transaction.
 */
public interface RunStore {

  /**
   * Stores a new run with its tasks (stages without dependencies ready at once), or, when the owner
   * already has a run with the same idempotency key, returns that run unchanged. Safe under
   * concurrent submits of the same key: exactly one run is created.
   */
  SubmitResult submit(NewRun run);

  Optional<RunRecord> findRun(UUID runId);

  /** The owner's run submitted with {@code idempotencyKey}, if any. */
  Optional<RunRecord> findByIdempotencyKey(UUID ownerId, String idempotencyKey);

  /** Runs matching {@code query}, newest first. */
  List<RunRecord> listRuns(RunQuery query);

  /** The tasks of a run, in creation order. */
  List<TaskRecord> tasksOf(UUID runId);

  /** Tasks in {@code status}, oldest first, optionally of one queue (operators' views). */
  List<TaskRecord> tasksIn(TaskStatus status, Optional<String> queue, int limit);

  /**
   * Cancels a run: tasks not started are cancelled, running ones are asked to stop.
   *
   * @return false when the run had already ended
   * @throws dev.reelforge.core.error.ReelForgeException RESOURCE_NOT_FOUND for an unknown run
   */
  boolean cancel(UUID runId, String actor);

  /**
   * Answers a stage that awaits review.
   *
   * @throws dev.reelforge.core.error.ReelForgeException RESOURCE_NOT_FOUND when the run is unknown,
   *     CONFLICT when that stage is not awaiting review
   */
  void signalReview(UUID runId, String stage, ReviewSignal signal);

  /**
   * Puts a dead task back in its queue with fresh attempts; its run runs again.
   *
   * @return false when the task is not dead
   */
  boolean requeueDead(UUID taskId, String actor);

  /**
   * Events of a run with an id above {@code afterSequence}, oldest first, at most {@code limit}.
   */
  List<RunEvent> events(UUID runId, long afterSequence, int limit);

  /** Per-queue counts and the age of the oldest ready task. */
  List<QueueStats> queueStats();

  /** Tasks waiting in {@code queue} (ready or delayed): the depth backpressure looks at. */
  long depth(String queue);

  /** The outcome of {@link #submit}. */
  record SubmitResult(RunRecord run, boolean created) {}
}
