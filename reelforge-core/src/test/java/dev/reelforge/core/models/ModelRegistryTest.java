package dev.reelforge.core.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.models.ModelStatus.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private final ModelRegistry registry = new ModelRegistry(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void warmUpAllRunsEachModelOnceTimesItAndRecordsFailuresWithoutStoppingTheOthers() {
    AtomicInteger sphinxRuns = new AtomicInteger();
    AtomicInteger haarRuns = new AtomicInteger();
    registry.register(
        ModelRegistry.TRANSCRIBER,
        "sphinx4",
        "en-us-5.2",
        () -> {
          sphinxRuns.incrementAndGet();
          Thread.sleep(60);
        });
    registry.register(
        ModelRegistry.FACE_DETECTOR,
        "broken",
        "1",
        () -> {
          throw new IllegalStateException("cascade file missing");
        });
    registry.register(
        ModelRegistry.FACE_DETECTOR, "opencv-haar", "4.13.0", haarRuns::incrementAndGet);

    assertThat(registry.snapshot()).allMatch(m -> m.state() == State.COLD && !m.warmed());
    List<ModelStatus> after = registry.warmUpAll(Duration.ofSeconds(5));

    assertThat(after)
        .extracting(ModelStatus::role, ModelStatus::name, ModelStatus::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("face-detector", "broken", State.FAILED),
            org.assertj.core.groups.Tuple.tuple("face-detector", "opencv-haar", State.WARM),
            org.assertj.core.groups.Tuple.tuple("transcriber", "sphinx4", State.WARM));
    ModelStatus sphinx = registry.model("transcriber", "sphinx4").orElseThrow();
    assertThat(sphinx.warmUpMillis()).isBetween(50L, 5_000L);
    assertThat(sphinx.version()).isEqualTo("en-us-5.2");
    assertThat(sphinx.warmedAt()).contains(NOW);
    assertThat(sphinx.error()).isEmpty();
    assertThat(registry.model("face-detector", "broken").orElseThrow().error())
        .isEqualTo("cascade file missing");

    registry.warmUpAll(Duration.ofSeconds(5));
    assertThat(sphinxRuns).as("a warm model is not warmed again").hasValue(1);
    assertThat(haarRuns).hasValue(1);
  }

  @Test
  void aWarmUpThatHangsIsAbandonedWhenItsTimeIsUpAndTheNextOneStillRuns() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    registry.register(
        "transcriber",
        "hangs",
        "1",
        () -> {
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            interrupted.countDown();
          }
        });
    registry.register("transcriber", "quick", "1", () -> {});
    long started = System.nanoTime();
    registry.warmUpAll(Duration.ofMillis(200));
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(5_000);
    ModelStatus hung = registry.model("transcriber", "hangs").orElseThrow();
    assertThat(hung.state()).isEqualTo(State.FAILED);
    assertThat(hung.error()).contains("did not finish within PT0.2S");
    assertThat(registry.model("transcriber", "quick").orElseThrow().warmed()).isTrue();
    assertThat(interrupted.await(5, TimeUnit.SECONDS))
        .as("the hung warm-up was interrupted")
        .isTrue();
  }

  @Test
  void aFailedModelIsTriedAgainAndANewVersionReplacesTheOldCold() {
    AtomicInteger tries = new AtomicInteger();
    registry.register(
        "face-detector",
        "flaky",
        "1",
        () -> {
          if (tries.incrementAndGet() == 1) {
            throw new java.io.IOException();
          }
        });
    registry.warmUpAll(Duration.ofSeconds(5));
    assertThat(registry.model("face-detector", "flaky").orElseThrow().error())
        .isEqualTo("IOException");
    registry.warmUpAll(Duration.ofSeconds(5));
    assertThat(registry.model("face-detector", "flaky").orElseThrow().warmed()).isTrue();

    registry.register("face-detector", "flaky", "2", () -> {});
    ModelStatus replaced = registry.model("face-detector", "flaky").orElseThrow();
    assertThat(replaced.version()).isEqualTo("2");
    assertThat(replaced.state()).isEqualTo(State.COLD);
    assertThat(registry.snapshot()).hasSize(1);
  }

  @Test
  void concurrentWarmUpsNeverRunOneModelTwice() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    registry.register(
        "transcriber",
        "slow",
        "1",
        () -> {
          runs.incrementAndGet();
          inside.countDown();
          release.await();
        });
    Thread first = Thread.ofVirtual().start(() -> registry.warmUpAll(Duration.ofSeconds(10)));
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(registry.model("transcriber", "slow").orElseThrow().state())
        .isEqualTo(State.WARMING);
    registry.warmUpAll(Duration.ofSeconds(10));
    release.countDown();
    first.join();
    assertThat(runs).hasValue(1);
    assertThat(registry.model("transcriber", "slow").orElseThrow().warmed()).isTrue();
  }

  @Test
  void rolesNamesAndVersionsAreChecked() {
    assertThatThrownBy(() -> registry.register("Face Detector", "x", "1", () -> {}))
        .hasMessageContaining("lower-case");
    assertThatThrownBy(() -> registry.register("transcriber", " ", "1", () -> {}))
        .hasMessageContaining("name");
    assertThatThrownBy(() -> registry.register("transcriber", "x", "", () -> {}))
        .hasMessageContaining("version");
    assertThat(registry.isEmpty()).isTrue();
  }
}
