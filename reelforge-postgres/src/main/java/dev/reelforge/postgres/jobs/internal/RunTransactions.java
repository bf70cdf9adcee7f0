package dev.reelforge.postgres.jobs.internal;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.spi.JobError;
import dev.reelforge.core.jobs.spi.JsonText;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskStatus;
import dev.reelforge.postgres.accounts.internal.CreditMoves;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SQL both sides of the job store share: a transaction that holds one run's row lock, the event
 * log, run status changes through the transition table, fan-in, and notifications.
 *
 * <p>Lock order: a transaction that changes a run and its tasks locks the run row first, then
 * tasks. Only the claim query locks tasks first, and it never waits (SKIP LOCKED on both), so
 * transactions cannot deadlock.
 */
public final class RunTransactions {

  public static final String WORK_CHANNEL = "reelforge_work";
  public static final String CANCEL_CHANNEL = "reelforge_cancel";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  private final CreditMoves credits;

  public RunTransactions(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.credits = new CreditMoves(jdbc);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.clock = clock;
  }

  public JdbcClient jdbc() {
    return jdbc;
  }

  public Clock clock() {
    return clock;
  }

  public OffsetDateTime now() {
    return utc(clock.instant());
  }

  public static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** Runs {@code work} in a transaction. */
  public <T> T inTransaction(java.util.function.Supplier<T> work) {
    return transactions.execute(status -> work.get());
  }

  /**
   * Runs {@code work} in a transaction holding the run's row lock; {@code work} receives the run's
   * status at that moment.
   *
   * @throws ReelForgeException RESOURCE_NOT_FOUND for an unknown run
   */
  public <T> T withRunLocked(UUID runId, Function<RunStatus, T> work) {
    return transactions.execute(
        status -> {
          Optional<String> current =
              jdbc.sql("select status from run where id = :id for update")
                  .param("id", runId)
                  .query(String.class)
                  .optional();
          if (current.isEmpty()) {
            throw ReelForgeException.notFound("Run", runId);
          }
          return work.apply(RunStatus.fromWire(current.get()));
        });
  }

  /**
   * Appends an event to a run whose row this transaction has locked (the lock is what keeps a run's
   * event ids in commit order).
   */
  public void appendEvent(UUID runId, String type, String stage, String data) {
    jdbc.sql(
            """
            insert into run_event (run_id, type, stage, data, created_at)
            values (:run, :type, :stage, cast(:data as jsonb), :now)
            """)
        .param("run", runId)
        .param("type", type)
        .param("stage", stage)
        .param("data", data)
        .param("now", now())
        .update();
  }

  /**
   * Moves a locked run from {@code from} to {@code to} and logs {@code run.<to>}; does nothing when
   * the run is already there.
   *
   * @throws dev.reelforge.core.jobs.spi.IllegalTransitionException when the table forbids the move
   */
  public void moveRun(UUID runId, RunStatus from, RunStatus to, String eventData) {
    if (from == to) {
      return;
    }
    from.requireMoveTo(to, "run " + runId);
    jdbc.sql(
            """
            update run set status = :to, updated_at = :now,
              started_at = case when :to = 'running' then coalesce(started_at, :now) else started_at end,
              completed_at = case when :terminal then :now else null end
            where id = :id
            """)
        .param("to", to.wireName())
        .param("terminal", to.isTerminal())
        .param("now", now())
        .param("id", runId)
        .update();
    appendEvent(runId, "run." + to.wireName(), null, eventData);
    if (to == RunStatus.FAILED || to == RunStatus.CANCELLED) {
      refundOnce(runId);
    }
  }

  /**
   * Gives a failed or cancelled run's credits back. The flag flips under the run's row lock and the
   * ledger holds one refund per run, so a run is refunded once however often it fails.
   */
  private void refundOnce(UUID runId) {
    record Charged(UUID owner, long amount) {}
    jdbc.sql(
            """
            update run set credits_refunded = true
            where id = :id and credits_charged and not credits_refunded
            returning owner_id, credits_amount
            """)
        .param("id", runId)
        .query((rs, n) -> new Charged(rs.getObject(1, UUID.class), rs.getLong(2)))
        .optional()
        .ifPresent(
            charged -> {
              credits.refund(charged.owner(), charged.amount(), runId, now());
              appendEvent(
                  runId, "run.refunded", null, JsonText.object("credits", charged.amount()));
            });
  }

  /** Debits a run being stored in this transaction and marks it charged. */
  public void charge(UUID runId, UUID ownerId, long amount) {
    credits.debit(ownerId, amount, runId, now());
    jdbc.sql("update run set credits_charged = true, credits_amount = :amount where id = :id")
        .param("amount", amount)
        .param("id", runId)
        .update();
    appendEvent(runId, "run.charged", null, JsonText.object("credits", amount));
  }

  /** Fails a locked run with {@code error}; its ready tasks stop until an operator requeues. */
  public void failRun(UUID runId, RunStatus current, JobError error) {
    if (current.isTerminal()) {
      return;
    }
    jdbc.sql(
            """
            update run set error_code = :code, error_message = :message, error_stage = :stage,
              error_retryable = :retryable where id = :id
            """)
        .param("code", error.code().name())
        .param("message", error.message())
        .param("stage", error.stage())
        .param("retryable", error.retryable())
        .param("id", runId)
        .update();
    moveTasks(runId, Set.of(TaskStatus.READY), TaskStatus.BLOCKED);
    moveRun(runId, current, RunStatus.FAILED, JsonText.object("error", errorJson(error)));
  }

