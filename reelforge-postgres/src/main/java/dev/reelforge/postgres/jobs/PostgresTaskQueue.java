package dev.reelforge.postgres.jobs;

import dev.reelforge.core.jobs.spi.ClaimRequest;
import dev.reelforge.core.jobs.spi.ClaimedTask;
import dev.reelforge.core.jobs.spi.HeartbeatResult;
import dev.reelforge.core.jobs.spi.JobError;
import dev.reelforge.core.jobs.spi.JsonText;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskLease;
import dev.reelforge.core.jobs.spi.TaskQueue;
import dev.reelforge.core.jobs.spi.TaskStatus;
import dev.reelforge.postgres.jobs.internal.LeaseKeeper;
import dev.reelforge.postgres.jobs.internal.LeasedTasks;
import dev.reelforge.postgres.jobs.internal.RunTransactions;
import dev.reelforge.postgres.jobs.internal.TaskClaims;
import dev.reelforge.postgres.jobs.internal.TaskMoves;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link TaskQueue} on PostgreSQL. Claiming is one statement: {@code SELECT … FOR UPDATE SKIP
 * LOCKED} over the partial index of ready tasks, then an {@code UPDATE} that leases them, so
 * concurrent workers on any number of nodes never receive the same task and never wait for each
 * other. Every outcome is conditional on the lease (worker id, attempt, status running): a worker
 * that lost its lease cannot overwrite what the task's new owner does.
 */
public final class PostgresTaskQueue implements TaskQueue {

  private final RunTransactions tx;
  private final JdbcClient jdbc;
  private final LeasedTasks leased;
  private final TaskClaims claims;
  private final LeaseKeeper keeper;

  public PostgresTaskQueue(DataSource dataSource, Clock clock) {
    this.tx = new RunTransactions(dataSource, clock);
    this.jdbc = tx.jdbc();
    this.leased = new LeasedTasks(tx);
    this.claims = new TaskClaims(tx);
    this.keeper = new LeaseKeeper(tx, leased);
  }

  @Override
  public boolean complete(TaskLease lease, String output) {
    return tx.withRunLocked(
        lease.runId(),
        status -> {
          // One round trip under the run lock: finish the task, count it off its dependents
          // (making ready those with nothing left to wait for, unless the run stopped), end the
          // run when this was its last unfinished task, and log both, in that order. The
          // statement sees the task as it was, hence "id <> :id" and the output parameter.
          boolean active = status == RunStatus.RUNNING || status == RunStatus.AWAITING_REVIEW;
          Optional<Completion> completion =
              jdbc.sql(
                      """
                      with done as (
                        update task set status = :succeeded, output = cast(:output as jsonb),
                          completed_at = :now, progress = 1, lease_owner = null,
                          lease_expires_at = null, error_code = null, error_message = null,
                          error_retryable = null, updated_at = :now
                        where id = :id and status = 'running' and lease_owner = :worker
                          and attempt = :attempt
                        returning run_id, stage),
                      unblocked as (
                        update task d set pending_deps = d.pending_deps - 1, updated_at = :now,
                          status = case when d.pending_deps = 1 and :active then :ready
                                        else d.status end,
                          run_after = case when d.pending_deps = 1 and :active then :now
                                           else d.run_after end
                        from done
                        where d.run_id = done.run_id and d.status = 'blocked'
                          and done.stage = any(d.depends_on)
                        returning d.queue, d.status),
                      finished as (
                        update run set status = 'succeeded', completed_at = :now,
                          updated_at = :now, current_stage = null,
                          artifacts = (
                            select coalesce(jsonb_object_agg(t.stage,
                              case when t.id = :id then cast(:output as jsonb) else t.output end),
                              '{}'::jsonb)
                            from task t
                            where t.run_id = :run and not exists (
                              select 1 from task d where d.run_id = :run
                                and t.stage = any(d.depends_on)))
                        where id = :run and :canSucceed and exists (select 1 from done)
                          and not exists (
                            select 1 from task where run_id = :run and id <> :id
                              and status <> 'succeeded')
                        returning id),
                      logged as (
                        insert into run_event (run_id, type, stage, data, created_at)
                        select run_id, type, stage, data, :now from (
                          select 1 as n, run_id, 'stage.completed' as type, stage,
                            jsonb_build_object('attempt', cast(:attempt as integer)) as data
                          from done
                          union all
                          select 2, id, 'run.succeeded', null, '{}'::jsonb from finished) e
                        order by n)
                      select (select stage from done) as stage,
                        array(select queue from unblocked where status = :ready) as ready,
                        exists (select 1 from finished) as finished
                      """)
                  .param("output", output)
                  .param("succeeded", TaskMoves.move(TaskStatus.RUNNING, TaskStatus.SUCCEEDED))
                  .param("ready", TaskMoves.move(TaskStatus.BLOCKED, TaskStatus.READY))
                  .param("now", tx.now())
                  .param("id", lease.taskId())
                  .param("run", lease.runId())
                  .param("worker", lease.workerId())
                  .param("attempt", lease.attempt())
                  .param("active", active)
                  .param("canSucceed", status.canMoveTo(RunStatus.SUCCEEDED))
                  .query(
                      (rs, n) ->
                          rs.getString("stage") == null
                              ? null
                              : new Completion(
                                  rs.getString("stage"),
                                  Arrays.asList((String[]) rs.getArray("ready").getArray()),
                                  rs.getBoolean("finished")))
                  .optional();
          if (completion.isEmpty()) {
            return false;
          }
          tx.notifyWork(completion.get().readyQueues());
          if (!completion.get().runFinished() && status == RunStatus.AWAITING_REVIEW) {
            tx.settleRun(lease.runId(), status);
          }
          return true;
        });
  }

