package dev.reelforge.postgres.jobs.internal;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.jobs.spi.HeartbeatResult;
import dev.reelforge.core.jobs.spi.JobError;
import dev.reelforge.core.jobs.spi.JsonText;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskLease;
import dev.reelforge.core.jobs.spi.TaskStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeping leases honest: heartbeats extend the leases of live workers; the reaper returns the tasks
 * of dead or hung workers to their queues, or to the dead letters after their last attempt.
 */
public final class LeaseKeeper {

  private final RunTransactions tx;
  private final JdbcClient jdbc;
  private final LeasedTasks leased;

  public LeaseKeeper(RunTransactions tx, LeasedTasks leased) {
    this.tx = tx;
    this.jdbc = tx.jdbc();
    this.leased = leased;
  }

  /** Extends leases; reports the lost ones and the cancelled ones. */
  public HeartbeatResult heartbeat(String workerId, Collection<TaskLease> leases, Duration lease) {
    if (leases.isEmpty()) {
      return new HeartbeatResult(Set.of(), Set.of());
    }
    String ids = leases.stream().map(l -> l.taskId().toString()).collect(Collectors.joining(","));
    OffsetDateTime now = tx.now();
    Set<UUID> cancel = new HashSet<>();
    Set<UUID> extended = new HashSet<>();
    // SKIP LOCKED: a task another transaction holds right now is simply extended next time
    // (the lease outlasts several heartbeats); waiting could deadlock with a cancel.
    jdbc.sql(
            """
            update task set lease_expires_at = :until, updated_at = :now
            where id in (
              select id from task where id = any(cast(string_to_array(:ids, ',') as uuid[]))
                and status = 'running' and lease_owner = :worker
              for update skip locked)
            returning id, cancel_requested
            """)
        .param("until", RunTransactions.utc(now.toInstant().plus(lease)))
        .param("now", now)
        .param("ids", ids)
        .param("worker", workerId)
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              extended.add(id);
              if (rs.getBoolean("cancel_requested")) {
                cancel.add(id);
              }
              return id;
            })
        .list();
    Set<UUID> stillOurs =
        new HashSet<>(
            jdbc.sql(
                    """
                    select id from task where id = any(cast(string_to_array(:ids, ',') as uuid[]))
                      and status = 'running' and lease_owner = :worker
                    """)
                .param("ids", ids)
                .param("worker", workerId)
                .query(UUID.class)
                .list());
    stillOurs.addAll(extended);
    Set<UUID> lost =
        leases.stream()
            .map(TaskLease::taskId)
            .filter(id -> !stillOurs.contains(id))
            .collect(Collectors.toSet());
    // A run cancelled while its task ran: the task's lease is no longer ours to keep.
    Set<UUID> cancelled =
        new HashSet<>(
            jdbc.sql(
                    """
                    select id from task where id = any(cast(string_to_array(:ids, ',') as uuid[]))
                      and lease_owner = :worker and cancel_requested
                    """)
                .param("ids", ids)
                .param("worker", workerId)
                .query(UUID.class)
                .list());
    cancel.addAll(cancelled);
    return new HeartbeatResult(lost, cancel);
  }

  /** Reaps expired leases; returns how many tasks were reaped. */
  public int reapExpiredLeases() {
    List<TaskLease> expired =
        jdbc.sql(
                """
                select id, run_id, lease_owner, attempt from task
                where status = 'running' and lease_expires_at < :now
                order by lease_expires_at limit 500
                """)
            .param("now", tx.now())
            .query(
                (rs, n) ->
                    new TaskLease(
                        rs.getObject("id", UUID.class),
                        rs.getObject("run_id", UUID.class),
                        rs.getString("lease_owner"),
                        rs.getInt("attempt")))
            .list();
    int reaped = 0;
    for (TaskLease lease : expired) {
      if (reap(lease)) {
        reaped++;
      }
    }
    return reaped;
  }

  private boolean reap(TaskLease lease) {
    return tx.withRunLocked(
        lease.runId(),
        status -> {
          // Re-check under the lock: the worker may have finished or heartbeated meanwhile.
          Optional<Integer> maxAttempts =
              jdbc.sql(
                      """
                      select max_attempts from task
                      where id = :id and status = 'running' and lease_owner = :worker
                        and attempt = :attempt and lease_expires_at < :now
                      for update
                      """)
                  .param("id", lease.taskId())
                  .param("worker", lease.workerId())
                  .param("attempt", lease.attempt())
                  .param("now", tx.now())
                  .query(Integer.class)
                  .optional();
          if (maxAttempts.isEmpty()) {
            return false;
          }
          if (status == RunStatus.CANCELLED) {
            return leased
                .finish(
                    lease,
                    TaskStatus.CANCELLED,
                    "completed_at = :now, lease_owner = null, lease_expires_at = null,"
                        + " updated_at = :now",
                    Map.of())
                .isPresent();
          }
          if (lease.attempt() >= maxAttempts.get()) {
            JobError error =
                new JobError(
                    ErrorCode.INTERNAL_ERROR,
                    "worker " + lease.workerId() + " stopped responding on the last attempt",
                    "",
                    true);
            Optional<String> stage = leased.toDead(lease, error);
            stage.ifPresent(
                s ->
                    tx.failRun(
                        lease.runId(),
                        status,
                        new JobError(error.code(), error.message(), s, true)));
            return stage.isPresent();
          }
          Optional<String> stage =
              leased.finish(
                  lease,
                  TaskStatus.READY,
                  """
                  run_after = :now, lease_owner = null,
                    lease_expires_at = null, error_code = 'INTERNAL_ERROR',
                    error_message = 'its worker stopped responding', error_retryable = true,
                    updated_at = :now
                  """,
                  Map.of());
          stage.ifPresent(
              s -> {
                tx.appendEvent(
                    lease.runId(),
                    "stage.reclaimed",
                    s,
                    JsonText.object("attempt", lease.attempt(), "worker", lease.workerId()));
                tx.notifyWorkFor(lease.taskId());
              });
          return stage.isPresent();
        });
  }

  /**
   * Applies {@code update} (an UPDATE … SET clause) to the task if the lease still holds it, and
   * returns the task's stage; empty when the lease is no longer valid.
   */
}
