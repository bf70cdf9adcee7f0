package dev.reelforge.core.jobs.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The worker's side of the job store: claiming due tasks under a lease, keeping the lease alive,
 * and recording how each execution ended. Every method that names a {@link TaskLease} returns false
 * (and changes nothing) when the worker no longer holds that lease.
 */
public interface TaskQueue {

  /**
   * Leases up to {@code request.limit()} ready tasks whose time has come, highest priority first,
   * then oldest; a task is never handed to two workers.
   */
  List<ClaimedTask> claim(ClaimRequest request);

  /** Extends the leases by {@code lease}; reports lost leases and cancellation requests. */
  HeartbeatResult heartbeat(String workerId, Collection<TaskLease> leases, Duration lease);

  /** The stage succeeded: dependents whose inputs are all done become ready; maybe the run ends. */
  boolean complete(TaskLease lease, String output);

  /**
   * Runs the task again at {@code runAfter}. When {@code failure} is present the attempt counts
   * against the retry policy; otherwise (polling) it does not.
   */
  boolean retryLater(
      TaskLease lease, Instant runAfter, Optional<String> checkpoint, Optional<JobError> failure);

  /** Parks the task (and its run) until a review signal. */
  boolean awaitReview(TaskLease lease, String proposal);

  /** The task failed for good: it goes to the dead letters and its run fails. */
  boolean kill(TaskLease lease, JobError error);

  /** The worker stopped the task because its run was cancelled. */
  boolean acknowledgeCancel(TaskLease lease);

  /** Gives the task back without counting an attempt (graceful shutdown). */
  boolean release(TaskLease lease);

  boolean saveCheckpoint(TaskLease lease, String checkpoint);

  void progress(TaskLease lease, double fraction, String message);

  /**
   * Returns tasks whose lease expired (their worker died or hung) to the queue, or to the dead
   * letters when they are out of attempts.
   *
   * @return how many tasks were reaped
   */
  int reapExpiredLeases();
}
