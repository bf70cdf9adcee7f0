package dev.reelforge.app.failures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.StoryRuns;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.postgres.embedded.EmbeddedPostgresOptions;
import dev.reelforge.postgres.embedded.EmbeddedPostgresServer;
import dev.reelforge.testkit.TempDirs;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL restarts while story runs are under way (a failover, an upgrade): the pool and the
 * workers reconnect by themselves and every run finishes, none lost and none charged twice.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.lease=4s",
      "reelforge.jobs.heartbeat-interval=1s",
      "reelforge.jobs.reaper-interval=1s"
    })
@DirtiesContext // its database is gone after the class
class DatabaseRestartTest {

  private static Path dataDir;
  private static EmbeddedPostgresOptions options;
  private static EmbeddedPostgresServer server;

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    dataDir = TempDirs.worldSearchable("rf-restart");
    int dbPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      dbPort = socket.getLocalPort();
    }
    options = EmbeddedPostgresOptions.in(dataDir.resolve("pg")).withPort(dbPort);
    server = EmbeddedPostgresServer.start(options);
    registry.add("reelforge.database.url", server::jdbcUrl);
    registry.add("reelforge.database.username", server::username);
    registry.add("reelforge.database.password", server::password);
  }

  @AfterAll
  static void stopDatabase() {
    if (server != null) {
      server.close();
    }
    TempDirs.deleteTree(dataDir);
  }

  @Test
  void runsUnderWayFinishAfterTheDatabaseRestarts() throws Exception {
    StoryRuns runs =
        new StoryRuns(new ApiCalls(port), TestUsers.token(context, "restart", Role.CREATOR));
    List<String> started = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      started.add(runs.start("Run number " + i + " survives a database restart."));
    }
    awaitRunning(runs, started.getFirst());

    server.close();
    Thread.sleep(3000);
    server = EmbeddedPostgresServer.start(options);

    for (String statusUrl : started) {
      JsonNode run = runs.await(statusUrl, Duration.ofMinutes(4));
      assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("succeeded");
      assertThat(run.path("credits").path("refunded").asBoolean()).isFalse();
    }
  }

  private static void awaitRunning(StoryRuns runs, String statusUrl) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < deadline) {
      // Running (or, on a fast machine, already further): the database goes down under work.
      if (!List.of("queued", "unknown").contains(runs.read(statusUrl).path("status").asString())) {
        return;
      }
      Thread.sleep(StoryRuns.POLL);
    }
    throw new AssertionError("the run did not start");
  }
}
