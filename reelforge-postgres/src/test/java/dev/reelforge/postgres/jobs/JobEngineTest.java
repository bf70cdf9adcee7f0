package dev.reelforge.postgres.jobs;

import static dev.reelforge.postgres.jobs.EngineNode.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.RetryPolicy;
import dev.reelforge.core.jobs.api.ReviewSignal;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.api.StageHandler;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.PipelineRegistry;
import dev.reelforge.core.jobs.engine.QueueLimits;
import dev.reelforge.core.jobs.engine.SubmitRequest;
import dev.reelforge.core.jobs.engine.WorkerPool;
import dev.reelforge.core.jobs.engine.WorkerPoolOptions;
import dev.reelforge.core.jobs.spi.ClaimRequest;
import dev.reelforge.core.jobs.spi.RunEvent;
import dev.reelforge.core.jobs.spi.RunQuery;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.jobs.spi.TaskStatus;
import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The engine end to end: worker pools on real PostgreSQL, several nodes, real timing. */
@PostgresTest
class JobEngineTest {

  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final Duration FAST_POLL = Duration.ofMillis(50);

  private final TestDatabase database;
  private final UUID owner = UUID.randomUUID();
  private final String q = "engine-" + NAMES.incrementAndGet();

  JobEngineTest(TestDatabase database) {
    this.database = database;
  }

