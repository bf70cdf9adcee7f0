package dev.reelforge.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.database.NodeLifecycle;
import dev.reelforge.core.cluster.NodeRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The application boots against a real PostgreSQL, migrates it and reports its health. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HealthTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  @Autowired NodeRegistry nodes;
  @Autowired NodeLifecycle node;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "HealthTest");
  }

  @Test
  void apiHealthIsOkWithTheDatabaseState() throws Exception {
    HttpResponse<String> response = get("/api/health");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("status").asString()).isEqualTo("ok");
    JsonNode database = body.get("database");
    assertThat(database.get("status").asString()).isEqualTo("up");
    assertThat(database.get("serverVersion").asString()).startsWith("17.");
    assertThat(database.get("schemaVersion").asString()).isNotEqualTo("none");
    assertThat(database.get("embedded").asBoolean()).isFalse();
  }

  @Test
  void actuatorLivenessAndReadinessAreUp() throws Exception {
    for (String probe : new String[] {"liveness", "readiness"}) {
      HttpResponse<String> response = get("/actuator/health/" + probe);
      assertThat(response.statusCode()).as(probe).isEqualTo(200);
      assertThat(JSON.readTree(response.body()).get("status").asString()).isEqualTo("UP");
    }
  }

  @Test
  void thisProcessIsRecordedAsARunningNode() {
    assertThat(nodes.recent(10))
        .anySatisfy(
            n -> {
              assertThat(n.id()).isEqualTo(node.nodeId());
              assertThat(n.pid()).isEqualTo(ProcessHandle.current().pid());
              assertThat(n.stoppedAt()).isEmpty();
            });
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
