package dev.reelforge.app.story.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.RunEvent;
import dev.reelforge.core.licence.EvidenceStore;
import dev.reelforge.core.licence.LicenceEvidence;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
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
 * The moderation gate in the story pipeline, through the real application and PostgreSQL: a script
 * the default preset lets through is held in kids mode; its owner sees why but cannot release it;
 * an operator approves (the run renders), or rejects it — a flagged text cannot be regenerated
 * away, so the run fails, and a failed run's credits come back.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.limits.ai-per-minute=10000",
      "reelforge.limits.render-per-minute=10000",
      "reelforge.limits.preview-per-minute=10000",
      "reelforge.limits.general-per-minute=100000"
    })
class ModerationGateTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path ROOT = tempRoot();

  /** "idiot" is LOW harassment in the offline rules: noted by default, held in kids mode. */
  private static final List<String> MILD =
      List.of("The octopus is no idiot.", "It has three hearts.", "It sees with its skin.");

  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;
  @Autowired JobService jobs;
  @Autowired EvidenceStore evidence;

  private static String owner;
  private static String operator;

  @BeforeEach
  void signIn() {
    if (owner == null) {
      owner = TestUsers.token(context, "gate-owner", Role.CREATOR);
      operator = TestUsers.token(context, "gate-operator", Role.OPERATOR);
    }
  }

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "ModerationGateTest");
    registry.add("reelforge.storage.local-root", () -> ROOT.resolve("blobs").toString());
    registry.add("reelforge.media.render-work-dir", () -> ROOT.resolve("render").toString());
  }

  private static Path tempRoot() {
    try {
      return Files.createTempDirectory("moderation-gate-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void kidsModeHoldsWhatTheDefaultLetsThroughAndAnOperatorReleasesIt() throws Exception {
    // The default preset notes the word and renders.
    JsonNode grownUps = awaitSettled(finalize(session(MILD), ""));
    assertThat(grownUps.path("status").asString()).isEqualTo("succeeded");
    assertThat(grownUps.path("tasks").size()).isEqualTo(13);
    List<LicenceEvidence> recorded =
        evidence.forRun(UUID.fromString(grownUps.path("id").asString()));
    assertThat(recorded)
        .extracting(LicenceEvidence::item)
        .contains("beat 1 picture", "beat 3 picture", "narration");

    // Kids mode holds the same script for review, with the reason.
    String runId = finalize(session(MILD), ",\"moderation\":{\"preset\":\"kids\"}");
    JsonNode held = awaitSettled(runId);
    assertThat(held.path("status").asString()).isEqualTo("awaiting_review");
    List<RunEvent> events = jobs.events(UUID.fromString(runId), 0, 1000);
    assertThat(events)
        .filteredOn(e -> e.type().equals("run.awaiting_review"))
        .singleElement()
        .satisfies(e -> assertThat(e.data().replace(" ", "")).contains("\"stage\":\"moderation\""));
    String page = page("/ui/runs/" + runId, owner);
    assertThat(page)
        .contains("moderation gate holds this run")
        .contains("beat 1 text: harassment (low)");

    // The owner sees why but may not release it; an operator may.
    JsonNode refused = review(runId, owner, "approve", null, 403);
    assertThat(refused.path("error").asString()).isEqualTo("FORBIDDEN");
    assertThat(page("/ui/ops", operator))
        .contains("beat 1 text: harassment (low)")
        .contains("Reject (fail and refund)");
    review(runId, operator, "change", "make it nicer", 400);
    review(runId, operator, "approve", null, 200);
    assertThat(awaitSettled(runId).path("status").asString()).isEqualTo("succeeded");
  }

  @Test
  void rejectingAFlaggedTextFailsTheRunAndRefundsIt() throws Exception {
    String regenerate = finalize(session(MILD), ",\"moderation\":{\"preset\":\"kids\"}");
    assertThat(awaitSettled(regenerate).path("status").asString()).isEqualTo("awaiting_review");
    review(regenerate, operator, "reroll", null, 200);
    JsonNode failed = awaitSettled(regenerate);
    assertThat(failed.path("status").asString()).isEqualTo("failed");
    assertThat(failed.path("error").path("message").asString())
        .contains("a flagged text remains")
        .contains("beat 1 text");
    assertThat(jobs.run(UUID.fromString(regenerate)).credits().refunded()).isTrue();

    String fail = finalize(session(MILD), ",\"moderation\":{\"preset\":\"kids\"}");
    assertThat(awaitSettled(fail).path("status").asString()).isEqualTo("awaiting_review");
    review(fail, operator, "reroll", "{\"action\":\"fail\"}", 200);
    JsonNode rejected = awaitSettled(fail);
    assertThat(rejected.path("status").asString()).isEqualTo("failed");
    assertThat(rejected.path("error").path("message").asString()).contains("reviewer rejected");
    assertThat(jobs.run(UUID.fromString(fail)).credits().charged()).isTrue();
    assertThat(jobs.run(UUID.fromString(fail)).credits().refunded()).isTrue();
  }

  @Test
  void anUnknownPresetOrRegionIsAFieldError() throws Exception {
    String id = session(MILD);
    JsonNode preset =
        send(
            post(
                "/api/story/finalize",
                "{\"sessionId\":\"" + id + "\",\"moderation\":{\"preset\":\"strict\"}}",
                owner),
            400);
    assertThat(preset.path("details").toString()).contains("moderation.preset");
    JsonNode region =
        send(
            post(
                "/api/story/finalize",
                "{\"sessionId\":\"" + id + "\",\"moderation\":{\"regions\":[\"zz\"]}}",
                owner),
            400);
    assertThat(region.path("details").toString()).contains("moderation.regions");
  }

  private String session(List<String> sentences) throws Exception {
    String id =
        send(
                post(
                    "/api/story/start",
                    "{\"input\":\"Octopus facts\",\"inputType\":\"idea\"}",
                    owner),
                200)
            .path("data")
            .path("id")
            .asString();
    send(post("/api/story/generate", "{\"sessionId\":\"" + id + "\"}", owner), 200);
    send(
        post(
            "/api/story/update-script",
            "{\"sessionId\":\""
                + id
                + "\",\"sentences\":"
                + JSON.writeValueAsString(sentences)
                + "}",
            owner),
        200);
    return id;
  }

  /** Starts the session's run asynchronously; {@code extra} adds fields to the request. */
  private String finalize(String sessionId, String extra) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/story/finalize"))
            .header("Authorization", "Bearer " + owner)
            .header("Content-Type", "application/json")
            .header("Prefer", "respond-async")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"sessionId\":\"" + sessionId + "\"" + extra + "}"))
            .build();
    return send(request, 202).path("data").path("runId").asString();
  }

  private JsonNode review(String runId, String token, String decision, String payload, int status)
      throws Exception {
    String body =
        "{\"stage\":\"moderation\",\"decision\":\""
            + decision
            + "\""
            + (payload == null ? "" : ",\"payload\":" + JSON.writeValueAsString(payload))
            + "}";
    return send(post("/api/runs/" + runId + "/review", body, token), status);
  }

  /** The run once it has ended or waits for review. */
  private JsonNode awaitSettled(String runId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      JsonNode run = send(get("/api/runs/" + runId, operator), 200).path("data");
      String status = run.path("status").asString();
      if (List.of("succeeded", "failed", "cancelled", "awaiting_review").contains(status)
          || System.nanoTime() > deadline) {
        return run;
      }
      Thread.sleep(200);
    }
  }

  private String page(String path, String token) throws Exception {
    HttpResponse<String> response =
        http.send(get(path, token), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private HttpRequest post(String path, String body, String token) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofMinutes(2))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private HttpRequest get(String path, String token) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + token)
        .GET()
        .build();
  }

  private JsonNode send(HttpRequest request, int status) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(request.uri() + " → " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