  private record Completion(String stage, List<String> readyQueues, boolean runFinished) {}

  @Override
  public boolean retryLater(
      TaskLease lease, Instant runAfter, Optional<String> checkpoint, Optional<JobError> failure) {
    return outcome(
        lease,
        status -> {
          Map<String, Object> params = new HashMap<>();
          params.put("runAfter", RunTransactions.utc(runAfter));
          params.put("checkpoint", checkpoint.orElse(null));
          params.put("counts", failure.isPresent());
          params.put("code", failure.map(f -> f.code().name()).orElse(null));
          params.put("message", failure.map(JobError::message).orElse(null));
          params.put("retryable", failure.map(JobError::retryable).orElse(null));
          Optional<String> stage =
              leased.finish(
                  lease,
                  TaskStatus.READY,
                  """
                  run_after = :runAfter,
                    checkpoint = coalesce(cast(:checkpoint as jsonb), checkpoint),
                    attempt = case when :counts then attempt else attempt - 1 end,
                    error_code = coalesce(:code, error_code),
                    error_message = coalesce(:message, error_message),
                    error_retryable = coalesce(:retryable, error_retryable),
                    lease_owner = null, lease_expires_at = null, updated_at = :now
                  """,
                  params);
          if (stage.isEmpty()) {
            return false;
          }
          tx.appendEvent(
              lease.runId(),
              failure.isPresent() ? "stage.retrying" : "stage.waiting",
              stage.get(),
              JsonText.object(
                  "attempt", lease.attempt(),
                  "runAfter", runAfter.toString(),
                  "error", failure.map(RunTransactions::errorJson).orElse(null)));
          return true;
        });
  }

