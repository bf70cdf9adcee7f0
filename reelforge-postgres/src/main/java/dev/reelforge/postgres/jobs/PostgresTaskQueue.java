package dev.reelforge.postgres.jobs;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.jobs.ClaimRequest;
import dev.reelforge.core.jobs.ClaimedTask;
import dev.reelforge.core.jobs.HeartbeatResult;
import dev.reelforge.core.jobs.JobError;
import dev.reelforge.core.jobs.ReviewSignal;
import dev.reelforge.core.jobs.RunStatus;
import dev.reelforge.core.jobs.TaskLease;
import dev.reelforge.core.jobs.TaskQueue;
import dev.reelforge.postgres.jobs.internal.JsonText;
import dev.reelforge.postgres.jobs.internal.RunTransactions;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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

  static {
    // The claim statement starts queued runs in SQL; it relies on this move being allowed.
    if (!RunStatus.QUEUED.canMoveTo(RunStatus.RUNNING)) {
      throw new IllegalStateException("a queued run must be allowed to start");
    }
  }

  private final RunTransactions tx;
  private final JdbcClient jdbc;

  public PostgresTaskQueue(DataSource dataSource, Clock clock) {
    this.tx = new RunTransactions(dataSource, clock);
    this.jdbc = tx.jdbc();
  }

  private record Claimed(
      UUID id,
      UUID runId,
      UUID ownerId,
      String kind,
      String stage,
      int attempt,
      List<String> dependsOn,
      Optional<String> checkpoint,
      Optional<ReviewSignal> signal,
      String inputs,
      String runStatus) {}

  @Override
  public List<ClaimedTask> claim(ClaimRequest request) {
    // One queue at a time, in random order: with an equality on the queue the claim index hands
    // rows over already sorted and the LIMIT stops early (an IN-list would sort every ready task
    // of every queue on each claim). The random order keeps a busy queue from starving the rest.
    List<String> queues = new ArrayList<>(request.queues());
    java.util.Collections.shuffle(queues);
    List<ClaimedTask> result = new ArrayList<>();
    for (String queueName : queues) {
      int remaining = request.limit() - result.size();
      if (remaining <= 0) {
        break;
      }
      result.addAll(claimFrom(queueName, remaining, request));
    }
    return result;
  }

  private List<ClaimedTask> claimFrom(String queueName, int limit, ClaimRequest request) {
    return tx.inTransaction(
        () -> {
          OffsetDateTime now = tx.now();
          OffsetDateTime leaseUntil = RunTransactions.utc(now.toInstant().plus(request.lease()));
          // Tasks and their runs are both taken with SKIP LOCKED: a claim never waits for
          // another transaction, so it cannot take part in a deadlock.
          List<Claimed> claimed =
              jdbc.sql(
                      """
                      with candidate as (
                        select t.id, t.run_id from task t
                        where t.status = 'ready' and t.queue = :queue
                          and t.run_after <= :now
                          and t.required_tags <@ string_to_array(:tags, ',')
                        order by t.priority desc, t.run_after, t.id
                        limit :limit
                        for update of t skip locked
                      ), locked_run as (
                        select r.id, r.status, r.inputs from run r
                        where r.id in (select run_id from candidate)
                        for update of r skip locked
                      ), claimed as (
                        update task t set status = 'running', attempt = t.attempt + 1,
                          lease_owner = :worker, lease_expires_at = :leaseUntil,
                          started_at = coalesce(t.started_at, :now), updated_at = :now,
                          progress = 0, progress_message = null, cancel_requested = false
                        from candidate c join locked_run r on r.id = c.run_id
                        where t.id = c.id
                        returning t.id, t.run_id, t.owner_id, t.kind, t.stage, t.attempt,
                          t.depends_on, t.checkpoint, t.review_signal,
                          r.inputs::text as inputs, r.status as run_status
                      ), started as (
                        -- A queued run starts (queued -> running is in RunStatus's table).
                        update run r set current_stage = c.stage, updated_at = :now,
                          status = case when r.status = 'queued' then 'running' else r.status end,
                          started_at = coalesce(r.started_at, :now)
                        from claimed c where r.id = c.run_id
                      ), logged as (
                        insert into run_event (run_id, type, stage, data, created_at)
                        select run_id, type, stage, data, :now from (
                          (select distinct on (run_id) 1 as n, run_id, id, 'run.running' as type,
                             null::text as stage, '{}'::jsonb as data
                           from claimed where run_status = 'queued' order by run_id)
                          union all
                          select 2, run_id, id, 'stage.started', stage,
                            jsonb_build_object('attempt', attempt)
                          from claimed) e
                        order by run_id, n, id
                      )
                      select id, run_id, owner_id, kind, stage, attempt, depends_on,
                        checkpoint::text as checkpoint,
                        review_signal->>'decision' as decision,
                        review_signal->>'payload' as payload,
                        review_signal->>'actor' as actor,
                        inputs, run_status
                      from claimed
                      """)
                  .param("queue", queueName)
                  .param("now", now)
                  .param("tags", String.join(",", request.workerTags()))
                  .param("limit", limit)
                  .param("worker", request.workerId())
                  .param("leaseUntil", leaseUntil)
                  .query(PostgresTaskQueue::claimed)
                  .list();
          List<ClaimedTask> result = new ArrayList<>(claimed.size());
          for (Claimed c : claimed) {
            result.add(
                new ClaimedTask(
                    new TaskLease(c.id(), c.runId(), request.workerId(), c.attempt()),
                    c.runId(),
                    c.ownerId(),
                    c.kind(),
                    c.stage(),
                    c.inputs(),
                    dependencyOutputs(c),
                    c.checkpoint(),
                    c.signal(),
                    leaseUntil.toInstant()));
          }
          return result;
        });
  }

  private Map<String, String> dependencyOutputs(Claimed c) {
    if (c.dependsOn().isEmpty()) {
      return Map.of();
    }
    Map<String, String> outputs = new HashMap<>();
    jdbc.sql(
            """
            select stage, output::text as output from task
            where run_id = :run and stage = any(string_to_array(:stages, ','))
            """)
        .param("run", c.runId())
        .param("stages", String.join(",", c.dependsOn()))
        .query(
            (rs, n) -> {
              outputs.put(rs.getString("stage"), rs.getString("output"));
              return null;
            })
        .list();
    return outputs;
  }

  private static Claimed claimed(ResultSet rs, int row) throws SQLException {
    Array deps = rs.getArray("depends_on");
    String decision = rs.getString("decision");
    Optional<ReviewSignal> signal =
        decision == null
            ? Optional.empty()
            : Optional.of(
                new ReviewSignal(
                    ReviewSignal.Decision.valueOf(decision),
                    Optional.ofNullable(rs.getString("payload")),
                    rs.getString("actor")));
    return new Claimed(
        rs.getObject("id", UUID.class),
        rs.getObject("run_id", UUID.class),
        rs.getObject("owner_id", UUID.class),
        rs.getString("kind"),
        rs.getString("stage"),
        rs.getInt("attempt"),
        Arrays.asList((String[]) deps.getArray()),
        Optional.ofNullable(rs.getString("checkpoint")),
        signal,
        rs.getString("inputs"),
        rs.getString("run_status"));
  }

  @Override
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
                        update task set status = 'succeeded', output = cast(:output as jsonb),
                          completed_at = :now, progress = 1, lease_owner = null,
                          lease_expires_at = null, error_code = null, error_message = null,
                          error_retryable = null, updated_at = :now
                        where id = :id and status = 'running' and lease_owner = :worker
                          and attempt = :attempt
                        returning run_id, stage),
                      unblocked as (
                        update task d set pending_deps = d.pending_deps - 1, updated_at = :now,
                          status = case when d.pending_deps = 1 and :active then 'ready'
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
                        array(select queue from unblocked where status = 'ready') as ready,
                        exists (select 1 from finished) as finished
                      """)
                  .param("output", output)
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
    return tx.withRunLocked(
        lease.runId(),
        status -> {
          if (status == RunStatus.CANCELLED) {
            return cancelInstead(lease);
          }
          Map<String, Object> params = new HashMap<>();
          params.put("runAfter", RunTransactions.utc(runAfter));
          params.put("checkpoint", checkpoint.orElse(null));
          params.put("counts", failure.isPresent());
          params.put("code", failure.map(f -> f.code().name()).orElse(null));
          params.put("message", failure.map(JobError::message).orElse(null));
          params.put("retryable", failure.map(JobError::retryable).orElse(null));
          Optional<String> stage =
              finish(
                  lease,
                  """
                  update task set status = 'ready', run_after = :runAfter,
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
    return tx.withRunLocked(
        lease.runId(),
        status -> {
          if (status == RunStatus.CANCELLED) {
            return cancelInstead(lease);
          }
          Optional<String> stage =
              finish(
                  lease,
                  """
                  update task set status = 'awaiting_review',
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
            tx.moveRun(lease.runId(), status, RunStatus.AWAITING_REVIEW, "{}");
          }
          return true;
        });
  }

  @Override
  public boolean kill(TaskLease lease, JobError error) {
    return tx.withRunLocked(
        lease.runId(),
        status -> {
          if (status == RunStatus.CANCELLED) {
            return cancelInstead(lease);
          }
          Optional<String> stage = toDead(lease, error);
          if (stage.isEmpty()) {
            return false;
          }
          tx.failRun(lease.runId(), status, error);
          return true;
        });
  }

  private Optional<String> toDead(TaskLease lease, JobError error) {
    Optional<String> stage =
        finish(
            lease,
            """
            update task set status = 'dead', completed_at = :now, error_code = :code,
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

  @Override
  public boolean acknowledgeCancel(TaskLease lease) {
    return tx.withRunLocked(lease.runId(), status -> cancelInstead(lease));
  }

  /**
   * Records the task as cancelled: whatever the handler asked for (retry, review, release), its run
   * was cancelled meanwhile, so it must not run again. The caller holds the run lock.
   */
  private boolean cancelInstead(TaskLease lease) {
    Optional<String> stage =
        finish(
            lease,
            """
            update task set status = 'cancelled', completed_at = :now,
              lease_owner = null, lease_expires_at = null, updated_at = :now
            """,
            Map.of());
    stage.ifPresent(s -> tx.appendEvent(lease.runId(), "stage.cancelled", s, "{}"));
    return stage.isPresent();
  }

  @Override
  public boolean release(TaskLease lease) {
    return tx.withRunLocked(
        lease.runId(),
        status -> {
          if (status == RunStatus.CANCELLED) {
            return cancelInstead(lease);
          }
          Optional<String> stage =
              finish(
                  lease,
                  """
                  update task set status = 'ready', attempt = attempt - 1, run_after = :now,
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
            return finish(
                    lease,
                    "update task set status = 'cancelled', completed_at = :now,"
                        + " lease_owner = null, lease_expires_at = null, updated_at = :now",
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
            Optional<String> stage = toDead(lease, error);
            stage.ifPresent(
                s ->
                    tx.failRun(
                        lease.runId(),
                        status,
                        new JobError(error.code(), error.message(), s, true)));
            return stage.isPresent();
          }
          Optional<String> stage =
              finish(
                  lease,
                  """
                  update task set status = 'ready', run_after = :now, lease_owner = null,
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
  private Optional<String> finish(TaskLease lease, String update, Map<String, ?> params) {
    JdbcClient.StatementSpec statement =
        jdbc.sql(
                update
                    + " where id = :id and status = 'running' and lease_owner = :worker"
                    + " and attempt = :attempt returning stage")
            .param("id", lease.taskId())
            .param("worker", lease.workerId())
            .param("attempt", lease.attempt())
            .param("now", tx.now());
    for (Map.Entry<String, ?> e : params.entrySet()) {
      statement = statement.param(e.getKey(), e.getValue());
    }
    return statement.query(String.class).optional();
  }
}
