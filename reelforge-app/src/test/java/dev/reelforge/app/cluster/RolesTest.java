package dev.reelforge.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.database.NodeLifecycle;
import dev.reelforge.app.jobs.JobWorkers;
import dev.reelforge.core.cluster.NodeRegistry;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A process started as a worker only: it runs worker pools but no upkeep, refuses the API and the
 * dashboard with a 404 that names its roles, and still answers health checks and metrics.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "reelforge.node.roles=worker")
class RolesTest {

  @Value("${local.server.port}")
  int port;

  @Autowired JobWorkers workers;
  @Autowired Upkeep upkeep;
  @Autowired NodeRegistry nodes;
  @Autowired NodeLifecycle node;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "RolesTest");
  }

  @Test
  void aWorkerOnlyProcessWorksButServesNoApi() throws Exception {
    ApiCalls api = new ApiCalls(port);
    assertThat(workers.poolCount()).isEqualTo(11);
    assertThat(upkeep.taskNames())
        .as(
            "shared upkeep is the scheduler's; each machine prunes its own work folders and uploads")
        .containsExactlyInAnyOrder(
            "work-cache-prune", "media-work-prune", "clips-work-prune", "expired-uploads");

    for (String path : new String[] {"/api/story/x", "/auth/login", "/ui", "/blobs/stories/x"}) {
      HttpResponse<String> refused = api.send("GET", path, null, null);
      assertThat(refused.statusCode()).as(path).isEqualTo(404);
      assertThat(refused.body()).contains("runs as worker and does not serve the API");
    }
    HttpResponse<String> health = api.send("GET", "/api/health", null, null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"roles\":[\"worker\"]");
    assertThat(api.send("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(200);
    assertThat(nodes.recent(20))
        .filteredOn(n -> n.id().equals(node.nodeId()))
        .singleElement()
        .satisfies(n -> assertThat(n.roles()).containsExactly("worker"));
  }
}
