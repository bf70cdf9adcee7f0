package dev.reelforge.postgres.jobs;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.ReviewSignal;
import dev.reelforge.core.jobs.spi.JsonText;
import dev.reelforge.core.jobs.spi.NewRun;
import dev.reelforge.core.jobs.spi.QueueStats;
import dev.reelforge.core.jobs.spi.RunEvent;
import dev.reelforge.core.jobs.spi.RunQuery;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.RunStore;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.jobs.spi.TaskStatus;
import dev.reelforge.postgres.jobs.internal.JobRows;
import dev.reelforge.postgres.jobs.internal.RunTransactions;
import dev.reelforge.postgres.jobs.internal.TaskMoves;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link RunStore} on PostgreSQL (tables {@code run}, {@code task}, {@code run_event}). */
public final class PostgresRunStore implements RunStore {

  private static final String INVALID_JSON_STATE = "22P02";

  private final RunTransactions tx;
  private final JdbcClient jdbc;

  public PostgresRunStore(DataSource dataSource, Clock clock) {
    this.tx = new RunTransactions(dataSource, clock);
    this.jdbc = tx.jdbc();
  }

  @Override
  public SubmitResult submit(NewRun run) {
    try {
      return tx.inTransaction(() -> insert(run));
    } catch (DataAccessException e) {
      if (e.getMostSpecificCause() instanceof java.sql.SQLException sql
          && INVALID_JSON_STATE.equals(sql.getSQLState())) {
        throw ReelForgeException.invalidField("inputs", "must be valid JSON");
      }
      throw e;
    }
  }

  private SubmitResult insert(NewRun run) {
    OffsetDateTime now = tx.now();
    int inserted =
        jdbc.sql(
                """
                insert into run (id, owner_id, kind, status, priority, inputs, idempotency_key,
                                 trace_context, created_at, updated_at)
                values (:id, :owner, :kind, 'queued', :priority, cast(:inputs as jsonb), :key,
                        :trace, :now, :now)
                on conflict (owner_id, idempotency_key) do nothing
                """)
            .param("id", run.id())
            .param("owner", run.ownerId())
            .param("kind", run.kind())
            .param("priority", run.priority())
            .param("inputs", run.inputs())
            .param("key", run.idempotencyKey().orElse(null))
            .param("trace", run.traceContext().orElse(null))
            .param("now", now)
            .update();
    if (inserted == 0) {
      // The same key won a concurrent or earlier submit: answer with that run.
      RunRecord existing =
          findByIdempotencyKey(run.ownerId(), run.idempotencyKey().orElseThrow()).orElseThrow();
      return new SubmitResult(existing, false);
    }
    if (run.credits() > 0) {
      // Debited with the run itself: a short balance stores nothing (the transaction rolls back).
      tx.charge(run.id(), run.ownerId(), run.credits());
    }
    List<String> readyQueues = new ArrayList<>();
    for (NewRun.NewTask task : run.tasks()) {
      boolean ready = task.dependsOn().isEmpty();
      if (ready) {
        readyQueues.add(task.queue());
      }
      jdbc.sql(
              """
              insert into task (id, run_id, owner_id, kind, stage, queue, priority, status,
                                depends_on, pending_deps, required_tags, max_attempts, timeout_ms,
                                run_after, created_at, updated_at)
              values (:id, :run, :owner, :kind, :stage, :queue, :priority, :status,
                      string_to_array(:deps, ','), :pending, string_to_array(:tags, ','),
                      :maxAttempts, :timeout, :now, :now, :now)
              """)
          .param("id", task.id())
          .param("run", run.id())
          .param("owner", run.ownerId())
          .param("kind", run.kind())
          .param("stage", task.stage())
          .param("queue", task.queue())
          .param("priority", run.priority())
          .param("status", ready ? "ready" : "blocked")
          .param("deps", String.join(",", task.dependsOn()))
          .param("pending", task.dependsOn().size())
          .param("tags", String.join(",", task.requiredTags()))
          .param("maxAttempts", task.maxAttempts())
          .param("timeout", task.timeout().toMillis())
          .param("now", now)
          .update();
    }
    tx.appendEvent(
        run.id(),
        "run.queued",
        null,
        JsonText.object("kind", run.kind(), "stages", run.tasks().size()));
    tx.notifyWork(readyQueues);
    return new SubmitResult(findRun(run.id()).orElseThrow(), true);
  }

  @Override
  public Optional<RunRecord> findRun(UUID runId) {
    return jdbc.sql("select " + JobRows.RUN_COLUMNS + " from run where id = :id")
        .param("id", runId)
        .query(JobRows::run)
        .optional();
  }