  @Test
  void twoNodesShareThousandsOfTasksWithoutDuplicatesOrLosses() throws Exception {
    Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> byNode = new ConcurrentHashMap<>();
    PipelineDefinition diamond =
        PipelineDefinition.of(
            "diamond",
            StageDefinition.of("a", q),
            StageDefinition.of("b", q).after("a"),
            StageDefinition.of("c", q).after("a"),
            StageDefinition.of("d", q).after("b", "c"));
    int runs = 500;
    try (EngineNode first = node(registry(diamond, recording(executions, byNode, "first")));
        EngineNode second = node(registry(diamond, recording(executions, byNode, "second")))) {
      first.startPool(pool(4));
      second.startPool(pool(4));
      for (int i = 0; i < runs; i++) {
        first.jobs.submit(SubmitRequest.of(owner, "diamond", "{\"n\":" + i + "}"));
      }
      await(Duration.ofSeconds(120), () -> succeeded(first, "diamond") == runs);
    }
    assertThat(executions).hasSize(runs * 4);
    assertThat(executions.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    assertThat(byNode.get("first").get()).isPositive();
    assertThat(byNode.get("second").get()).isPositive();
  }

  @Test
  void aWorkerWhoseHeartbeatStopsHasItsTaskFinishedByAnother() throws Exception {
    PipelineDefinition single = PipelineDefinition.of("single", StageDefinition.of("only", q));
    try (EngineNode node =
        node(registry(single, Map.of("only", ctx -> StageResult.completed("{}"))))) {
      RunRecord run = node.jobs.submit(SubmitRequest.of(owner, "single", "{}")).run();
      // A worker claims the task, then dies: it never heartbeats or reports.
      assertThat(
              node.queue.claim(
                  new ClaimRequest("ghost", Set.of(q), Set.of("cpu"), 1, Duration.ofMillis(300))))
          .hasSize(1);
      node.startReaper(Duration.ofMillis(100));
      node.startPool(pool(2));
      await(Duration.ofSeconds(20), () -> status(node, run) == RunStatus.SUCCEEDED);
      TaskRecord task = node.runs.tasksOf(run.id()).getFirst();
      assertThat(task.attempt()).isEqualTo(2);
      assertThat(types(node, run)).contains("stage.reclaimed");
    }
  }

  @Test
  void retriesFollowTheBackoffPolicy() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-29T01:00:00Z"));
    AtomicInteger calls = new AtomicInteger();
    PipelineDefinition flaky =
        PipelineDefinition.of(
            "flaky",
            StageDefinition.of("call", q)
                .retry(new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofMinutes(5), 3.0, 0)));
    StageHandler handler =
        ctx -> {
          if (calls.incrementAndGet() < 3) {
            throw new ReelForgeException(ErrorCode.EXTERNAL_API_ERROR, "HTTP 503 from provider");
          }
          return StageResult.completed("{\"ok\":true}");
        };
    try (EngineNode node =
        new EngineNode(database, registry(flaky, Map.of("call", handler)), clock)) {
      node.startPool(pool(1));
      RunRecord run = node.jobs.submit(SubmitRequest.of(owner, "flaky", "{}")).run();
      await(Duration.ofSeconds(10), () -> calls.get() == 1 && waitingRetry(node, run));
      assertThat(task(node, run).runAfter()).isEqualTo(clock.instant().plusSeconds(10));
      clock.advance(Duration.ofSeconds(9));
      Thread.sleep(300);
      assertThat(calls).as("not before its time").hasValue(1);
      clock.advance(Duration.ofSeconds(1));
      await(Duration.ofSeconds(10), () -> calls.get() == 2 && waitingRetry(node, run));
      assertThat(task(node, run).runAfter()).isEqualTo(clock.instant().plusSeconds(30));
      clock.advance(Duration.ofSeconds(30));
      await(Duration.ofSeconds(10), () -> status(node, run) == RunStatus.SUCCEEDED);
      assertThat(task(node, run).attempt()).isEqualTo(3);
      assertThat(types(node, run).stream().filter("stage.retrying"::equals)).hasSize(2);
    }
  }

  @Test
  void exhaustedTasksAreDeadAndAnOperatorCanRequeueThem() throws Exception {
    AtomicBoolean broken = new AtomicBoolean(true);
    PipelineDefinition fragile =
        PipelineDefinition.of(
            "fragile",
            StageDefinition.of("step", q).retry(RetryPolicy.of(2, Duration.ofMillis(10), 1.0)));
    StageHandler handler =
        ctx -> {
          if (broken.get()) {
            throw new IllegalStateException("disk full");
          }
          return StageResult.completed("{}");
        };
    try (EngineNode node = node(registry(fragile, Map.of("step", handler)))) {
      node.startPool(pool(1));
      RunRecord run = node.jobs.submit(SubmitRequest.of(owner, "fragile", "{}")).run();
      await(Duration.ofSeconds(10), () -> status(node, run) == RunStatus.FAILED);
      RunRecord failed = node.jobs.run(run.id());
      assertThat(failed.error())
          .hasValueSatisfying(
              e -> {
                assertThat(e.stage()).isEqualTo("step");
                assertThat(e.message()).contains("disk full");
              });
      List<TaskRecord> dead = node.jobs.tasksIn(TaskStatus.DEAD, Optional.of(q), 10);
      assertThat(dead).singleElement().satisfies(t -> assertThat(t.attempt()).isEqualTo(2));

      broken.set(false);
      assertThat(node.jobs.requeueDead(dead.getFirst().id(), "ops@example")).isTrue();
      await(Duration.ofSeconds(10), () -> status(node, run) == RunStatus.SUCCEEDED);
    }
  }

  @Test
  void fanInWaitsForAllBranches() throws Exception {
    Map<String, Instant> finished = new ConcurrentHashMap<>();
    AtomicReference<Map<String, String>> received = new AtomicReference<>();
    PipelineDefinition story =
        PipelineDefinition.of(
            "fan",
            StageDefinition.of("script", q),
            StageDefinition.of("voice", q).after("script"),
            StageDefinition.of("music", q).after("script"),
            StageDefinition.of("render", q).after("voice", "music"));
    Map<String, StageHandler> handlers = new HashMap<>();
    handlers.put("script", ctx -> done(finished, "script"));
    handlers.put(
        "voice",
        ctx -> {
          Thread.sleep(400);
          return done(finished, "voice");
        });
    handlers.put("music", ctx -> done(finished, "music"));
    handlers.put(
        "render",
        ctx -> {
          received.set(ctx.dependencyOutputs());
          finished.put("render-start", Instant.now());
          return StageResult.completed("{\"video\":\"out.mp4\"}");
        });
    try (EngineNode node = node(registry(story, handlers))) {
      node.startPool(pool(4));
      RunRecord run = node.jobs.submit(SubmitRequest.of(owner, "fan", "{}")).run();
      await(Duration.ofSeconds(10), () -> status(node, run) == RunStatus.SUCCEEDED);
      assertThat(finished.get("render-start"))
          .isAfter(finished.get("voice"))
          .isAfter(finished.get("music"));
      assertThat(received.get()).containsOnlyKeys("voice", "music");
      assertThat(node.jobs.run(run.id()).artifacts()).contains("out.mp4");
    }
  }

  @Test
  void cancellingARunInterruptsItsRunningHandlerQuickly() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    PipelineDefinition endless = PipelineDefinition.of("endless", StageDefinition.of("render", q));
    StageHandler handler =
        ctx -> {
          started.countDown();
          try {
            Thread.sleep(Duration.ofMinutes(5));
          } catch (InterruptedException e) {
            interrupted.set(true);
            throw e;
          }
          return StageResult.completed("{}");
        };
    try (EngineNode node = node(registry(endless, Map.of("render", handler))).awaitListening()) {
      node.startPool(pool(1));
      RunRecord run = node.jobs.submit(SubmitRequest.of(owner, "endless", "{}")).run();
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      long start = System.nanoTime();
      assertThat(node.jobs.cancel(run.id(), "user")).isTrue();
      await(Duration.ofSeconds(5), () -> task(node, run).status() == TaskStatus.CANCELLED);
      // NOTIFY reaches the worker long before its next heartbeat (10 s).
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(interrupted).isTrue();
      assertThat(status(node, run)).isEqualTo(RunStatus.CANCELLED);
    }
  }

  @Test
  void aStageThatOverrunsItsTimeoutIsRetriedThenDead() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    PipelineDefinition slow =
        PipelineDefinition.of(
            "slow",
            StageDefinition.of("encode", q)
                .timeout(Duration.ofMillis(200))
                .retry(RetryPolicy.of(2, Duration.ofMillis(10), 1.0)));
    StageHandler handler =
        ctx -> {
          calls.incrementAndGet();
          Thread.sleep(Duration.ofSeconds(30));
          return StageResult.completed("{}");
        };
    try (EngineNode node = node(registry(slow, Map.of("encode", handler)))) {
      node.startPool(pool(1));
      RunRecord run = node.jobs.submit(SubmitRequest.of(owner, "slow", "{}")).run();
      await(Duration.ofSeconds(10), () -> status(node, run) == RunStatus.FAILED);
      assertThat(calls).hasValue(2);
      assertThat(node.jobs.run(run.id()).error())
          .hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT));
    }
  }

  @Test
  void aStageCanParkTheRunForReviewAndResumeOnApproval() throws Exception {
    AtomicReference<String> published = new AtomicReference<>();
    PipelineDefinition reviewed =
        PipelineDefinition.of(
            "reviewed",
            StageDefinition.of("storyboard", q),
            StageDefinition.of("produce", q).after("storyboard"));
    Map<String, StageHandler> handlers =
        Map.of(
            "storyboard",
            ctx ->
                ctx.reviewSignal().isEmpty()
                    ? StageResult.awaitReview("{\"scenes\":3}")
                    : StageResult.awaitReview("{\"scenes\":2}"),
            "produce",
            ctx -> {
              published.set(ctx.dependencyOutputs().get("storyboard"));
              return StageResult.completed("{}");
            });
    try (EngineNode node = node(registry(reviewed, handlers))) {
      node.startPool(pool(1));
      RunRecord run = node.jobs.submit(SubmitRequest.of(owner, "reviewed", "{}")).run();
      await(Duration.ofSeconds(10), () -> status(node, run) == RunStatus.AWAITING_REVIEW);
      node.jobs.review(
          run.id(),
          "storyboard",
          new ReviewSignal(ReviewSignal.Decision.CHANGE, Optional.of("fewer scenes"), "ed"));
      await(
          Duration.ofSeconds(10),
          () ->
              status(node, run) == RunStatus.AWAITING_REVIEW
                  && types(node, run).stream().filter("stage.awaiting_review"::equals).count()
                      == 2);
      node.jobs.review(
          run.id(),
          "storyboard",
          new ReviewSignal(ReviewSignal.Decision.APPROVE, Optional.empty(), "ed"));
      await(Duration.ofSeconds(10), () -> status(node, run) == RunStatus.SUCCEEDED);
      assertThat(published.get()).contains("2");
    }
  }

  @Test
  void anIdleWorkerStartsNewWorkOnNotifyWithoutWaitingForItsPoll() throws Exception {
    AtomicReference<Instant> ranAt = new AtomicReference<>();
    PipelineDefinition quick = PipelineDefinition.of("quick", StageDefinition.of("only", q));
    try (EngineNode node =
        node(registry(
                quick,
                Map.of(
                    "only",
                    ctx -> {
                      ranAt.set(Instant.now());
                      return StageResult.completed("{}");
                    })))
            .awaitListening()) {
      node.startPool(
          WorkerPoolOptions.of("idle-" + q, Set.of(q), 1)
              .withTimings(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(10)));
      Thread.sleep(500); // the pool has polled once and sleeps for 30 s
      Instant submitted = Instant.now();
      node.jobs.submit(SubmitRequest.of(owner, "quick", "{}"));
      await(Duration.ofSeconds(5), () -> ranAt.get() != null);
      assertThat(Duration.between(submitted, ranAt.get())).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void backpressureRefusesSubmissionsPastTheDepthLimit() throws Exception {
    PipelineDefinition queued = PipelineDefinition.of("queued", StageDefinition.of("only", q));
    QueueLimits limits = new QueueLimits(QueueLimits.DEFAULT_MAX_DEPTH, Map.of(q, 3L));
    try (EngineNode node =
        new EngineNode(
            database,
            registry(queued, Map.of("only", ctx -> StageResult.completed("{}"))),
            Clock.systemUTC(),
            limits)) {
      for (int i = 0; i < 3; i++) {
        node.jobs.submit(SubmitRequest.of(owner, "queued", "{}").withIdempotencyKey("k" + i));
      }
      assertThatThrownBy(() -> node.jobs.submit(SubmitRequest.of(owner, "queued", "{}")))
          .isInstanceOfSatisfying(
              ReelForgeException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                assertThat(e.retryable()).isTrue();
                assertThat(e.getMessage()).contains(q);
              });
      // A repeated submit is answered from the existing run, even when the queue is full.
      assertThat(
              node.jobs
                  .submit(SubmitRequest.of(owner, "queued", "{}").withIdempotencyKey("k1"))
                  .created())
          .isFalse();
      node.startPool(pool(2));
      await(Duration.ofSeconds(10), () -> node.runs.depth(q) == 0);
      // The depth is recounted at most every DEPTH_REFRESH, then submissions flow again.
      Thread.sleep(JobService.DEPTH_REFRESH.toMillis() + 100);
      assertThat(node.jobs.submit(SubmitRequest.of(owner, "queued", "{}")).created()).isTrue();
    }
  }

  @Test
  void shutdownLetsShortTasksFinishAndReleasesLongOnes() throws Exception {
    CountDownLatch bothRunning = new CountDownLatch(2);
    AtomicBoolean hang = new AtomicBoolean(true);
    PipelineDefinition mixed = PipelineDefinition.of("mixed", StageDefinition.of("work", q));
    StageHandler handler =
        ctx -> {
          bothRunning.countDown();
          if (ctx.inputs().contains("long") && hang.get()) {
            Thread.sleep(Duration.ofMinutes(5));
          } else {
            Thread.sleep(300);
          }
          return StageResult.completed("{}");
        };
    try (EngineNode node = node(registry(mixed, Map.of("work", handler)))) {
      WorkerPool first = node.startPool(pool(2).withShutdownGrace(Duration.ofMillis(800)));
      RunRecord shortRun =
          node.jobs.submit(SubmitRequest.of(owner, "mixed", "{\"kind\":\"short\"}")).run();
      RunRecord longRun =
          node.jobs.submit(SubmitRequest.of(owner, "mixed", "{\"kind\":\"long\"}")).run();
      assertThat(bothRunning.await(10, TimeUnit.SECONDS)).isTrue();
      first.close();
      assertThat(status(node, shortRun)).isEqualTo(RunStatus.SUCCEEDED);
      TaskRecord released = task(node, longRun);
      assertThat(released.status()).isEqualTo(TaskStatus.READY);
      assertThat(released.attempt()).as("a released attempt is not counted").isZero();
      assertThat(types(node, longRun)).contains("stage.released");

      hang.set(false);
      node.startPool(pool(1));
      await(Duration.ofSeconds(10), () -> status(node, longRun) == RunStatus.SUCCEEDED);
    }
  }

  @Test
  void pollingAProviderDoesNotHoldAWorker() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    PipelineDefinition asyncJob = PipelineDefinition.of("async", StageDefinition.of("poll", q));
    PipelineDefinition quick = PipelineDefinition.of("quick", StageDefinition.of("only", q));
    StageHandler poll =
        ctx -> {
          int seen = ctx.checkpoint().map(c -> Integer.parseInt(c.replaceAll("\\D", ""))).orElse(0);
          polls.incrementAndGet();
          ctx.progress(seen / 3.0, "waiting for the provider");
          return seen < 3
              ? StageResult.retryLater(Duration.ofMillis(300), "{\"polls\":" + (seen + 1) + "}")
              : StageResult.completed("{\"polls\":" + seen + "}");
        };
    PipelineRegistry registry =
        new PipelineRegistry()
            .register(asyncJob, Map.of("poll", poll))
            .register(quick, Map.of("only", ctx -> StageResult.completed("{}")));
    try (EngineNode node = node(registry)) {
      node.startPool(pool(1));
      RunRecord polling = node.jobs.submit(SubmitRequest.of(owner, "async", "{}")).run();
      await(Duration.ofSeconds(5), () -> polls.get() >= 1);
      RunRecord other = node.jobs.submit(SubmitRequest.of(owner, "quick", "{}")).run();
      await(Duration.ofSeconds(5), () -> status(node, other) == RunStatus.SUCCEEDED);
      assertThat(status(node, polling)).as("the poller still waits").isEqualTo(RunStatus.RUNNING);
      await(Duration.ofSeconds(10), () -> status(node, polling) == RunStatus.SUCCEEDED);
      assertThat(task(node, polling).attempt()).as("polling is not failing").isEqualTo(1);
      assertThat(node.jobs.run(polling.id()).artifacts()).contains("3");
      assertThat(types(node, polling)).contains("stage.waiting", "progress");
    }
  }

  // --- helpers ---

  private EngineNode node(PipelineRegistry registry) {
    return new EngineNode(database, registry, Clock.systemUTC());
  }

  private WorkerPoolOptions pool(int concurrency) {
    return WorkerPoolOptions.of("pool-" + q, Set.of(q), concurrency)
        .withTimings(FAST_POLL, Duration.ofSeconds(30), Duration.ofSeconds(10));
  }

  private static PipelineRegistry registry(
      PipelineDefinition pipeline, Map<String, StageHandler> handlers) {
    return new PipelineRegistry().register(pipeline, handlers);
  }

  private static Map<String, StageHandler> recording(
      Map<String, AtomicInteger> executions, Map<String, AtomicInteger> byNode, String nodeName) {
    Map<String, StageHandler> handlers = new HashMap<>();
    for (String stage : List.of("a", "b", "c", "d")) {
      handlers.put(
          stage,
          ctx -> {
            executions
                .computeIfAbsent(ctx.runId() + "/" + stage, k -> new AtomicInteger())
                .incrementAndGet();
            byNode.computeIfAbsent(nodeName, k -> new AtomicInteger()).incrementAndGet();
            return StageResult.completed("{}");
          });
    }
    return handlers;
  }

  private static StageResult done(Map<String, Instant> finished, String stage) {
    finished.put(stage, Instant.now());
    return StageResult.completed("{\"stage\":\"" + stage + "\"}");
  }

  private long succeeded(EngineNode node, String kind) {
    return node.runs
        .listRuns(
            new RunQuery(
                Optional.of(owner),
                Set.of(RunStatus.SUCCEEDED),
                Optional.of(kind),
                Optional.empty(),
                RunQuery.MAX_LIMIT))
        .size();
  }

  private static RunStatus status(EngineNode node, RunRecord run) {
    return node.runs.findRun(run.id()).orElseThrow().status();
  }

  private static TaskRecord task(EngineNode node, RunRecord run) {
    return node.runs.tasksOf(run.id()).getFirst();
  }

  private static boolean waitingRetry(EngineNode node, RunRecord run) {
    TaskRecord task = task(node, run);
    return task.status() == TaskStatus.READY && task.lastError().isPresent();
  }

  private static List<String> types(EngineNode node, RunRecord run) {
    return node.runs.events(run.id(), 0, 1000).stream().map(RunEvent::type).toList();
  }
}
