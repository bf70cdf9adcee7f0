package dev.reelforge.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.StoryRuns;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One trace from the HTTP request that starts a run through every task of it: the request's trace
 * context is stored with the run, and each worker's task span is its child.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TracingTest {

  @TestConfiguration
  static class Exporter {
    @Bean
    InMemorySpanExporter spans() {
      return InMemorySpanExporter.create();
    }
  }

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;
  @Autowired InMemorySpanExporter exporter;
  @Autowired SdkTracerProvider tracerProvider;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "TracingTest");
  }

  @Test
  void aRunsTasksJoinTheTraceOfTheRequestThatStartedIt() throws Exception {
    StoryRuns runs =
        new StoryRuns(new ApiCalls(port), TestUsers.token(context, "tracer", Role.CREATOR));
    JsonNode run = runs.await(runs.start("Traces follow the work."), Duration.ofMinutes(3));
    assertThat(run.path("status").asString()).isEqualTo("succeeded");
    assertThat(tracerProvider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();

    List<SpanData> spans = exporter.getFinishedSpanItems();
    SpanData finalize =
        spans.stream()
            .filter(s -> s.getName().contains("/api/story/finalize"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no request span in " + names(spans)));
    List<SpanData> tasks =
        spans.stream()
            .filter(s -> s.getName().startsWith("task "))
            .filter(
                s ->
                    run.path("id")
                        .asString()
                        .equals(
                            s.getAttributes().asMap().entrySet().stream()
                                .filter(e -> e.getKey().getKey().equals("reelforge.run.id"))
                                .map(e -> String.valueOf(e.getValue()))
                                .findFirst()
                                .orElse("")))
            .toList();
    assertThat(tasks.stream().map(SpanData::getName).collect(Collectors.toSet()))
        .contains(
            "task script", "task voice", "task visuals", "task render-square", "task manifest");
    Set<String> spanIdsOfTheTrace =
        spans.stream()
            .filter(s -> s.getTraceId().equals(finalize.getTraceId()))
            .map(SpanData::getSpanId)
            .collect(Collectors.toSet());
    for (SpanData task : tasks) {
      assertThat(task.getTraceId()).as(task.getName()).isEqualTo(finalize.getTraceId());
      assertThat(spanIdsOfTheTrace).as(task.getName()).contains(task.getParentSpanId());
    }
  }

  private static List<String> names(List<SpanData> spans) {
    return spans.stream().map(SpanData::getName).toList();
  }
}
