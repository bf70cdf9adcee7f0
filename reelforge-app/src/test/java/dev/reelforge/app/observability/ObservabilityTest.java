package dev.reelforge.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.StoryRuns;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * After a story run, {@code /actuator/prometheus} shows its stages timed, the queues' gauges, the
 * render speed and the stored blobs; {@code /api/health} reports every queue and this worker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ObservabilityTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "ObservabilityTest");
  }

  @Test
  void aRunShowsUpInTheMetricsAndHealthReportsQueuesAndWorkers() throws Exception {
    ApiCalls api = new ApiCalls(port);
    StoryRuns runs = new StoryRuns(api, TestUsers.token(context, "watcher", Role.CREATOR));
    JsonNode run = runs.await(runs.start("Metrics count what matters."), Duration.ofMinutes(3));
    assertThat(run.path("status").asString()).isEqualTo("succeeded");

    HttpResponse<String> scrape = api.send("GET", "/actuator/prometheus", null, null);
    assertThat(scrape.statusCode()).isEqualTo(200);
    String metrics = scrape.body();
    assertThat(metrics)
        .containsPattern(
            "reelforge_stage_duration_seconds_count\\{[^}]*kind=\"story\"[^}]*outcome=\"completed\""
                + "[^}]*stage=\"render-square\"[^}]*} 1")
        .containsPattern("reelforge_stage_duration_seconds_bucket\\{[^}]*le=\"[0-9.]+\"")
        .containsPattern("reelforge_queue_depth\\{[^}]*queue=\"render\"[^}]*} 0")
        .contains("reelforge_queue_oldest_ready_age_seconds{")
        .contains("reelforge_queue_dead_letters{")
        .containsPattern("reelforge_render_speed_ratio_count\\{[^}]*preset=\"square\"[^}]*} 1")
        .contains("http_server_requests_seconds_count{")
        .contains("application=\"reelforge\"");

    // Every ReelForge series scraped, alerted on or charted is documented in operations.md.
    Set<String> documented = names(Files.readString(Path.of("../docs/operations.md")));
    assertThat(names(metrics)).isNotEmpty().allSatisfy(n -> assertThat(documented).contains(n));
    assertThat(names(Files.readString(Path.of("../deploy/prometheus/alerts.yml"))))
        .hasSizeGreaterThan(5)
        .allSatisfy(n -> assertThat(documented).as("alerts.yml").contains(n));
    assertThat(names(Files.readString(Path.of("../deploy/grafana/reelforge.json"))))
        .hasSizeGreaterThan(5)
        .allSatisfy(n -> assertThat(documented).as("reelforge.json").contains(n));

    JsonNode health = JSON.readTree(api.send("GET", "/api/health", null, null).body());
    assertThat(health.path("status").asString()).isEqualTo("ok");
    assertThat(health.path("roles").toString()).contains("api", "worker", "scheduler");
    assertThat(health.path("queues").path("render").path("waiting").asLong()).isZero();
    assertThat(health.path("queues").path("render").has("oldestWaitingSeconds")).isTrue();
    assertThat(health.path("workers").path("nodes").asLong()).isGreaterThanOrEqualTo(1);
  }

  /** The reelforge_* metric names in a text, without the _bucket/_count/_sum/_max suffixes. */
  private static Set<String> names(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("reelforge_[a-z_]+").matcher(text);
    while (m.find()) {
      names.add(m.group().replaceAll("_(bucket|count|sum|max)$", ""));
    }
    return names;
  }
}
