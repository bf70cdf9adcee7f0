package dev.reelforge.core.jobs.engine;

import static dev.reelforge.core.jobs.engine.InProcessEngine.QUEUE;
import static dev.reelforge.core.jobs.engine.InProcessEngine.await;
import static dev.reelforge.core.jobs.engine.InProcessEngine.options;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.RetryPolicy;
import dev.reelforge.core.jobs.api.ReviewSignal;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.api.StageHandler;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.jobs.spi.ClaimRequest;
import dev.reelforge.core.jobs.spi.ClaimedTask;
import dev.reelforge.core.jobs.spi.RunEvent;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.jobs.spi.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The core engine end to end on the in-memory store, as {@code reelforge make} runs it: the job
 * service submits, worker pools claim and execute, the store moves runs along, the reaper returns
 * the tasks of a worker that vanished.
 */
class InMemoryEngineTest {

  private static final RetryPolicy QUICK_RETRIES =
      new RetryPolicy(3, Duration.ZERO, Duration.ZERO, 1.0, 0);

  private final InProcessEngine engine = new InProcessEngine();

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  @Test
  void aDagRunsFanOutThenFanInAndKeepsTheLastStageAsItsArtifact() {
    Map<String, Map<String, String>> received = new ConcurrentHashMap<>();
    StageHandler echo =
        ctx -> {
          received.put(ctx.stage(), ctx.dependencyOutputs());
          return StageResult.completed("{\"from\":\"" + ctx.stage() + "\"}");
        };
    engine.register(
        PipelineDefinition.of(
            "dag",
            StageDefinition.of("script", QUEUE),
            StageDefinition.of("voice", QUEUE).after("script"),
            StageDefinition.of("visuals", QUEUE).after("script"),
            StageDefinition.of("render", QUEUE).after("voice", "visuals")),
        Map.of("script", echo, "voice", echo, "visuals", echo, "render", echo));
    engine.startPool(options(2));

    RunRecord run = engine.submit("dag", "{\"topic\":\"tides\"}");
    RunRecord done = engine.awaitStatus(run.id(), RunStatus.SUCCEEDED);

    assertThat(done.artifacts()).isEqualTo("{\"render\":{\"from\":\"render\"}}");
    assertThat(received.get("script")).isEmpty();
    assertThat(received.get("voice")).containsOnlyKeys("script");
    assertThat(received.get("render"))
        .containsEntry("voice", "{\"from\":\"voice\"}")
        .containsEntry("visuals", "{\"from\":\"visuals\"}");
    assertThat(engine.service().tasks(run.id()))
        .extracting(TaskRecord::status)
        .containsOnly(TaskStatus.SUCCEEDED);
    List<String> types =
        engine.service().events(run.id(), 0, 100).stream().map(RunEvent::type).toList();
    assertThat(types.getFirst()).isEqualTo("run.queued");
    assertThat(types.getLast()).isEqualTo("run.succeeded");
    assertThat(types).filteredOn("stage.completed"::equals).hasSize(4);
  }

  @Test
  void aFailingStageIsRetriedUnderItsPolicyWithoutCountingPolls() {
    AtomicInteger calls = new AtomicInteger();
    StageHandler flaky =
        ctx -> {
          int call = calls.incrementAndGet();
          if (call == 1) {
            return StageResult.retryLater(Duration.ZERO, "{\"polled\":1}"); // not a failure
          }
          if (ctx.attempt() < 3) {
            throw new IllegalStateException("connection reset");
          }
          assertThat(ctx.checkpoint()).contains("{\"polled\":1}");
          return StageResult.completed("{}");
        };
    engine.register(
        PipelineDefinition.of("flaky", StageDefinition.of("only", QUEUE).retry(QUICK_RETRIES)),
        Map.of("only", flaky));
    List<TaskObserver.Outcome> outcomes = new CopyOnWriteArrayList<>();
    engine.startPool(
        options(1), (task, queue) -> (outcome, elapsed, code) -> outcomes.add(outcome));

    RunRecord run = engine.submit("flaky", "{}");
    engine.awaitStatus(run.id(), RunStatus.SUCCEEDED);

    assertThat(calls).hasValue(4);
    assertThat(outcomes)
        .containsExactly(
            TaskObserver.Outcome.DELAYED,
            TaskObserver.Outcome.RETRY_SCHEDULED,
            TaskObserver.Outcome.RETRY_SCHEDULED,
            TaskObserver.Outcome.COMPLETED);
    TaskRecord task = engine.service().tasks(run.id()).getFirst();
    assertThat(task.attempt()).isEqualTo(3);
    assertThat(task.lastError()).isEmpty();
    assertThat(engine.service().events(run.id(), 0, 100))
        .extracting(RunEvent::type)
        .filteredOn("stage.retrying"::equals)
        .hasSize(2);
  }

