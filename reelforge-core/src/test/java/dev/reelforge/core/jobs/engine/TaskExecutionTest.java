package dev.reelforge.core.jobs.engine;

import static dev.reelforge.core.jobs.engine.InProcessEngine.QUEUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.RetryPolicy;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.api.StageHandler;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.jobs.spi.ClaimRequest;
import dev.reelforge.core.jobs.spi.ClaimedTask;
import dev.reelforge.core.jobs.spi.JobError;
import dev.reelforge.core.jobs.spi.RunEvent;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.jobs.spi.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One execution on the current thread: what it records for each way a handler can end. */
class TaskExecutionTest {

  private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(500);

  private final InProcessEngine engine = new InProcessEngine();
  private final AtomicReference<TaskObserver.Outcome> outcome = new AtomicReference<>();

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  @Test
  void progressIsStoredAtMostOncePerIntervalButTheEndAlways() {
    StageDefinition stage = StageDefinition.of("only", QUEUE);
    TaskExecution execution =
        execution(
            stage,
            ctx -> {
              ctx.progress(0.1, "first");
              ctx.progress(0.2, "too soon");
              engine.clock.advance(PROGRESS_INTERVAL);
              ctx.progress(0.5, "half");
              ctx.progress(1.0, "done");
              return StageResult.completed("{}");
            });
    execution.run();
    assertThat(outcome).hasValue(TaskObserver.Outcome.COMPLETED);
    assertThat(events())
        .filteredOn(e -> e.type().equals("progress"))
        .extracting(RunEvent::data)
        .satisfiesExactly(
            d -> assertThat(d).contains("first"),
            d -> assertThat(d).contains("half"),
            d -> assertThat(d).contains("done"));
  }

  @Test
  void aReportThatReadsAsTheLastOneIsNotRepeated() {
    StageDefinition stage = StageDefinition.of("only", QUEUE);
    TaskExecution execution =
        execution(
            stage,
            ctx -> {
              ctx.progress(0.001, "tiktok segment 1");
              engine.clock.advance(PROGRESS_INTERVAL);
              ctx.progress(0.004, "tiktok segment 1");
              engine.clock.advance(PROGRESS_INTERVAL);
              ctx.progress(0.002, "tiktok segment 1");
              engine.clock.advance(PROGRESS_INTERVAL);
              ctx.progress(0.004, "tiktok segment 2");
              engine.clock.advance(PROGRESS_INTERVAL);
              ctx.progress(0.02, "tiktok segment 2");
              return StageResult.completed("{}");
            });
    execution.run();
    assertThat(events())
        .filteredOn(e -> e.type().equals("progress"))
        .extracting(RunEvent::data)
        .satisfiesExactly(
            d -> assertThat(d).contains("segment 1"),
            d -> assertThat(d).contains("segment 2").contains("0.004"),
            d -> assertThat(d).contains("segment 2").contains("0.02"));
  }

  @Test
  void aCheckpointAfterTheLeaseWasLostStopsTheHandlerAndRecordsNothing() {
    StageDefinition stage = StageDefinition.of("only", QUEUE);
    TaskExecution execution =
        execution(
            stage,
            ctx -> {
              ctx.saveCheckpoint("{\"step\":1}");
              engine.clock.advance(Duration.ofMinutes(1));
              engine.store.taskQueue().reapExpiredLeases();
              ctx.saveCheckpoint("{\"step\":2}");
              return StageResult.completed("{\"never\":true}");
            });
    execution.run();
    assertThat(outcome).hasValue(TaskObserver.Outcome.LEASE_LOST);
    TaskRecord task = onlyTask();
    assertThat(task.status()).as("the reaper's decision stands").isEqualTo(TaskStatus.READY);
    assertThat(claimAgain().checkpoint()).contains("{\"step\":1}");
  }