  @Override
  public Optional<RunRecord> findByIdempotencyKey(UUID ownerId, String idempotencyKey) {
    return jdbc.sql(
            "select "
                + JobRows.RUN_COLUMNS
                + " from run where owner_id = :owner and idempotency_key = :key")
        .param("owner", ownerId)
        .param("key", idempotencyKey)
        .query(JobRows::run)
        .optional();
  }

  @Override
  public List<RunRecord> listRuns(RunQuery query) {
    StringBuilder sql = new StringBuilder("select " + JobRows.RUN_COLUMNS + " from run where true");
    query.ownerId().ifPresent(o -> sql.append(" and owner_id = :owner"));
    if (!query.statuses().isEmpty()) {
      sql.append(" and status = any(string_to_array(:statuses, ','))");
    }
    query.kind().ifPresent(k -> sql.append(" and kind = :kind"));
    query.beforeId().ifPresent(b -> sql.append(" and id < :before"));
    sql.append(" order by id desc limit :limit");
    JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("limit", query.limit());
    if (query.ownerId().isPresent()) {
      statement = statement.param("owner", query.ownerId().get());
    }
    if (!query.statuses().isEmpty()) {
      statement =
          statement.param(
              "statuses",
              query.statuses().stream().map(RunStatus::wireName).collect(Collectors.joining(",")));
    }
    if (query.kind().isPresent()) {
      statement = statement.param("kind", query.kind().get());
    }
    if (query.beforeId().isPresent()) {
      statement = statement.param("before", query.beforeId().get());
    }
    return statement.query(JobRows::run).list();
  }

  @Override
  public List<TaskRecord> tasksOf(UUID runId) {
    return jdbc.sql("select " + JobRows.TASK_COLUMNS + " from task where run_id = :run order by id")
        .param("run", runId)
        .query(JobRows::task)
        .list();
  }

  @Override
  public List<TaskRecord> tasksIn(TaskStatus status, Optional<String> queue, int limit) {
    return jdbc.sql(
            "select "
                + JobRows.TASK_COLUMNS
                + " from task where status = :status and (:queue::text is null or queue = :queue)"
                + " order by updated_at, id limit :limit")
        .param("status", status.wireName())
        .param("queue", queue.orElse(null))
        .param("limit", limit)
        .query(JobRows::task)
        .list();
  }

  @Override
  public boolean cancel(UUID runId, String actor) {
    return tx.withRunLocked(
        runId,
        status -> {
          if (status.isTerminal()) {
            return false;
          }
          List<UUID> stopped =
              tx.moveTasks(
                  runId,
                  Set.of(TaskStatus.BLOCKED, TaskStatus.READY, TaskStatus.AWAITING_REVIEW),
                  TaskStatus.CANCELLED);
          int running =
              jdbc.sql(
                      """
                      update task set cancel_requested = true, updated_at = :now
                      where run_id = :run and status = 'running'
                      """)
                  .param("now", tx.now())
                  .param("run", runId)
                  .update();
          tx.moveRun(
              runId,
              status,
              RunStatus.CANCELLED,
              JsonText.object(
                  "actor", actor, "tasksCancelled", stopped.size(), "tasksStopping", running));
          if (running > 0) {
            tx.notifyCancel(runId);
          }
          return true;
        });
  }

  @Override
  public void signalReview(UUID runId, String stage, ReviewSignal signal) {
    tx.withRunLocked(
        runId,
        status -> {
          Optional<UUID> taskId =
              jdbc.sql(
                      """
                      select id from task
                      where run_id = :run and stage = :stage and status = 'awaiting_review'
                      for update
                      """)
                  .param("run", runId)
                  .param("stage", stage)
                  .query(UUID.class)
                  .optional();
          if (taskId.isEmpty()) {
            throw new ReelForgeException(
                ErrorCode.CONFLICT,
                "stage " + stage + " of run " + runId + " is not awaiting review");
          }
          tx.appendEvent(
              runId,
              "review",
              stage,
              JsonText.object(
                  "decision", signal.decision().name().toLowerCase(java.util.Locale.ROOT),
                  "actor", signal.actor(),
                  "payload", signal.payload().orElse(null)));
          switch (signal.decision()) {
            case APPROVE -> approve(runId, taskId.get(), stage, signal, status);
            case CHANGE, REROLL -> rerun(runId, taskId.get(), signal, status);
          }
          return null;
        });
  }

  private void approve(
      UUID runId, UUID taskId, String stage, ReviewSignal signal, RunStatus status) {
    // The approved output is the reviewer's replacement, or the proposal as it stood.
    jdbc.sql(
            """
            update task set status = :to, completed_at = :now, updated_at = :now,
              progress = 1,
              output = coalesce(cast(:replacement as jsonb), review_proposal)
            where id = :id
            """)
        .param("to", TaskMoves.move(TaskStatus.AWAITING_REVIEW, TaskStatus.SUCCEEDED))
        .param("now", tx.now())
        .param("replacement", signal.payload().orElse(null))
        .param("id", taskId)
        .update();
    tx.appendEvent(runId, "stage.completed", stage, JsonText.object("approved", true));
    RunStatus running = status;
    if (status == RunStatus.AWAITING_REVIEW) {
      tx.moveRun(runId, status, RunStatus.RUNNING, "{}");
      running = RunStatus.RUNNING;
    }
    tx.unblockDependents(runId, stage, running);
    tx.settleRun(runId, running);
  }

