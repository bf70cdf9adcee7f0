package dev.reelforge.postgres.jobs.internal;

import dev.reelforge.core.jobs.api.ReviewSignal;
import dev.reelforge.core.jobs.spi.ClaimRequest;
import dev.reelforge.core.jobs.spi.ClaimedTask;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskLease;
import dev.reelforge.core.jobs.spi.TaskStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Claiming: one statement per queue leases due tasks with {@code SELECT … FOR UPDATE SKIP LOCKED},
 * starts their queued runs and logs the starts (see docs/architecture.md, "Claim").
 */
public final class TaskClaims {

  static {
    // The claim statement starts queued runs in SQL; it relies on this move being allowed.
    if (!RunStatus.QUEUED.canMoveTo(RunStatus.RUNNING)) {
      throw new IllegalStateException("a queued run must be allowed to start");
    }
  }

  private final RunTransactions tx;
  private final JdbcClient jdbc;

  public TaskClaims(RunTransactions tx) {
    this.tx = tx;
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
      String runStatus,
      Optional<String> traceContext) {}

  /** Leases up to {@code request.limit()} due tasks of the request's queues. */
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
                        select r.id, r.status, r.inputs, r.trace_context from run r
                        where r.id in (select run_id from candidate)
                        for update of r skip locked
                      ), claimed as (
                        update task t set status = :running, attempt = t.attempt + 1,
                          lease_owner = :worker, lease_expires_at = :leaseUntil,
                          started_at = coalesce(t.started_at, :now), updated_at = :now,
                          progress = 0, progress_message = null, cancel_requested = false
                        from candidate c join locked_run r on r.id = c.run_id
                        where t.id = c.id
                        returning t.id, t.run_id, t.owner_id, t.kind, t.stage, t.attempt,
                          t.depends_on, t.checkpoint, t.review_signal,
                          r.inputs::text as inputs, r.status as run_status, r.trace_context
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
                        inputs, run_status, trace_context
                      from claimed
                      """)
                  .param("queue", queueName)
                  .param("running", TaskMoves.move(TaskStatus.READY, TaskStatus.RUNNING))
                  .param("now", now)
                  .param("tags", String.join(",", request.workerTags()))
                  .param("limit", limit)
                  .param("worker", request.workerId())
                  .param("leaseUntil", leaseUntil)
                  .query(TaskClaims::claimed)
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
                    leaseUntil.toInstant(),
                    c.traceContext()));
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
        rs.getString("run_status"),
        Optional.ofNullable(rs.getString("trace_context")));
  }
}