  @Override
  public boolean awaitReview(TaskLease lease, String proposal) {
    return outcome(
        lease,
        status -> {
          Optional<String> stage =
              leased.finish(
                  lease,
                  TaskStatus.AWAITING_REVIEW,
                  """
                  review_proposal = cast(:proposal as jsonb), review_signal = null,
                    lease_owner = null, lease_expires_at = null, updated_at = :now
                  """,
                  Map.of("proposal", proposal));
          if (stage.isEmpty()) {
            return false;
          }
          tx.appendEvent(
              lease.runId(),
              "stage.awaiting_review",
              stage.get(),
              JsonText.object("proposal", new JsonText.Raw(proposal)));
          if (status == RunStatus.RUNNING) {
            // The run's event names the stage, so a webhook says what waits (e.g. moderation).
            tx.moveRun(
                lease.runId(),
                status,
                RunStatus.AWAITING_REVIEW,
                JsonText.object("stage", stage.get()));
          }
          return true;
        });
  }

  @Override
  public boolean kill(TaskLease lease, JobError error) {
    return outcome(
        lease,
        status -> {
          Optional<String> stage = leased.toDead(lease, error);
          if (stage.isEmpty()) {
            return false;
          }
          tx.failRun(lease.runId(), status, error);
          return true;
        });
  }

  /**
   * Records an outcome of a leased task under its run's lock. Whatever the handler answered (retry,
   * review, release, failure), a run cancelled meanwhile gets its task cancelled, so nothing of it
   * runs again.
   */
  private boolean outcome(TaskLease lease, Function<RunStatus, Boolean> record) {
    return tx.withRunLocked(
        lease.runId(),
        status ->
            status == RunStatus.CANCELLED ? leased.cancelInstead(lease) : record.apply(status));
  }

  @Override
  public boolean acknowledgeCancel(TaskLease lease) {
    return tx.withRunLocked(lease.runId(), status -> leased.cancelInstead(lease));
  }

  @Override
  public boolean release(TaskLease lease) {
    return outcome(
        lease,
        status -> {
          Optional<String> stage =
              leased.finish(
                  lease,
                  TaskStatus.READY,
                  """
                  attempt = attempt - 1, run_after = :now,
                    lease_owner = null, lease_expires_at = null, updated_at = :now
                  """,
                  Map.of());
          stage.ifPresent(
              s -> {
                tx.appendEvent(lease.runId(), "stage.released", s, "{}");
                tx.notifyWorkFor(lease.taskId());
              });
          return stage.isPresent();
        });
  }

  @Override
  public boolean saveCheckpoint(TaskLease lease, String checkpoint) {
    return jdbc.sql(
                """
                update task set checkpoint = cast(:checkpoint as jsonb), updated_at = :now
                where id = :id and status = 'running' and lease_owner = :worker
                  and attempt = :attempt
                """)
            .param("checkpoint", checkpoint)
            .param("now", tx.now())
            .param("id", lease.taskId())
            .param("worker", lease.workerId())
            .param("attempt", lease.attempt())
            .update()
        == 1;
  }

  @Override
  public void progress(TaskLease lease, double fraction, String message) {
    tx.withRunLocked(
        lease.runId(),
        status -> {
          Optional<String> stage =
              jdbc.sql(
                      """
                      update task set progress = :progress, progress_message = :message,
                        updated_at = :now
                      where id = :id and status = 'running' and lease_owner = :worker
                        and attempt = :attempt
                      returning stage
                      """)
                  .param("progress", fraction)
                  .param("message", message)
                  .param("now", tx.now())
                  .param("id", lease.taskId())
                  .param("worker", lease.workerId())
                  .param("attempt", lease.attempt())
                  .query(String.class)
                  .optional();
          stage.ifPresent(
              s ->
                  tx.appendEvent(
                      lease.runId(),
                      "progress",
                      s,
                      JsonText.object("progress", fraction, "message", message)));
          return null;
        });
  }

  @Override
  public List<ClaimedTask> claim(ClaimRequest request) {
    return claims.claim(request);
  }

  @Override
  public HeartbeatResult heartbeat(String workerId, Collection<TaskLease> leases, Duration lease) {
    return keeper.heartbeat(workerId, leases, lease);
  }

  @Override
  public int reapExpiredLeases() {
    return keeper.reapExpiredLeases();
  }
}
