package dev.reelforge.core.jobs.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PipelineDefinitionTest {

  private static final PipelineDefinition STORY =
      PipelineDefinition.of(
          "story",
          StageDefinition.of("ingest", "ingest"),
          StageDefinition.of("script", "analysis").after("ingest"),
          StageDefinition.of("voice", "generation").after("script"),
          StageDefinition.of("visuals", "generation").after("script"),
          StageDefinition.of("music", "generation").after("script"),
          StageDefinition.of("render", "render").after("voice", "visuals", "music").requires("cpu"),
          StageDefinition.of("thumbnail", "render").after("render"));

  @Test
  void ordersStagesAfterTheirDependencies() {
    List<String> order = STORY.stagesInOrder().stream().map(StageDefinition::name).toList();
    assertThat(order.getFirst()).isEqualTo("ingest");
    assertThat(order.indexOf("render"))
        .isGreaterThan(order.indexOf("voice"))
        .isGreaterThan(order.indexOf("visuals"))
        .isGreaterThan(order.indexOf("music"));
    assertThat(order.getLast()).isEqualTo("thumbnail");
    assertThat(STORY.sinks()).containsExactly("thumbnail");
    assertThat(STORY.queues())
        .containsExactlyInAnyOrder("ingest", "analysis", "generation", "render");
  }

  @Test
  void rejectsCyclesUnknownDependenciesAndDuplicates() {
    assertThatThrownBy(
            () ->
                PipelineDefinition.of(
                    "loop",
                    StageDefinition.of("a", "q").after("b"),
                    StageDefinition.of("b", "q").after("a")))
        .hasMessageContaining("cycle");
    assertThatThrownBy(() -> PipelineDefinition.of("x", StageDefinition.of("a", "q").after("zz")))
        .hasMessageContaining("unknown zz");
    assertThatThrownBy(
            () ->
                PipelineDefinition.of(
                    "x", StageDefinition.of("a", "q"), StageDefinition.of("a", "q")))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> StageDefinition.of("Bad Name", "q"))
        .hasMessageContaining("lower-case");
    assertThatThrownBy(() -> StageDefinition.of("a", "q").after("a"))
        .hasMessageContaining("itself");
  }

  @Test
  void backoffGrowsExponentiallyWithinItsJitterAndCap() {
    RetryPolicy policy =
        new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10), 4.0, 0.25);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 1000; i++) {
      assertThat(policy.backoff(1, random))
          .isBetween(Duration.ofMillis(750), Duration.ofSeconds(1));
      assertThat(policy.backoff(2, random)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(4));
      assertThat(policy.backoff(3, random))
          .isBetween(Duration.ofMillis(7500), Duration.ofSeconds(10));
    }
    RetryPolicy exact = policy.withJitter(0);
    assertThat(exact.backoff(2, random)).isEqualTo(Duration.ofSeconds(4));
    assertThat(exact.allowsAnotherAttempt(4)).isTrue();
    assertThat(exact.allowsAnotherAttempt(5)).isFalse();
    assertThat(RetryPolicy.NONE.allowsAnotherAttempt(1)).isFalse();
  }

  @Test
  void jitterSpreadsRetries() {
    RetryPolicy policy = RetryPolicy.DEFAULT;
    SplittableRandom random = new SplittableRandom(1);
    long distinct =
        java.util.stream.IntStream.range(0, 100)
            .mapToObj(i -> policy.backoff(2, random))
            .distinct()
            .count();
    assertThat(distinct).isGreaterThan(50);
  }
}
