package dev.reelforge.core.jobs.engine;

import static dev.reelforge.core.jobs.engine.InProcessEngine.QUEUE;
import static dev.reelforge.core.jobs.engine.InProcessEngine.await;
import static dev.reelforge.core.jobs.engine.InProcessEngine.options;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A feature hears of each of its runs' ends from the feed: succeeded, failed and cancelled runs of
 * its kind only; an end the feature refuses for good is skipped without holding back the next; one
 * that fails for a while is tried again; and a follower that starts settles recent ends.
 */
class RunEndFollowerTest {

  private final InProcessEngine engine = new InProcessEngine();
  private final List<UUID> told = new CopyOnWriteArrayList<>();

  @BeforeEach
  void pipelines() {
    StageDefinition once = StageDefinition.of("work", QUEUE).retry(RetryPolicy.NONE);
    engine.register(
        PipelineDefinition.of("ours", once),
        Map.of(
            "work",
            ctx ->
                ctx.inputs().contains("fail")
                    ? StageResult.failed(new ReelForgeException(ErrorCode.VALIDATION_FAILED, "no"))
                    : StageResult.completed("{}")));
    engine.register(
        PipelineDefinition.of("theirs", StageDefinition.of("work", QUEUE)),
        Map.of("work", ctx -> StageResult.completed("{}")));
    engine.startPool(options(2));
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  @Test
  void eachEndOfTheKindIsToldOnceAndOthersAreNot() {
    try (RunEndFollower follower = follower(run -> told.add(run.id()), 0)) {
      RunRecord ok = engine.submit("ours", "{\"n\":1}");
      RunRecord failed = engine.submit("ours", "{\"fail\":true}");
      RunRecord other = engine.submit("theirs", "{}");
      engine.awaitStatus(ok.id(), RunStatus.SUCCEEDED);
      engine.awaitStatus(failed.id(), RunStatus.FAILED);
      engine.awaitStatus(other.id(), RunStatus.SUCCEEDED);
      await(() -> told.size() >= 2);
      sleep(Duration.ofMillis(200));
      assertThat(told).containsExactlyInAnyOrder(ok.id(), failed.id());
    }
  }

  @Test
  void anEndRefusedForGoodIsSkippedAndOneThatFailsForAWhileIsTriedAgain() {
    AtomicInteger flakyCalls = new AtomicInteger();
    try (RunEndFollower follower =
        follower(
            run -> {
              if (run.inputs().contains("refuse")) {
                throw new ReelForgeException(ErrorCode.INVALID_INPUT, "not ours after all");
              }
              if (run.inputs().contains("flaky") && flakyCalls.incrementAndGet() < 3) {
                throw new IllegalStateException("the database is away");
              }
              told.add(run.id());
            },
            0)) {
      RunRecord refused = engine.submit("ours", "{\"refuse\":true}");
      RunRecord flaky = engine.submit("ours", "{\"flaky\":true}");
      RunRecord fine = engine.submit("ours", "{\"n\":2}");
      for (RunRecord run : List.of(refused, flaky, fine)) {
        engine.awaitStatus(run.id(), RunStatus.SUCCEEDED);
      }
      await(() -> told.containsAll(List.of(flaky.id(), fine.id())));
      assertThat(told).doesNotContain(refused.id());
      assertThat(flakyCalls).hasValue(3);
    }
  }

  @Test
  void aFollowerThatStartsSettlesTheRunsThatEndedBefore() {
    RunRecord before = engine.submit("ours", "{\"n\":3}");
    engine.awaitStatus(before.id(), RunStatus.SUCCEEDED);
    try (RunEndFollower follower = follower(run -> told.add(run.id()), 10)) {
      await(() -> told.contains(before.id()));
    }
  }

  private RunEndFollower follower(java.util.function.Consumer<RunRecord> onEnd, int settle) {
    return new RunEndFollower(
            engine.store.eventFeed(),
            engine.store.runStore(),
            "ours",
            onEnd,
            Duration.ofMillis(20),
            settle)
        .start();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