  @Test
  void aPermanentFailureFailsTheRunAndARequeueRunsItAgain() {
    AtomicBoolean broken = new AtomicBoolean(true);
    AtomicInteger afterCalls = new AtomicInteger();
    engine.register(
        PipelineDefinition.of(
            "fragile",
            StageDefinition.of("first", QUEUE).retry(QUICK_RETRIES),
            StageDefinition.of("second", QUEUE).after("first")),
        Map.of(
            "first",
            ctx -> {
              if (broken.get()) {
                throw new ReelForgeException(ErrorCode.TTS_FAILED, "the voice refused the text");
              }
              return StageResult.completed("{}");
            },
            "second",
            ctx -> {
              afterCalls.incrementAndGet();
              return StageResult.completed("{}");
            }));
    engine.startPool(options(1));

    RunRecord run = engine.submit("fragile", "{}");
    RunRecord failed = engine.awaitStatus(run.id(), RunStatus.FAILED);
    assertThat(failed.error())
        .hasValueSatisfying(
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.TTS_FAILED);
              assertThat(e.stage()).isEqualTo("first");
              assertThat(e.retryable()).isFalse();
            });
    List<TaskRecord> dead = engine.service().tasksIn(TaskStatus.DEAD, Optional.of(QUEUE), 10);
    assertThat(dead).singleElement().extracting(TaskRecord::attempt).isEqualTo(1);
    assertThat(afterCalls).as("the dependent never ran").hasValue(0);

    broken.set(false);
    assertThat(engine.service().requeueDead(dead.getFirst().id(), "operator")).isTrue();
    engine.awaitStatus(run.id(), RunStatus.SUCCEEDED);
    assertThat(afterCalls).hasValue(1);
  }

  @Test
  void cancellingARunInterruptsItsRunningHandlerAtOnce() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    engine.register(
        PipelineDefinition.of(
            "long",
            StageDefinition.of("render", QUEUE),
            StageDefinition.of("publish", QUEUE).after("render")),
        Map.of(
            "render",
            ctx -> {
              started.countDown();
              try {
                Thread.sleep(Duration.ofMinutes(5));
              } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
              }
              return StageResult.completed("{}");
            },
            "publish",
            ctx -> StageResult.completed("{}")));
    // Heartbeats far apart: only the store's signal can stop the handler within the test's bound.
    WorkerPool pool =
        engine.startPool(
            options(1)
                .withTimings(
                    Duration.ofMillis(50), Duration.ofSeconds(30), Duration.ofSeconds(10)));

    RunRecord run = engine.submit("long", "{}");
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    long before = System.nanoTime();
    assertThat(engine.service().cancel(run.id(), "user")).isTrue();
    await(() -> pool.activeCount() == 0);

    assertThat(Duration.ofNanos(System.nanoTime() - before))
        .as("woken by the store's signal, not by a heartbeat")
        .isLessThan(Duration.ofSeconds(2));
    assertThat(interrupted).isTrue();
    assertThat(engine.service().run(run.id()).status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(engine.service().tasks(run.id()))
        .extracting(TaskRecord::status)
        .containsOnly(TaskStatus.CANCELLED);
  }

  @Test
  void aReviewParksTheRunAndAChangeRunsTheStageAgainWithTheRequest() {
    List<Optional<ReviewSignal>> seen = new CopyOnWriteArrayList<>();
    engine.register(
        PipelineDefinition.of(
            "reviewed",
            StageDefinition.of("script", QUEUE),
            StageDefinition.of("render", QUEUE).after("script")),
        Map.of(
            "script",
            ctx -> {
              seen.add(ctx.reviewSignal());
              return ctx.reviewSignal().isEmpty()
                  ? StageResult.awaitReview("{\"title\":\"draft\"}")
                  : StageResult.completed("{\"title\":\"revised\"}");
            },
            "render",
            ctx -> StageResult.completed(ctx.dependencyOutputs().get("script"))));
    engine.startPool(options(1));

    RunRecord run = engine.submit("reviewed", "{}");
    engine.awaitStatus(run.id(), RunStatus.AWAITING_REVIEW);
    engine
        .service()
        .review(
            run.id(),
            "script",
            new ReviewSignal(ReviewSignal.Decision.CHANGE, Optional.of("shorter"), "editor"));
    RunRecord done = engine.awaitStatus(run.id(), RunStatus.SUCCEEDED);

    assertThat(seen).hasSize(2);
    assertThat(seen.get(1)).map(ReviewSignal::payload).contains(Optional.of("shorter"));
    assertThat(done.artifacts()).contains("revised");
  }

  @Test
  void theReaperHandsTheTaskOfAVanishedWorkerToAnotherOnce() {
    engine.register(
        PipelineDefinition.of("one", StageDefinition.of("only", QUEUE)),
        Map.of("only", ctx -> StageResult.completed("{\"attempt\":" + ctx.attempt() + "}")));
    RunRecord run = engine.submit("one", "{}");
    // A worker claims the task and dies: no heartbeat, no outcome.
    List<ClaimedTask> lost =
        engine
            .store
            .taskQueue()
            .claim(
                new ClaimRequest("gone", Set.of(QUEUE), Set.of("cpu"), 1, Duration.ofSeconds(30)));
    assertThat(lost).hasSize(1);
    LeaseReaper reaper = new LeaseReaper(engine.store.taskQueue(), Duration.ofHours(1));

    assertThat(reaper.reapOnce()).as("the lease still holds").isZero();
    engine.clock.advance(Duration.ofSeconds(31));
    assertThat(reaper.reapOnce()).isEqualTo(1);
    assertThat(reaper.reapOnce()).as("reaped once").isZero();
    engine.startPool(options(1));

    RunRecord done = engine.awaitStatus(run.id(), RunStatus.SUCCEEDED);
    assertThat(done.artifacts()).contains("\"attempt\":2");
    assertThat(engine.store.taskQueue().complete(lost.getFirst().lease(), "{}"))
        .as("the vanished worker's late answer is ignored")
        .isFalse();
    assertThat(engine.service().events(run.id(), 0, 100))
        .extracting(RunEvent::type)
        .contains("stage.reclaimed");
  }
}