  @Test
  void aTimedOutStageIsARetryableTimeout() throws Exception {
    StageDefinition stage = StageDefinition.of("only", QUEUE).timeout(Duration.ofSeconds(1));
    CountDownLatch running = new CountDownLatch(1);
    TaskExecution execution =
        execution(
            stage,
            ctx -> {
              running.countDown();
              Thread.sleep(Duration.ofMinutes(5));
              return StageResult.completed("{}");
            });
    Thread worker = Thread.ofVirtual().start(execution);
    running.await();
    execution.stop(TaskExecution.StopReason.TIMED_OUT);
    worker.join(Duration.ofSeconds(10));
    assertThat(outcome).hasValue(TaskObserver.Outcome.TIMED_OUT);
    TaskRecord task = onlyTask();
    assertThat(task.status()).isEqualTo(TaskStatus.READY);
    assertThat(task.lastError()).map(JobError::code).contains(ErrorCode.TIMEOUT);
  }

  @Test
  void anUnexpectedExceptionOnTheLastAttemptSendsTheTaskToTheDeadLetters() {
    StageDefinition stage = StageDefinition.of("only", QUEUE).retry(RetryPolicy.NONE);
    execution(
            stage,
            ctx -> {
              throw new IllegalArgumentException("bad frame size");
            })
        .run();
    assertThat(outcome).hasValue(TaskObserver.Outcome.FAILED);
    TaskRecord task = onlyTask();
    assertThat(task.status()).isEqualTo(TaskStatus.DEAD);
    assertThat(task.lastError())
        .hasValueSatisfying(
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
              assertThat(e.message()).isEqualTo("IllegalArgumentException: bad frame size");
            });
  }

  @Test
  void aHandlerThatAnswersNothingHasFailedAnAttempt() {
    StageDefinition stage = StageDefinition.of("only", QUEUE);
    execution(stage, ctx -> null).run();
    assertThat(outcome).hasValue(TaskObserver.Outcome.RETRY_SCHEDULED);
    assertThat(onlyTask().lastError())
        .map(JobError::message)
        .hasValueSatisfying(m -> assertThat(m).contains("handler returned no result"));
  }

  @Test
  void anExecutionStoppedBeforeItStartedNeverCallsItsHandler() {
    StageDefinition stage = StageDefinition.of("only", QUEUE);
    TaskExecution execution =
        execution(
            stage,
            ctx -> {
              throw new AssertionError("must not run");
            });
    execution.stop(TaskExecution.StopReason.SHUTDOWN);
    execution.run();
    assertThat(outcome).hasValue(TaskObserver.Outcome.RELEASED);
    assertThat(claimAgain().lease().attempt()).as("a release spends no attempt").isEqualTo(1);
  }

  private TaskExecution execution(StageDefinition stage, StageHandler handler) {
    engine.register(PipelineDefinition.of("single", stage), Map.of(stage.name(), handler));
    engine.submit("single", "{}");
    return new TaskExecution(
        claimAgain(),
        stage,
        handler,
        engine.store.taskQueue(),
        engine.clock,
        new Random(7),
        PROGRESS_INTERVAL,
        (task, queue) -> (ended, elapsed, code) -> outcome.set(ended));
  }

  private ClaimedTask claimAgain() {
    List<ClaimedTask> claimed =
        engine
            .store
            .taskQueue()
            .claim(
                new ClaimRequest("test", Set.of(QUEUE), Set.of("cpu"), 1, Duration.ofSeconds(30)));
    assertThat(claimed).hasSize(1);
    return claimed.getFirst();
  }

  private TaskRecord onlyTask() {
    RunRecord run = engine.service().runs(dev.reelforge.core.jobs.spi.RunQuery.all(1)).getFirst();
    return engine.service().tasks(run.id()).getFirst();
  }

  private List<RunEvent> events() {
    RunRecord run = engine.service().runs(dev.reelforge.core.jobs.spi.RunQuery.all(1)).getFirst();
    return engine.service().events(run.id(), 0, 100);
  }
}
