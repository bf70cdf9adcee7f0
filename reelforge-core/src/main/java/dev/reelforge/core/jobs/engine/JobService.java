package dev.reelforge.core.jobs.engine;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.ReviewSignal;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.spi.NewRun;
import dev.reelforge.core.jobs.spi.QueueStats;
import dev.reelforge.core.jobs.spi.RunEvent;
import dev.reelforge.core.jobs.spi.RunQuery;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStore;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.jobs.spi.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The job engine's service layer: starting runs (with validation, idempotency and backpressure) and
 * the operations users and operators perform on them. The HTTP API calls this; workers do not.
 */
public final class JobService {

  private final RunStore store;
  private final PipelineRegistry pipelines;
  private final QueueLimits limits;
  private final Supplier<Optional<String>> traceContext;
  private final Clock clock;
  private final Map<String, CachedDepth> depths = new ConcurrentHashMap<>();

  /** How long a counted queue depth is trusted by the backpressure check. */
  public static final Duration DEPTH_REFRESH = Duration.ofMillis(500);

  public JobService(RunStore store, PipelineRegistry pipelines, QueueLimits limits, Clock clock) {
    this(store, pipelines, limits, clock, Optional::empty);
  }

  /**
   * @param traceContext the trace context of the caller at submission (a W3C traceparent), stored
   *     with the run so that its tasks join the caller's trace on any worker
   */
  public JobService(
      RunStore store,
      PipelineRegistry pipelines,
      QueueLimits limits,
      Clock clock,
      Supplier<Optional<String>> traceContext) {
    this.traceContext = traceContext;
    this.store = store;
    this.pipelines = pipelines;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * Starts a run, or returns the owner's existing run for the same idempotency key.
   *
   * @throws ReelForgeException INVALID_INPUT for an unknown kind or a bad key, SERVICE_UNAVAILABLE
   *     (retryable) when a queue the pipeline uses is over its depth limit
   */
  public RunStore.SubmitResult submit(SubmitRequest request) {
    PipelineDefinition pipeline = pipelines.definition(request.kind());
    request.idempotencyKey().ifPresent(JobService::checkKey);
    if (request.idempotencyKey().isPresent()) {
      Optional<RunRecord> existing =
          store.findByIdempotencyKey(request.ownerId(), request.idempotencyKey().get());
      if (existing.isPresent()) {
        return new RunStore.SubmitResult(existing.get(), false);
      }
    }
    for (String queue : pipeline.queues()) {
      long depth = depth(queue);
      if (depth >= limits.maxDepth(queue)) {
        throw new ReelForgeException(
            ErrorCode.SERVICE_UNAVAILABLE,
            "the " + queue + " queue is full (" + depth + " tasks waiting); try again shortly");
      }
    }
    List<NewRun.NewTask> tasks = new ArrayList<>();
    for (StageDefinition stage : pipeline.stagesInOrder()) {
      tasks.add(NewRun.NewTask.of(Ids.newId(clock), stage));
    }
    RunStore.SubmitResult result =
        store.submit(
            new NewRun(
                Ids.newId(clock),
                request.ownerId(),
                request.kind(),
                request.inputs(),
                request.priority(),
                request.idempotencyKey(),
                tasks,
                request.credits(),
                traceContext.get()));
    if (result.created()) {
      // Count our own additions until the next recount, so one node cannot overshoot alone.
      for (StageDefinition stage : pipeline.stagesInOrder()) {
        if (stage.dependsOn().isEmpty()) {
          depths.computeIfPresent(
              stage.queue(), (q, c) -> new CachedDepth(c.depth() + 1, c.countedAt()));
        }
      }
    }
    return result;
  }

  /**
   * @throws ReelForgeException RESOURCE_NOT_FOUND
   */
  public RunRecord run(UUID runId) {
    return store.findRun(runId).orElseThrow(() -> ReelForgeException.notFound("Run", runId));
  }

  public List<RunRecord> runs(RunQuery query) {
    return store.listRuns(query);
  }

  public List<TaskRecord> tasks(UUID runId) {
    run(runId);
    return store.tasksOf(runId);
  }

  /** Tasks in one state (e.g. the dead letters), optionally of one queue. */
  public List<TaskRecord> tasksIn(TaskStatus status, Optional<String> queue, int limit) {
    return store.tasksIn(status, queue, limit);
  }

  public boolean cancel(UUID runId, String actor) {
    return store.cancel(runId, actor);
  }

  public void review(UUID runId, String stage, ReviewSignal signal) {
    store.signalReview(runId, stage, signal);
  }

  public boolean requeueDead(UUID taskId, String actor) {
    return store.requeueDead(taskId, actor);
  }

  public List<RunEvent> events(UUID runId, long afterSequence, int limit) {
    return store.events(runId, afterSequence, limit);
  }

  public List<QueueStats> queues() {
    return store.queueStats();
  }

  /**
   * The queue's depth, counted at most every {@link #DEPTH_REFRESH}: counting a deep queue on every
   * submit would cost more than the submit, and the limit need not be exact to the task.
   */
  private long depth(String queue) {
    long now = clock.millis();
    CachedDepth cached = depths.get(queue);
    if (cached != null && now - cached.countedAt() < DEPTH_REFRESH.toMillis()) {
      return cached.depth();
    }
    long depth = store.depth(queue);
    depths.put(queue, new CachedDepth(depth, now));
    return depth;
  }

  private record CachedDepth(long depth, long countedAt) {}

  private static void checkKey(String key) {
    if (key.isBlank() || key.length() > SubmitRequest.MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw ReelForgeException.invalidField(
          "idempotencyKey",
          "must be 1 to " + SubmitRequest.MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
    }
  }
}
