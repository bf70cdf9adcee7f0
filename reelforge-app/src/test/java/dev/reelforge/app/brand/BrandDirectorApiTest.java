package dev.reelforge.app.brand;

import static dev.reelforge.app.brand.BrandCalls.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.app.security.RateWindows;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.testkit.videogen.Mp4Facts;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Seed 001 §7 against the API, offline, on the real application (embedded PostgreSQL, FFmpeg, the
 * pixel analyser, the template director, the local video engine): a drawn logo uploaded, analysed
 * (its colour in the palette), storyboarded into three previewed scenes, one scene edited twice
 * with YELLOW (a conversation of 2, then 4 turns that remembers the first), another re-rolled RED,
 * production refused until every scene is GREEN, then produced into three finished videos that
 * download as real MP4s of their shapes, credits charged per scene; plus the upload refusals
 * (executable type, path-traversal name), deduplication, the integrity filter, ownership, the
 * viewer role, idempotency, the audit log and the eleventh init of a minute.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.general-per-minute=100000",
      "reelforge.brand.scene-seconds=3"
    })
class BrandDirectorApiTest {

  private static final Path ROOT = tempRoot();
  private static final Duration ANALYSIS = Duration.ofMinutes(2);
  private static final Duration PREVIEWS = Duration.ofMinutes(3);
  private static final Duration PRODUCTION = Duration.ofMinutes(10);

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;