  /**
   * Moves every task of a locked run that is in one of {@code from} to {@code to}.
   *
   * @return the ids of the moved tasks
   */
  public List<UUID> moveTasks(UUID runId, Set<TaskStatus> from, TaskStatus to) {
    String target = TaskMoves.move(from, to);
    return jdbc.sql(
            """
            update task set status = :to, updated_at = :now
            where run_id = :run and status = any(string_to_array(:from, ','))
            returning id
            """)
        .param("to", target)
        .param("now", now())
        .param("run", runId)
        .param("from", wire(from))
        .query(UUID.class)
        .list();
  }

  /**
   * After {@code stage} of a locked run succeeded: counts it off its dependents, and makes ready
   * (and announces) those whose every dependency succeeded, unless the run is no longer running.
   */
  public void unblockDependents(UUID runId, String stage, RunStatus runStatus) {
    String ready = TaskMoves.move(TaskStatus.BLOCKED, TaskStatus.READY);
    boolean active = runStatus == RunStatus.RUNNING || runStatus == RunStatus.AWAITING_REVIEW;
    List<String> readyQueues =
        jdbc
            .sql(
                """
                update task set pending_deps = pending_deps - 1, updated_at = :now,
                  status = case when pending_deps = 1 and :active then :ready else status end,
                  run_after = case when pending_deps = 1 and :active then :now else run_after end
                where run_id = :run and status = 'blocked' and :stage = any(depends_on)
                returning queue, status
                """)
            .param("now", now())
            .param("active", active)
            .param("ready", ready)
            .param("run", runId)
            .param("stage", stage)
            .query((rs, n) -> ready.equals(rs.getString("status")) ? rs.getString("queue") : null)
            .list()
            .stream()
            .filter(java.util.Objects::nonNull)
            .toList();
    notifyWork(readyQueues);
  }

  /** Makes ready the blocked tasks of a locked run that wait for nothing, and announces them. */
  public void makeUnblockedReady(UUID runId) {
    String ready = TaskMoves.move(TaskStatus.BLOCKED, TaskStatus.READY);
    List<String> queues =
        jdbc.sql(
                """
                update task set status = :ready, run_after = :now, updated_at = :now
                where run_id = :run and status = 'blocked' and pending_deps = 0
                returning queue
                """)
            .param("ready", ready)
            .param("now", now())
            .param("run", runId)
            .query(String.class)
            .list();
    notifyWork(queues);
  }

  /**
   * Ends a locked run when every task succeeded: its artifacts are the outputs of the stages
   * nothing depends on. Otherwise puts a reviewed run back to running when nothing awaits review.
   */
  public void settleRun(UUID runId, RunStatus current) {
    if (current.isTerminal()) {
      return;
    }
    if (!current.canMoveTo(RunStatus.SUCCEEDED)) {
      return; // queued: nothing has run yet
    }
    // One round trip: end the run if no task is left unfinished, and log it.
    boolean finished =
        jdbc.sql(
                """
                with finished as (
                  update run set status = 'succeeded', completed_at = :now, updated_at = :now,
                    current_stage = null,
                    artifacts = (
                      select coalesce(jsonb_object_agg(t.stage, t.output), '{}'::jsonb)
                      from task t
                      where t.run_id = :run and not exists (
                        select 1 from task d where d.run_id = :run
                          and t.stage = any(d.depends_on)))
                  where id = :run
                    and not exists (select 1 from task where run_id = :run and status <> 'succeeded')
                  returning id),
                logged as (
                  insert into run_event (run_id, type, data, created_at)
                  select id, 'run.succeeded', '{}'::jsonb, :now from finished)
                select exists (select 1 from finished)
                """)
            .param("now", now())
            .param("run", runId)
            .query(Boolean.class)
            .single();
    if (!finished && current == RunStatus.AWAITING_REVIEW && !anyInReview(runId)) {
      moveRun(runId, current, RunStatus.RUNNING, "{}");
    }
  }

  private boolean anyInReview(UUID runId) {
    return jdbc.sql(
            "select exists (select 1 from task where run_id = :run and status = 'awaiting_review')")
        .param("run", runId)
        .query(Boolean.class)
        .single();
  }

  /** Wakes workers of {@code queues} on every node once the transaction commits. */
  public void notifyWork(Collection<String> queues) {
    for (String queue : Set.copyOf(queues)) {
      jdbc.sql("select pg_notify(:channel, :queue)")
          .param("channel", WORK_CHANNEL)
          .param("queue", queue)
          .query()
          .singleRow();
    }
  }

  /** Wakes the workers of the queue {@code taskId} belongs to. */
  public void notifyWorkFor(UUID taskId) {
    notifyWork(
        List.of(
            jdbc.sql("select queue from task where id = :id")
                .param("id", taskId)
                .query(String.class)
                .single()));
  }

  /** Tells every node that a run was cancelled, once the transaction commits. */
  public void notifyCancel(UUID runId) {
    jdbc.sql("select pg_notify(:channel, :run)")
        .param("channel", CANCEL_CHANNEL)
        .param("run", runId.toString())
        .query()
        .singleRow();
  }

  public static JsonText.Raw errorJson(JobError error) {
    return new JsonText.Raw(
        JsonText.object(
            "code", error.code().name(),
            "message", error.message(),
            "stage", error.stage(),
            "retryable", error.retryable()));
  }

  static String wire(Set<TaskStatus> statuses) {
    return statuses.stream().map(TaskStatus::wireName).sorted().collect(Collectors.joining(","));
  }
}
