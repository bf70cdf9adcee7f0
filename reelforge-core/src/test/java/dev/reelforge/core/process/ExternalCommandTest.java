package dev.reelforge.core.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalCommandTest {

  @Test
  void returnsExitCodeAndCombinedOutput() {
    ExternalCommand.Result result =
        ExternalCommand.of(
                List.of("sh", "-c", "echo out; echo err >&2; exit 3"), Duration.ofSeconds(10))
            .run();
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.output()).contains("out").contains("err");
    assertThat(result.tail(1)).isIn("out", "err");
  }

  @Test
  void killsAProgramThatOverrunsItsTimeLimit() {
    long start = System.nanoTime();
    assertThatThrownBy(
            () -> ExternalCommand.of(List.of("sleep", "30"), Duration.ofMillis(300)).run())
        .isInstanceOf(ExternalCommand.ExternalCommandException.class)
        .hasMessageContaining("did not finish");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void explainsAProgramThatCannotStart() {
    assertThatThrownBy(
            () -> ExternalCommand.of(List.of("/nonexistent/tool"), Duration.ofSeconds(1)).run())
        .isInstanceOf(ExternalCommand.ExternalCommandException.class)
        .hasMessageContaining("cannot start /nonexistent/tool");
  }

  @Test
  void passesEnvironmentAndDirectory() {
    ExternalCommand.Result result =
        ExternalCommand.of(List.of("sh", "-c", "echo $GREETING; pwd"), Duration.ofSeconds(10))
            .withEnvironment(java.util.Map.of("GREETING", "hello"))
            .in(java.nio.file.Path.of("/tmp"))
            .run();
    assertThat(result.output()).contains("hello").contains("/tmp");
  }
}
