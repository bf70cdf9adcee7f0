package dev.reelforge.app.failures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.StoryRuns;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.storage.s3.EmbeddedS3;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The S3 store goes away under running work (behind a gate the test shuts): a short outage is
 * ridden out by the stages' retries; a long one fails the run with an error that says what is
 * wrong, and the credits come back once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BlobStoreOutageTest {

  private static EmbeddedS3 s3;
  private static TcpGate gate;
  private static TestDatabase database;

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) throws Exception {
    database = AppTestDatabase.register(registry, "BlobStoreOutageTest");
    s3 = EmbeddedS3.start();
    gate = new TcpGate(new InetSocketAddress("127.0.0.1", s3.endpoint().getPort()));
    registry.add("reelforge.storage.type", () -> "s3");
    registry.add("reelforge.storage.s3.endpoint", () -> "http://127.0.0.1:" + gate.port());
    registry.add("reelforge.storage.s3.bucket", () -> EmbeddedS3.BUCKET);
    registry.add("reelforge.storage.s3.access-key", s3::accessKey);
    registry.add("reelforge.storage.s3.secret-key", s3::secretKey);
    registry.add("reelforge.storage.s3.path-style", () -> "true");
    registry.add("reelforge.storage.s3.timeout", () -> "5s");
  }

  @AfterEach
  void reopen() throws Exception {
    gate.open();
  }

  @AfterAll
  static void stopStore() throws Exception {
    gate.close();
    s3.close();
  }

  private StoryRuns runs(String user) {
    return new StoryRuns(new ApiCalls(port), TestUsers.token(context, user, Role.CREATOR));
  }

  @Test
  void aShortOutageIsRiddenOutByRetries() throws Exception {
    StoryRuns runs = runs("outage-short");
    gate.shut();
    String statusUrl = runs.start("The store blinked for a moment.");
    awaitRetry(runs, statusUrl);
    gate.open();

    JsonNode run = runs.await(statusUrl, Duration.ofMinutes(3));
    assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("succeeded");
    assertThat(run.toString()).containsPattern("\"attempt\":[2-9]");
    assertThat(ledger(run.path("id").asString())).containsExactly("debit");
  }

  @Test
  void aLongOutageFailsTheRunClearlyAndRefundsIt() throws Exception {
    StoryRuns runs = runs("outage-long");
    gate.shut();
    JsonNode run = runs.await(runs.start("The store is gone for good."), Duration.ofMinutes(3));

    assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("failed");
    JsonNode error = run.path("error");
    assertThat(error.path("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(error.path("message").asString()).contains("S3 at").contains("is unreachable");
    assertThat(error.path("retryable").asBoolean()).isTrue();
    assertThat(run.toString()).as("the stage was tried three times").contains("\"attempt\":3");
    assertThat(ledger(run.path("id").asString())).containsExactly("debit", "refund");
  }

  /** Waits until some task of the run has failed once and waits for its next attempt. */
  private static void awaitRetry(StoryRuns runs, String statusUrl) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < deadline) {
      String run = runs.read(statusUrl).toString();
      if (run.contains("SERVICE_UNAVAILABLE")) {
        return;
      }
      Thread.sleep(StoryRuns.POLL);
    }
    throw new AssertionError("no stage met the outage");
  }

  private static List<String> ledger(String runId) throws Exception {
    List<String> reasons = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select reason from credit_ledger where run_id = ?::uuid order by id")) {
      s.setString(1, runId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          reasons.add(rs.getString(1));
        }
      }
    }
    return reasons;
  }
}
