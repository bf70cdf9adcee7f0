package dev.reelforge.postgres.jobs.internal;

import dev.reelforge.core.jobs.spi.JobError;
import dev.reelforge.core.jobs.spi.JsonText;
import dev.reelforge.core.jobs.spi.TaskLease;
import dev.reelforge.core.jobs.spi.TaskStatus;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Changes to a task that hold only while a given lease still owns it (worker id, attempt, status
 * running): the building block of every outcome a worker or the reaper records.
 */
public final class LeasedTasks {

  private final RunTransactions tx;
  private final JdbcClient jdbc;

  public LeasedTasks(RunTransactions tx) {
    this.tx = tx;
    this.jdbc = tx.jdbc();
  }

  /**
   * Moves the task from running to {@code to}, applying {@code set} (the rest of an UPDATE's SET
   * clause), if the lease still holds it; returns the task's stage, empty when the lease is no
   * longer valid.
   */
  public Optional<String> finish(
      TaskLease lease, TaskStatus to, String set, Map<String, ?> params) {
    JdbcClient.StatementSpec statement =
        jdbc.sql(
                "update task set status = :to, "
                    + set
                    + " where id = :id and status = 'running' and lease_owner = :worker"
                    + " and attempt = :attempt returning stage")
            .param("to", TaskMoves.move(TaskStatus.RUNNING, to))
            .param("id", lease.taskId())
            .param("worker", lease.workerId())
            .param("attempt", lease.attempt())
            .param("now", tx.now());
    for (Map.Entry<String, ?> e : params.entrySet()) {
      statement = statement.param(e.getKey(), e.getValue());
    }
    return statement.query(String.class).optional();
  }

  /** Sends the leased task to the dead letters and logs it; the caller holds the run lock. */
  public Optional<String> toDead(TaskLease lease, JobError error) {
    Optional<String> stage =
        finish(
            lease,
            TaskStatus.DEAD,
            """
            completed_at = :now, error_code = :code,
              error_message = :message, error_retryable = :retryable,
              lease_owner = null, lease_expires_at = null, updated_at = :now
            """,
            Map.of(
                "code", error.code().name(),
                "message", error.message(),
                "retryable", error.retryable()));
    stage.ifPresent(
        s ->
            tx.appendEvent(
                lease.runId(),
                "stage.dead",
                s,
                JsonText.object(
                    "attempt", lease.attempt(), "error", RunTransactions.errorJson(error))));
    return stage;
  }

  /**
   * Records the task as cancelled: whatever the handler asked for (retry, review, release), its run
   * was cancelled meanwhile, so it must not run again. The caller holds the run lock.
   */
  public boolean cancelInstead(TaskLease lease) {
    Optional<String> stage =
        finish(
            lease,
            TaskStatus.CANCELLED,
            """
            completed_at = :now, lease_owner = null, lease_expires_at = null, updated_at = :now
            """,
            Map.of());
    stage.ifPresent(s -> tx.appendEvent(lease.runId(), "stage.cancelled", s, "{}"));
    return stage.isPresent();
  }
}
