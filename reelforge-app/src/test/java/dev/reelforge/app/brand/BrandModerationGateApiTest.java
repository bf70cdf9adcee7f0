package dev.reelforge.app.brand;

import static dev.reelforge.app.brand.BrandCalls.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The brand director's moderation gate on the real application (offline rules, the template
 * director, embedded PostgreSQL) in kids mode: the owner's YELLOW puts a word into a scene's prompt
 * that kids mode holds; after the owner approves production the storyboard waits at {@code
 * moderation} with nothing spent, says why in {@code GET /api/director/{id}} and on the Director
 * page, refuses the owner's own approval of the gate (403), and an operator's approval releases it
 * to production; the previews' licence evidence is kept with the run.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.general-per-minute=100000",
      "reelforge.brand.scene-seconds=3",
      "reelforge.moderation.preset=kids"
    })
class BrandModerationGateApiTest {

  private static final Path ROOT = tempRoot();
  private static final Duration STEP = Duration.ofMinutes(3);
  private static final Duration PRODUCTION = Duration.ofMinutes(10);

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "BrandModerationGateApiTest");
    registry.add("reelforge.storage.local-root", () -> ROOT.resolve("blobs").toString());
    registry.add("reelforge.storage.work-root", () -> ROOT.resolve("work").toString());
  }

  @Test
  void aFlaggedStoryboardWaitsForAnOperatorBeforeAnythingIsSpent() throws Exception {
    BrandCalls api = new BrandCalls(port);
    String owner = TestUsers.token(context, "brand-gate-owner", Role.CREATOR);
    String operator = TestUsers.token(context, "brand-gate-operator", Role.OPERATOR);
    HttpResponse<String> uploaded =
        api.uploadPart("acme-logo.png", "image/png", BrandCalls.logoPng(), owner);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    String jobId = JSON.readTree(uploaded.body()).path("data").path("id").asString();
    api.await(
        "/api/brand/jobs/" + jobId,
        owner,
        j -> j.path("status").asString().equals("completed"),
        STEP);
    String boardId =
        api.call("POST", "/api/director/init", "{\"jobId\":\"" + jobId + "\"}", owner, 202)
            .path("data")
            .path("id")
            .asString();
    String state = "/api/director/" + boardId;
    JsonNode board = api.await(state, owner, b -> settled(b, 3), STEP);
    String first = board.path("scenes").get(0).path("id").asString();

    // "idiot" is LOW harassment in the offline rules: kids mode holds it.
    api.call(
        "POST",
        "/api/director/refine",
        "{\"sceneId\":\""
            + first
            + "\",\"status\":\"YELLOW\",\"feedback\":\"a mascot who is no idiot\"}",
        owner,
        202);
    board =
        api.await(
            state,
            owner,
            b -> settled(b, 3) && b.path("scenes").get(0).path("attempt_count").asInt() == 2,
            STEP);
    assertThat(board.path("scenes").get(0).path("cinematography_prompt").asString())
        .contains("idiot");
    List<String> scenes = new ArrayList<>();
    board.path("scenes").forEach(s -> scenes.add(s.path("id").asString()));
    for (String scene : scenes) {
      api.call(
          "POST", "/api/director/approve-scene", "{\"sceneId\":\"" + scene + "\"}", owner, 200);
    }
    api.call(
        "POST",
        "/api/director/approve-production",
        "{\"storyboardId\":\"" + boardId + "\"}",
        owner,
        202);

    JsonNode held = api.await(state, owner, b -> b.path("moderation").isObject(), STEP);
    assertThat(held.path("moderation").path("status").asString()).isEqualTo("awaiting_operator");
    assertThat(held.path("moderation").path("policy").asString()).isEqualTo("kids");
    List<String> items = new ArrayList<>();
    held.path("moderation").path("findings").forEach(f -> items.add(f.path("item").asString()));
    assertThat(items).as(held.path("moderation").toString()).contains("scene 1 prompt");
    assertThat(held.path("moderation").path("findings").get(0).path("category").asString())
        .isNotBlank();
    assertThat(held.path("scenes"))
        .allSatisfy(s -> assertThat(s.path("video_job_id").asString("")).isEmpty());
    assertThat(held.path("credits_used").asDouble()).isZero();
    String runId = held.path("run").path("id").asString();
    assertThat(
            api.call("GET", "/api/runs/" + runId, null, owner, 200)
                .path("data")
                .path("status")
                .asString())
        .isEqualTo("awaiting_review");
    assertThat(page(api, "/ui/director/storyboards/" + boardId, owner))
        .contains("moderation gate holds this storyboard")
        .contains("scene 1 prompt: harassment (low)");
    assertThat(page(api, "/ui/ops", operator)).contains("scene 1 prompt: harassment (low)");

    // The owner may not release it; an operator may.
    JsonNode refused =
        api.call(
            "POST",
            "/api/runs/" + runId + "/review",
            "{\"stage\":\"moderation\",\"decision\":\"approve\"}",
            owner,
            403);
    assertThat(refused.path("error").asString()).isEqualTo("FORBIDDEN");
    api.call(
        "POST",
        "/api/runs/" + runId + "/review",
        "{\"stage\":\"moderation\",\"decision\":\"approve\"}",
        operator,
        200);
    JsonNode done =
        api.await(state, owner, b -> b.path("status").asString().equals("completed"), PRODUCTION);
    assertThat(done.path("moderation").isObject()).isFalse();
    assertThat(done.path("videos")).isNotEmpty();

    JsonNode evidence =
        api.call("GET", "/api/runs/" + runId + "/evidence", null, owner, 200).path("data");
    List<String> recorded = new ArrayList<>();
    evidence.path("items").forEach(i -> recorded.add(i.toString()));
    assertThat(recorded).as(evidence.toString()).hasSize(3);
    assertThat(evidence.toString()).contains("scene 1 preview").contains("scene 3 preview");
  }

  /** In review, every one of {@code count} scenes has its preview, none is being revised. */
  private static boolean settled(JsonNode board, int count) {
    if (!board.path("status").asString().equals("review") || board.path("scenes").size() != count) {
      return false;
    }
    for (JsonNode scene : board.path("scenes")) {
      if (scene.path("preview_image_url").asString("").isEmpty()
          || scene.path("revising").asBoolean(true)) {
        return false;
      }
    }
    return true;
  }

  private String page(BrandCalls api, String path, String token) throws Exception {
    HttpResponse<String> response = api.send("GET", path, null, token);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private static Path tempRoot() {
    try {
      return Files.createTempDirectory("brand-moderation-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
