package dev.reelforge.core.jobs.engine;

import static dev.reelforge.core.jobs.engine.InProcessEngine.QUEUE;
import static dev.reelforge.core.jobs.engine.InProcessEngine.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.RetryPolicy;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A command following its run on the real in-memory engine: each new progress report is told once
 * however often it is looked at, a stop (or an interrupt) cancels the run and the command still
 * learns how it ended, and a run's end becomes the command's result or error.
 */
@Timeout(30) // a follower that never sees its run end would otherwise hang the build
class RunFollowerTest {

  private static final Duration POLL = Duration.ofMillis(10);

  private final InProcessEngine engine = new InProcessEngine();
  private final List<String> told = new CopyOnWriteArrayList<>();
  private final CountDownLatch heardReading = new CountDownLatch(1);
  private final CountDownLatch heardWriting = new CountDownLatch(1);
  private final CountDownLatch started = new CountDownLatch(1);
  private RunFollower follower;

  @BeforeEach
  void pipelines() {
    engine.register(
        PipelineDefinition.of("steps", StageDefinition.of("work", QUEUE)),
        Map.of(
            "work",
            ctx -> {
              // The follower looks many times while the stage stays at each report.
              ctx.progress(0.25, "reading");
              await(heardReading);
              engine.clock.advance(Duration.ofSeconds(1)); // past the engine's progress interval
              ctx.progress(0.75, "writing");
              await(heardWriting);
              return StageResult.completed("{}");
            }));
    engine.register(
        PipelineDefinition.of("endless", StageDefinition.of("work", QUEUE)),
        Map.of(
            "work",
            ctx -> {
              started.countDown();
              while (true) {
                ctx.checkCancelled();
                Thread.sleep(5);
              }
            }));
    engine.register(
        PipelineDefinition.of("failing", StageDefinition.of("work", QUEUE).retry(RetryPolicy.NONE)),
        Map.of(
            "work",
            ctx -> StageResult.failed(new ReelForgeException(ErrorCode.VALIDATION_FAILED, "no"))));
    engine.startPool(options(1));
    follower = new RunFollower(engine.service(), POLL, "test");
  }

  private static void await(CountDownLatch told) throws InterruptedException {
    if (!told.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("the report was never told");
    }
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  @Test
  void eachNewReportIsToldOnceAndASucceededRunIsTheResult() {
    RunRecord run = engine.submit("steps", "{}");

    RunRecord ended =
        follower.follow(
            run.id(),
            task -> {
              told.add(task.stage() + " " + task.progress() + " " + task.progressMessage().get());
              switch (task.progressMessage().get()) {
                case "reading" -> heardReading.countDown();
                case "writing" -> heardWriting.countDown();
                default -> {}
              }
            },
            () -> false);

    assertThat(ended.status()).isEqualTo(RunStatus.SUCCEEDED);
    // The ended task reads as done, with its last message: a new report, told once.
    assertThat(told).containsExactly("work 0.25 reading", "work 0.75 writing", "work 1.0 writing");
    assertThat(RunFollower.succeeded(ended, "job")).isEqualTo(ended);
  }

  @Test
  void aStopCancelsTheRunWhichIsFollowedToItsEnd() throws Exception {
    RunRecord run = engine.submit("endless", "{}");
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    RunRecord ended = follower.follow(run.id(), task -> {}, () -> true);

    assertThat(ended.status()).isEqualTo(RunStatus.CANCELLED);
    assertThatThrownBy(() -> RunFollower.succeeded(ended, "job"))
        .isInstanceOf(CancellationException.class)
        .hasMessage("the job was stopped");
  }

  @Test
  void anInterruptCancelsTheRunAndIsKeptForTheCaller() throws Exception {
    RunRecord run = engine.submit("endless", "{}");
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    Thread.currentThread().interrupt();
    RunRecord ended = follower.follow(run.id(), task -> {}, () -> false);

    assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
    assertThat(ended.status()).isEqualTo(RunStatus.CANCELLED);
  }

  @Test
  void aFailedRunBecomesItsError() {
    RunRecord run = engine.submit("failing", "{}");

    RunRecord ended = follower.follow(run.id(), task -> {}, () -> false);

    assertThat(ended.status()).isEqualTo(RunStatus.FAILED);
    assertThatThrownBy(() -> RunFollower.succeeded(ended, "run"))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
              assertThat(e.getMessage()).isEqualTo("no");
            });
  }
}