  private BrandCalls api;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "BrandDirectorApiTest");
    registry.add("reelforge.storage.local-root", () -> ROOT.resolve("blobs").toString());
    registry.add("reelforge.storage.work-root", () -> ROOT.resolve("work").toString());
  }

  @BeforeEach
  void client() {
    api = new BrandCalls(port);
  }

  @Test
  void aLogoBecomesThreeFinishedBrandVideosThroughReview() throws Exception {
    String token = TestUsers.token(context, "brand-owner", Role.CREATOR);

    // Upload and analysis: the logo's red is in the palette, every score is there.
    HttpResponse<String> uploaded = api.uploadPart("acme-logo.png", "image/png", logo(), token);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    JsonNode upload = JSON.readTree(uploaded.body()).path("data");
    assertThat(upload.path("deduplicated").asBoolean()).isFalse();
    String jobId = upload.path("id").asString();
    JsonNode job =
        api.await("/api/brand/jobs/" + jobId, token, j -> finished(j.path("status")), ANALYSIS);
    assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
    assertThat(job.path("mime_type").asString()).isEqualTo("image/png");
    assertThat(job.path("file_hash").asString()).hasSize(64);
    for (String score : List.of("physics_score", "vibe_score", "logic_score", "integrity_score")) {
      assertThat(job.path(score).isNumber()).as(score + " in " + job).isTrue();
      assertThat(job.path(score).asDouble()).isBetween(0.0, 1.0);
    }
    assertThat(job.path("integrity_score").asDouble()).isGreaterThanOrEqualTo(0.4);
    List<String> palette = new ArrayList<>();
    job.path("analysis").path("palette").forEach(c -> palette.add(c.path("hex").asString()));
    assertThat(palette)
        .as("the logo's colour is in the palette")
        .anySatisfy(
            hex -> assertThat(BrandCalls.distance(hex, BrandCalls.LOGO_RED)).isLessThan(30));
    assertThat(job.path("brand_essence_prompt").asString()).isNotBlank();
    assertThat(job.path("style_reference").path("processing").path("method").asString())
        .isNotBlank();
    picture(api.download(job.path("style_reference_url").asString(), "image/png"));
    picture(api.download(job.path("image_url").asString(), "image/png"));

    // Init (idempotent under a key), then three previewed scenes in review.
    HttpResponse<String> started =
        api.send(
            new ApiCalls(port)
                .request("POST", "/api/director/init", "{\"jobId\":\"" + jobId + "\"}", token)
                .header("Idempotency-Key", "init-" + jobId));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String boardId = JSON.readTree(started.body()).path("data").path("id").asString();
    HttpResponse<String> repeated =
        api.send(
            new ApiCalls(port)
                .request("POST", "/api/director/init", "{\"jobId\":\"" + jobId + "\"}", token)
                .header("Idempotency-Key", "init-" + jobId));
    assertThat(repeated.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(JSON.readTree(repeated.body()).path("data").path("id").asString())
        .isEqualTo(boardId);
    String state = "/api/director/" + boardId;
    JsonNode board = api.await(state, token, BrandDirectorApiTest::reviewable, PREVIEWS);
    assertThat(board.path("scenes")).hasSize(3);
    assertThat(board.path("production_engine").asString()).isIn("KLING", "LUMA", "GEMINI_PRO");
    assertThat(board.path("routing_reason").asString()).isNotBlank();
    for (JsonNode scene : board.path("scenes")) {
      assertThat(scene.path("traffic_light").asString()).isEqualTo("PENDING");
      assertThat(scene.path("preview_seed").isNumber()).isTrue();
      assertThat(scene.path("cinematography_prompt").asString()).isNotBlank();
      picture(api.download(scene.path("preview_image_url").asString(), "image/png"));
    }
    assertThat(
            api.call("GET", "/api/brand/jobs/" + jobId + "/storyboards", null, token, 200)
                .path("data")
                .path("storyboards")
                .get(0)
                .path("id")
                .asString())
        .isEqualTo(boardId);
    String first = board.path("scenes").get(0).path("id").asString();
    String second = board.path("scenes").get(1).path("id").asString();
    String third = board.path("scenes").get(2).path("id").asString();

    strangersSeeNothing(jobId, boardId, first);

    // YELLOW twice: a conversation of two turns, then four that remembers the first words.
    refine(first, "YELLOW", "Make it warmer", token);
    board = api.await(state, token, b -> settled(b, 0) && turns(b, 0) == 2, PREVIEWS);
    JsonNode warmer = board.path("scenes").get(0);
    assertThat(warmer.path("conversation_history").get(0).path("role").asString())
        .isEqualTo("user");
    assertThat(warmer.path("conversation_history").get(1).path("role").asString())
        .isEqualTo("assistant");
    assertThat(warmer.path("traffic_light").asString()).isEqualTo("PENDING");
    assertThat(warmer.path("prompt_history")).hasSize(1);
    refine(first, "YELLOW", "Add more motion", token);
    board = api.await(state, token, b -> settled(b, 0) && turns(b, 0) == 4, PREVIEWS);
    JsonNode moving = board.path("scenes").get(0);
    assertThat(moving.path("conversation_history").get(0).path("content").asString())
        .contains("warmer");
    assertThat(moving.path("conversation_history").get(2).path("content").asString())
        .contains("motion");
    assertThat(moving.path("attempt_count").asInt()).isEqualTo(3);
    assertThat(board.path("conversation_history")).hasSize(4);

    // RED: the second scene is re-rolled, a new prompt on its second attempt.
    String before = board.path("scenes").get(1).path("cinematography_prompt").asString();
    refine(second, "RED", null, token);
    board =
        api.await(
            state,
            token,
            b -> settled(b, 1) && b.path("scenes").get(1).path("attempt_count").asInt() == 2,
            PREVIEWS);
    assertThat(board.path("scenes").get(1).path("cinematography_prompt").asString())
        .isNotEqualTo(before);

    // The financial firewall: no production before every scene is GREEN.
    JsonNode refused =
        api.call(
            "POST",
            "/api/director/approve-production",
            "{\"storyboardId\":\"" + boardId + "\"}",
            token,
            409);
    assertThat(refused.path("detail").asString()).contains("not GREEN");
    for (String scene : List.of(first, second, third)) {
      api.call(
          "POST", "/api/director/approve-scene", "{\"sceneId\":\"" + scene + "\"}", token, 200);
    }
    JsonNode approved =
        api.call(
            "POST",
            "/api/director/approve-production",
            "{\"storyboardId\":\"" + boardId + "\"}",
            token,
            202);
    assertThat(approved.path("data").path("all_green").asBoolean()).isTrue();

    // Production and assembly: three shapes, real H.264 MP4s; credits per scene.
    JsonNode done =
        api.await(state, token, b -> b.path("status").asString().equals("completed"), PRODUCTION);
    long charged = 0;
    for (JsonNode scene : done.path("scenes")) {
      assertThat(scene.path("final_video_url").asString()).isNotBlank();
      assertThat(scene.path("engine_used").asString()).isNotBlank();
      assertThat(scene.path("fallback_triggered").isBoolean()).isTrue();
      assertThat(scene.path("credits_charged").asLong()).as(scene.toString()).isEqualTo(3);
      charged += scene.path("credits_charged").asLong();
    }
    assertThat(done.path("credits_used").asDouble()).isEqualTo(charged);
    Set<String> shapes = new HashSet<>();
    for (JsonNode video : done.path("videos")) {
      shapes.add(video.path("aspect_ratio").asString());
      Path mp4 = Files.createTempFile(ROOT, "brand", ".mp4");
      Files.write(mp4, api.download(video.path("video_url").asString(), "video/mp4"));
      Mp4Facts facts = Mp4Facts.read(mp4);
      assertThat(facts.codec()).isEqualTo("avc1");
      assertThat(facts.width()).isEqualTo(video.path("width").asInt());
      assertThat(facts.height()).isEqualTo(video.path("height").asInt());
      assertThat(facts.durationSeconds())
          .isCloseTo(video.path("duration_ms").asLong() / 1000.0, within(0.25));
      assertThat(facts.durationSeconds()).isGreaterThan(6);
      picture(api.download(video.path("thumbnail_url").asString(), "image/jpeg"));
    }
    assertThat(shapes).containsExactlyInAnyOrder("9:16", "16:9", "1:1");

    // Every change is in the audit log.
    String admin = TestUsers.token(context, "brand-auditor", Role.ADMIN);
    assertThat(actions(admin, "vision_job", jobId)).contains("brand.upload");
    assertThat(actions(admin, "storyboard", boardId))
        .contains("director.init", "director.approve-production");
    assertThat(actions(admin, "scene", first))
        .contains("director.refine", "director.approve-scene");
    assertThat(actions(admin, "scene", second)).contains("director.refine");
  }

  @Test
  void anExecutableIsRefusedAndAPathTraversalNameIsStoredWithoutItsPath() throws Exception {
    String token = TestUsers.token(context, "brand-uploader", Role.CREATOR);
    HttpResponse<String> executable =
        api.uploadJson(
            "test.exe", "application/x-executable", new byte[] {0x7f, 'E', 'L', 'F'}, token);
    assertThat(executable.statusCode()).as(executable.body()).isEqualTo(400);
    JsonNode error = JSON.readTree(executable.body());
    assertThat(error.path("error").asString()).isEqualTo("INVALID_INPUT");
    assertThat(error.path("details").get(0).path("field").asString()).isEqualTo("mimeType");

    HttpResponse<String> disguised =
        api.uploadPart("logo.png", "image/png", new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 0}, token);
    assertThat(disguised.statusCode()).as(disguised.body()).isEqualTo(400);
    assertThat(JSON.readTree(disguised.body()).path("details").get(0).path("field").asString())
        .isEqualTo("file");

    HttpResponse<String> traversal =
        api.uploadJson("../../../etc/passwd.jpg", "image/jpeg", BrandCalls.smallJpeg(), token);
    assertThat(traversal.statusCode()).as(traversal.body()).isEqualTo(201);
    JsonNode job = JSON.readTree(traversal.body()).path("data");
    assertThat(job.path("stored_filename").asString()).doesNotContain("..").doesNotContain("/");
    assertThat(job.path("original_filename").asString())
        .doesNotContain("..")
        .doesNotContain("/")
        .isEqualTo("passwd.jpg");
    assertThat(job.path("mime_type").asString()).isEqualTo("image/jpeg");

    JsonNode listed = api.call("GET", "/api/brand/jobs?limit=5", null, token, 200);
    assertThat(listed.path("data").path("jobs").get(0).path("id").asString())
        .isEqualTo(job.path("id").asString());
    api.call("GET", "/api/brand/jobs?limit=0", null, token, 400);
    JsonNode presets = api.call("GET", "/api/brand/style-presets", null, token, 200);
    assertThat(presets.path("data").path("presets").size()).isPositive();
  }

  @Test
  void theSameFileTwiceAnswersTheSameJobDeduplicated() throws Exception {
    String token = TestUsers.token(context, "brand-repeater", Role.CREATOR);
    byte[] logo = logo();
    HttpResponse<String> first = api.uploadPart("a.png", "image/png", logo, token);
    HttpResponse<String> second = api.uploadJson("b.png", "image/png", logo, token);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    JsonNode one = JSON.readTree(first.body()).path("data");
    JsonNode two = JSON.readTree(second.body()).path("data");
    assertThat(one.path("deduplicated").asBoolean()).isFalse();
    assertThat(two.path("deduplicated").asBoolean()).isTrue();
    assertThat(two.path("id").asString()).isEqualTo(one.path("id").asString());
    assertThat(two.path("original_filename").asString()).isEqualTo("a.png");

    // Another user's same file is their own job.
    String other = TestUsers.token(context, "brand-repeater-2", Role.CREATOR);
    HttpResponse<String> theirs = api.uploadPart("a.png", "image/png", logo, other);
    assertThat(theirs.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(theirs.body()).path("data").path("id").asString())
        .isNotEqualTo(one.path("id").asString());
  }

  @Test
  void aTinyBlurredImageIsFlaggedForIntegrityAndCannotStartAStoryboard() throws Exception {
    String token = TestUsers.token(context, "brand-blurry", Role.CREATOR);
    HttpResponse<String> uploaded =
        api.uploadJson("thumb.png", "image/png", BrandCalls.blurredThumbnailPng(), token);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    String jobId = JSON.readTree(uploaded.body()).path("data").path("id").asString();
    JsonNode job =
        api.await("/api/brand/jobs/" + jobId, token, j -> finished(j.path("status")), ANALYSIS);
    assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("flagged");
    assertThat(job.path("flagged_reason").asString()).contains("integrity");
    assertThat(job.path("integrity_score").asDouble()).isLessThan(0.4);
    JsonNode refused =
        api.call("POST", "/api/director/init", "{\"jobId\":\"" + jobId + "\"}", token, 409);
    assertThat(refused.path("error").asString()).isEqualTo("CONFLICT");
  }

  @Test
  void requestsAreCheckedFieldByFieldAndAViewerMayOnlyRead() throws Exception {
    String token = TestUsers.token(context, "brand-checker", Role.CREATOR);
    JsonNode init =
        api.call(
            "POST",
            "/api/director/init",
            "{\"jobId\":\"nope\",\"preferredEngine\":\"SORA\"}",
            token,
            400);
    assertThat(fields(init)).containsExactlyInAnyOrder("jobId", "preferredEngine");
    String scene = "00000000-0000-7000-8000-000000000001";
    JsonNode yellow =
        api.call(
            "POST",
            "/api/director/refine",
            "{\"sceneId\":\"" + scene + "\",\"status\":\"YELLOW\",\"feedback\":\"  \\u0007 \"}",
            token,
            400);
    assertThat(yellow.path("details").get(0).path("field").asString()).isEqualTo("feedback");
    assertThat(yellow.path("details").get(0).path("message").asString())
        .isEqualTo("Feedback required for YELLOW status");
    JsonNode tooLong =
        api.call(
            "POST",
            "/api/director/refine",
            "{\"sceneId\":\""
                + scene
                + "\",\"status\":\"YELLOW\",\"feedback\":\""
                + "x".repeat(501)
                + "\"}",
            token,
            400);
    assertThat(fields(tooLong)).containsExactly("feedback");
    JsonNode green =
        api.call(
            "POST", "/api/director/refine", "{\"sceneId\":\"x\",\"status\":\"GREEN\"}", token, 400);
    assertThat(fields(green)).containsExactlyInAnyOrder("sceneId", "status");
    api.call(
        "POST",
        "/api/director/refine",
        "{\"sceneId\":\"" + scene + "\",\"status\":\"RED\"}",
        token,
        404);
    api.call("POST", "/api/director/approve-scene", "{}", token, 400);
    api.call("POST", "/api/director/approve-production", "{\"storyboardId\":1}", token, 400);
    api.call("GET", "/api/director/not-a-uuid", null, token, 404);

    String viewer = TestUsers.token(context, "brand-viewer", Role.VIEWER);
    assertThat(api.uploadJson("v.png", "image/png", logo(), viewer).statusCode()).isEqualTo(403);
    api.call("POST", "/api/director/init", "{\"jobId\":\"" + scene + "\"}", viewer, 403);
    api.call("POST", "/api/director/approve-scene", "{\"sceneId\":\"" + scene + "\"}", viewer, 403);
    api.call("GET", "/api/brand/jobs", null, viewer, 200);
    api.call("GET", "/api/brand/style-presets", null, viewer, 200);
  }

  @Test
  void theEleventhInitOfAMinuteIsRefused() throws Exception {
    String token = TestUsers.token(context, "brand-hurried", Role.CREATOR);
    // The limiter counts in windows of a clock minute: eleven requests must fall in one.
    RateWindows.awaitRoomForABurst();
    for (int i = 0; i < 10; i++) {
      // Invalid bodies are counted before they are checked: no work is made.
      api.call("POST", "/api/director/init", "{\"jobId\":\"x\"}", token, 400);
    }
    JsonNode refused = api.call("POST", "/api/director/init", "{\"jobId\":\"x\"}", token, 429);
    assertThat(refused.path("error").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
  }

  /** Another creator gets 404 for the owner's job, storyboard and scene, on every route. */
  private void strangersSeeNothing(String jobId, String boardId, String sceneId) throws Exception {
    String stranger = TestUsers.token(context, "brand-stranger", Role.CREATOR);
    api.call("GET", "/api/brand/jobs/" + jobId, null, stranger, 404);
    api.call("GET", "/api/brand/jobs/" + jobId + "/storyboards", null, stranger, 404);
    api.call("GET", "/api/director/" + boardId, null, stranger, 404);
    api.call("POST", "/api/director/init", "{\"jobId\":\"" + jobId + "\"}", stranger, 404);
    api.call(
        "POST",
        "/api/director/refine",
        "{\"sceneId\":\"" + sceneId + "\",\"status\":\"RED\"}",
        stranger,
        404);
    api.call(
        "POST", "/api/director/approve-scene", "{\"sceneId\":\"" + sceneId + "\"}", stranger, 404);
    api.call(
        "POST",
        "/api/director/approve-production",
        "{\"storyboardId\":\"" + boardId + "\"}",
        stranger,
        404);
    assertThat(api.call("GET", "/api/brand/jobs", null, stranger, 200).path("data").path("jobs"))
        .isEmpty();
  }

  private void refine(String sceneId, String light, String feedback, String token)
      throws Exception {
    String body =
        "{\"sceneId\":\""
            + sceneId
            + "\",\"status\":\""
            + light
            + "\""
            + (feedback == null ? "" : ",\"feedback\":\"" + feedback + "\"")
            + "}";
    JsonNode answer = api.call("POST", "/api/director/refine", body, token, 202);
    assertThat(answer.path("data").path("status").asString()).isEqualTo("review");
  }

  private List<String> actions(String admin, String type, String id) throws Exception {
    List<String> actions = new ArrayList<>();
    api.call("GET", "/api/admin/audit?targetType=" + type + "&targetId=" + id, null, admin, 200)
        .path("data")
        .forEach(row -> actions.add(row.path("action").asString()));
    return actions;
  }

  private static boolean finished(JsonNode status) {
    return Set.of("completed", "flagged", "failed").contains(status.asString());
  }

  /** In review with every scene previewed and none being revised. */
  private static boolean reviewable(JsonNode board) {
    if (!board.path("status").asString().equals("review") || board.path("scenes").isEmpty()) {
      return false;
    }
    for (int i = 0; i < board.path("scenes").size(); i++) {
      if (!settled(board, i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean settled(JsonNode board, int index) {
    JsonNode scene = board.path("scenes").path(index);
    return !scene.path("revising").asBoolean(true)
        && !scene.path("preview_image_url").asString("").isEmpty();
  }

  private static int turns(JsonNode board, int index) {
    return board.path("scenes").path(index).path("conversation_history").size();
  }

  private static List<String> fields(JsonNode error) {
    List<String> fields = new ArrayList<>();
    error.path("details").forEach(d -> fields.add(d.path("field").asString()));
    return fields;
  }

  private static byte[] logo() throws IOException {
    return BrandCalls.logoPng();
  }

  private static BufferedImage picture(byte[] bytes) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    assertThat(image).isNotNull();
    return image;
  }

  private static org.assertj.core.data.Offset<Double> within(double value) {
    return org.assertj.core.data.Offset.offset(value);
  }

  private static Path tempRoot() {
    try {
      Path root = Files.createTempDirectory("brand-api-test");
      root.toFile().setExecutable(true, false);
      return root;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