  private void rerun(UUID runId, UUID taskId, ReviewSignal signal, RunStatus status) {
    boolean reroll = signal.decision() == ReviewSignal.Decision.REROLL;
    String queue =
        jdbc.sql(
                """
                update task set status = :to, attempt = 0, run_after = :now, updated_at = :now,
                  checkpoint = case when :reroll then null else checkpoint end,
                  review_signal = jsonb_build_object('decision', cast(:decision as text),
                    'payload', cast(:payload as text), 'actor', cast(:actor as text))
                where id = :id returning queue
                """)
            .param("to", TaskMoves.move(TaskStatus.AWAITING_REVIEW, TaskStatus.READY))
            .param("now", tx.now())
            .param("reroll", reroll)
            .param("decision", signal.decision().name())
            .param("payload", signal.payload().orElse(null))
            .param("actor", signal.actor())
            .param("id", taskId)
            .query(String.class)
            .single();
    if (status == RunStatus.AWAITING_REVIEW) {
      tx.moveRun(runId, status, RunStatus.RUNNING, "{}");
    }
    tx.notifyWork(List.of(queue));
  }

  @Override
  public boolean requeueDead(UUID taskId, String actor) {
    Optional<UUID> runId =
        jdbc.sql("select run_id from task where id = :id")
            .param("id", taskId)
            .query(UUID.class)
            .optional();
    if (runId.isEmpty()) {
      throw ReelForgeException.notFound("Task", taskId);
    }
    return tx.withRunLocked(
        runId.get(),
        status -> {
          if (!status.canMoveTo(RunStatus.RUNNING) && status != RunStatus.RUNNING) {
            return false; // a cancelled or finished run does not run again
          }
          Optional<String> stage =
              jdbc.sql(
                      """
                      update task set status = :to, attempt = 0, run_after = :now,
                        updated_at = :now, completed_at = null
                      where id = :id and status = 'dead' returning stage
                      """)
                  .param("to", TaskMoves.move(TaskStatus.DEAD, TaskStatus.READY))
                  .param("now", tx.now())
                  .param("id", taskId)
                  .query(String.class)
                  .optional();
          if (stage.isEmpty()) {
            return false;
          }
          tx.appendEvent(
              runId.get(), "stage.requeued", stage.get(), JsonText.object("actor", actor));
          if (status == RunStatus.FAILED) {
            jdbc.sql(
                    """
                    update run set error_code = null, error_message = null, error_stage = null,
                      error_retryable = null where id = :id
                    """)
                .param("id", runId.get())
                .update();
            tx.moveRun(runId.get(), status, RunStatus.RUNNING, JsonText.object("actor", actor));
            tx.makeUnblockedReady(runId.get());
          }
          tx.notifyWorkFor(taskId);
          return true;
        });
  }

  @Override
  public List<RunEvent> events(UUID runId, long afterSequence, int limit) {
    return jdbc.sql(
            """
            select id, run_id, type, stage, data::text as data, created_at from run_event
            where run_id = :run and id > :after order by id limit :limit
            """)
        .param("run", runId)
        .param("after", afterSequence)
        .param("limit", limit)
        .query(JobRows::event)
        .list();
  }

  @Override
  public List<QueueStats> queueStats() {
    OffsetDateTime now = tx.now();
    return jdbc.sql(
            """
            select queue,
              count(*) filter (where status = 'ready' and run_after <= :now) as ready,
              count(*) filter (where status = 'ready' and run_after > :now) as delayed,
              count(*) filter (where status = 'running') as running,
              count(*) filter (where status = 'dead') as dead,
              min(run_after) filter (where status = 'ready' and run_after <= :now) as oldest
            from task where status in ('ready', 'running', 'dead')
            group by queue order by queue
            """)
        .param("now", now)
        .query(
            (rs, n) ->
                new QueueStats(
                    rs.getString("queue"),
                    rs.getLong("ready"),
                    rs.getLong("delayed"),
                    rs.getLong("running"),
                    rs.getLong("dead"),
                    JobRows.instant(rs, "oldest")
                        .map(oldest -> Duration.between(oldest, now.toInstant()))))
        .list();
  }

  @Override
  public long depth(String queue) {
    return jdbc.sql("select count(*) from task where status = 'ready' and queue = :queue")
        .param("queue", queue)
        .query(Long.class)
        .single();
  }
}
