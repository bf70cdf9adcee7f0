package dev.reelforge.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.StoryRuns;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Seed 002's pipeline routes and {@code /api/auth/session} through the real application: a start
 * renders a story that the status follows to the end, a repeat with the same key is the same run,
 * stop cancels, bad configurations are field errors, and another user's run is a 404.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.general-per-minute=100000",
      "reelforge.limits.render-per-minute=10000",
      "reelforge.limits.concurrent-runs=10"
    })
class PipelineApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path ROOT = tempRoot();
  private static final String SCRIPT_START =
      "{\"story_params\":{\"script\":\"Honeybees dance to give directions.\\nThe hive follows the"
          + " best dancer.\"},\"video_params\":{\"formats\":[\"square\"]},"
          + "\"platforms\":[\"youtube\",\"TikTok\"],\"moderation_enabled\":true,"
          + "\"tts_params\":{\"voice\":\"ignored\"}}";

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;

  private static UserAccount alice;
  private static String aliceToken;
  private static String bobToken;
  private static String operatorToken;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "PipelineApiTest");
    registry.add("reelforge.storage.local-root", () -> ROOT.resolve("blobs").toString());
    registry.add("reelforge.media.render-work-dir", () -> ROOT.resolve("render").toString());
  }

  private static Path tempRoot() {
    try {
      return Files.createTempDirectory("pipeline-api-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void users() {
    if (alice == null) {
      alice = TestUsers.create(context, "pipeline-alice", Role.CREATOR);
      aliceToken = TestUsers.tokenOf(context, alice);
      bobToken = TestUsers.token(context, "pipeline-bob", Role.CREATOR);
      operatorToken = TestUsers.token(context, "pipeline-operator", Role.OPERATOR);
    }
  }

  @Test
  void aStartRendersTheStoryAndItsStatusFollowsItToTheEnd() throws Exception {
    HttpResponse<String> started =
        api().send("POST", "/api/pipeline/start", SCRIPT_START, aliceToken);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    JsonNode data = JSON.readTree(started.body()).path("data");
    String runId = data.path("runId").asString();
    assertThat(data.path("id").asString()).isEqualTo(runId);
    assertThat(data.path("sessionId").asString()).startsWith("story-");
    assertThat(data.path("platforms").toString()).isEqualTo("[\"youtube\",\"tiktok\"]");
    assertThat(data.path("moderationEnabled").asBoolean()).isTrue();
    assertThat(data.path("links").path("status").asString())
        .isEqualTo("/api/pipeline/status/" + runId);
    assertThat(data.path("links").path("run").asString()).isEqualTo("/api/runs/" + runId);
    assertThat(started.headers().firstValue("Location")).contains("/api/pipeline/status/" + runId);

    JsonNode run =
        new StoryRuns(api(), aliceToken)
            .await("/api/pipeline/status/" + runId, Duration.ofMinutes(3));
    assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("succeeded");
    assertThat(run.path("progress").asDouble()).isEqualTo(1.0);
    assertThat(run.path("kind").asString()).isEqualTo("story");
    assertThat(run.path("tasks").size()).isGreaterThan(1);
    assertThat(run.path("outputs").findValuesAsString("format")).contains("square");
    assertThat(run.path("session").path("id").asString())
        .isEqualTo(data.path("sessionId").asString());

    // The runs API shows the same run, without the alias's progress.
    JsonNode same = data(api().send("GET", "/api/runs/" + runId, null, aliceToken), 200);
    assertThat(same.path("status").asString()).isEqualTo("succeeded");
    assertThat(same.has("progress")).isFalse();

    // Stopping a finished run changes nothing.
    JsonNode stopped =
        data(api().send("POST", "/api/pipeline/stop/" + runId, "{}", aliceToken), 200);
    assertThat(stopped.path("cancelled").asBoolean()).isFalse();

    // Another creator sees nothing, an operator sees it.
    assertThat(api().send("GET", "/api/pipeline/status/" + runId, null, bobToken).statusCode())
        .isEqualTo(404);
    assertThat(api().send("POST", "/api/pipeline/stop/" + runId, "{}", bobToken).statusCode())
        .isEqualTo(404);
    assertThat(
            data(api().send("GET", "/api/pipeline/status/" + runId, null, operatorToken), 200)
                .path("id")
                .asString())
        .isEqualTo(runId);
  }

  @Test
  void theSameIdempotencyKeyIsTheSameRunAndAnotherBodyUnderItIsRefused() throws Exception {
    HttpResponse<String> first = startWithKey("pipeline-key-1", SCRIPT_START);
    HttpResponse<String> again = startWithKey("pipeline-key-1", SCRIPT_START);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(JSON.readTree(again.body()).path("data").path("runId").asString())
        .isEqualTo(JSON.readTree(first.body()).path("data").path("runId").asString());
    HttpResponse<String> other =
        startWithKey("pipeline-key-1", SCRIPT_START.replace("square", "tiktok"));
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(other.body()).path("error").asString())
        .isEqualTo("IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void stopCancelsARunningStoryStartedFromAnIdea() throws Exception {
    HttpResponse<String> started =
        api()
            .send(
                "POST",
                "/api/pipeline/start",
                "{\"story_params\":{\"theme\":\"why honeybees dance\",\"style\":\"cozy\"}}",
                aliceToken);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    JsonNode data = JSON.readTree(started.body()).path("data");
    assertThat(data.path("platforms").toString())
        .as("seed 002's default targets")
        .isEqualTo("[\"youtube\",\"instagram\",\"tiktok\"]");
    JsonNode session =
        data(
            api().send("GET", "/api/story/" + data.path("sessionId").asString(), null, aliceToken),
            200);
    assertThat(session.path("input").path("type").asString()).isEqualTo("idea");
    String runId = data.path("runId").asString();
    JsonNode stopped =
        data(api().send("POST", "/api/pipeline/stop/" + runId, "{}", aliceToken), 200);
    JsonNode run =
        new StoryRuns(api(), aliceToken)
            .await("/api/pipeline/status/" + runId, Duration.ofMinutes(3));
    assertThat(run.path("status").asString())
        .isEqualTo(stopped.path("cancelled").asBoolean() ? "cancelled" : "succeeded");
    assertThat(run.path("progress").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void aBadConfigurationIsAnEnvelopeNamingEachField() throws Exception {
    assertThat(fields("{}")).containsExactly("story_params");
    assertThat(fields("{\"story_params\":{\"idea\":\"a\",\"text\":\"b\"}}"))
        .containsExactly("story_params");
    assertThat(fields("{\"story_params\":{\"idea\":\"  \"}}")).containsExactly("story_params");
    assertThat(
            fields(
                "{\"story_params\":{\"idea\":\""
                    + "x".repeat(2001)
                    + "\",\"style\":\"loud\"},\"video_params\":{\"formats\":[\"square\",\"cinema\"]},"
                    + "\"platforms\":[\"youtube\",\"myspace\"],\"moderation_enabled\":false}"))
        .containsExactly(
            "story_params.idea",
            "story_params.style",
            "video_params.formats[1]",
            "platforms[1]",
            "moderation_enabled");
    HttpResponse<String> wrongType =
        api().send("POST", "/api/pipeline/start", "{\"story_params\":\"bees\"}", aliceToken);
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(wrongType.body()).path("success").asBoolean(true)).isFalse();
    assertThat(api().send("POST", "/api/pipeline/start", SCRIPT_START, null).statusCode())
        .isEqualTo(401);
    HttpResponse<String> malformedId =
        api().send("GET", "/api/pipeline/status/not-a-run", null, aliceToken);
    assertThat(malformedId.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(malformedId.body()).path("error").asString())
        .isEqualTo("RESOURCE_NOT_FOUND");
  }

  @Test
  void theSessionSaysWhoIsSignedInAndHow() throws Exception {
    JsonNode byToken = data(api().send("GET", "/api/auth/session", null, aliceToken), 200);
    assertThat(byToken.path("user").path("id").asString()).isEqualTo(alice.id().toString());
    assertThat(byToken.path("user").path("username").asString()).isEqualTo("pipeline-alice");
    assertThat(byToken.path("user").path("name").asString()).isNotBlank();
    assertThat(byToken.path("user").path("role").asString()).isEqualTo("creator");
    assertThat(byToken.path("signedInVia").asString()).isEqualTo("token");
    assertThat(byToken.path("permissions").toString()).contains("CREATE_WORK");

    String key =
        data(api().send("POST", "/api/me/api-keys", "{\"name\":\"ci\"}", aliceToken), 200)
            .path("key")
            .asString();
    JsonNode byKey =
        data(
            api()
                .send(
                    api().request("GET", "/api/auth/session", null, null).header("X-API-Key", key)),
            200);
    assertThat(byKey.path("signedInVia").asString()).isEqualTo("api-key");
    assertThat(byKey.path("user").path("id").asString()).isEqualTo(alice.id().toString());

    HttpResponse<String> anonymous = api().send("GET", "/api/auth/session", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(anonymous.body()).path("error").asString()).isEqualTo("AUTH_REQUIRED");
  }

  private HttpResponse<String> startWithKey(String key, String body) throws Exception {
    return api()
        .send(
            api()
                .request("POST", "/api/pipeline/start", body, aliceToken)
                .header("Idempotency-Key", key));
  }

  private List<String> fields(String body) throws Exception {
    HttpResponse<String> response = api().send("POST", "/api/pipeline/start", body, aliceToken);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode envelope = JSON.readTree(response.body());
    assertThat(envelope.path("error").asString()).isEqualTo("INVALID_INPUT");
    List<String> fields = new ArrayList<>();
    envelope.path("details").forEach(d -> fields.add(d.path("field").asString()));
    return fields;
  }

  private static JsonNode data(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body()).path("data");
  }

  private ApiCalls api() {
    return new ApiCalls(port);
  }
}
