package dev.reelforge.app.story.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.app.web.IdempotencyFilter;
import dev.reelforge.core.accounts.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 000's session API through the real application: every route, the smoke-test flow (start →
 * generate → finalize → error format → idempotency), a beat edit that re-finalizes only what it
 * touches, and bad input of every kind answered with the envelope.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      // This test is about the session routes, not the limits (SecurityApiTest covers those).
      "reelforge.limits.ai-per-minute=10000",
      "reelforge.limits.render-per-minute=10000",
      "reelforge.limits.preview-per-minute=10000",
      "reelforge.limits.general-per-minute=100000"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoryApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path ROOT = tempRoot();

  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;

  private static String token;

  @BeforeEach
  void signIn() {
    if (token == null) {
      token = TestUsers.token(context, "story-admin", Role.ADMIN);
    }
  }

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "StoryApiTest");
    registry.add("reelforge.storage.local-root", () -> ROOT.resolve("blobs").toString());
    registry.add("reelforge.media.render-work-dir", () -> ROOT.resolve("render").toString());
  }

  private static Path tempRoot() {
    try {
      return Files.createTempDirectory("story-api-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(1)
  void theSmokeTestFlowMakesAVideoAndAnEditReRendersOnlyWhatItTouches() throws Exception {
    assertThat(get("/api/health").path("status").asString()).isEqualTo("ok");

    JsonNode started =
        post(
            "/api/story/start",
            "{\"input\":\"Why the octopus has three hearts\",\"inputType\":\"idea\"}",
            200);
    String id = started.path("data").path("id").asString();
    assertThat(id).startsWith("story-");

    JsonNode generated =
        post("/api/story/generate", "{\"sessionId\":\"" + id + "\"}", 200).path("data");
    assertThat(generated.path("story").path("sentences").size()).isBetween(2, 8);

    // Our own short script keeps the render quick.
    post(
        "/api/story/update-script",
        "{\"sessionId\":\""
            + id
            + "\",\"sentences\":[\"Octopuses have three hearts.\","
            + "\"Two pump blood through the gills.\",\"The third serves the body.\"]}",
        200);
    JsonNode planned = post("/api/story/plan", session(id), 200).path("data");
    assertThat(planned.path("shots").size()).isEqualTo(3);
    assertThat(planned.path("shots").get(0).path("searchQuery").asString()).isNotBlank();

    JsonNode searched = post("/api/story/search", session(id), 200).path("data");
    assertThat(searched.path("shots").get(1).path("selectedClip").path("id").asString())
        .isNotBlank();

    JsonNode shot =
        post(
                "/api/story/search-shot",
                "{\"sessionId\":\""
                    + id
                    + "\",\"sentenceIndex\":2,\"query\":\"ocean blue\",\"page\":1}",
                200)
            .path("data");
    assertThat(shot.path("shot").path("searchQuery").asString()).isEqualTo("ocean blue");
    String other = shot.path("shot").path("candidates").get(1).path("id").asString();
    JsonNode swapped =
        post(
                "/api/story/update-shot",
                "{\"sessionId\":\"" + id + "\",\"sentenceIndex\":2,\"clipId\":\"" + other + "\"}",
                200)
            .path("data");
    assertThat(swapped.path("shots").get(2).path("selectedClip").path("id").asString())
        .isEqualTo(other);

    JsonNode inserted =
        post(
                "/api/story/insert-beat",
                "{\"sessionId\":\""
                    + id
                    + "\",\"insertAfterIndex\":0,\"text\":\"Their blood is blue.\"}",
                200)
            .path("data");
    assertThat(inserted.path("sentences").size()).isEqualTo(4);
    assertThat(inserted.path("sentences").get(1).asString()).isEqualTo("Their blood is blue.");
    assertThat(inserted.path("shots").get(1).path("selectedClip").isObject()).isTrue();
    JsonNode deleted =
        post("/api/story/delete-beat", "{\"sessionId\":\"" + id + "\",\"sentenceIndex\":1}", 200)
            .path("data");
    assertThat(deleted.path("sentences").size()).isEqualTo(3);
    assertThat(deleted.path("shots").get(2).path("selectedClip").path("id").asString())
        .isEqualTo(other);

    JsonNode captions = post("/api/story/captions", session(id), 200).path("data");
    assertThat(captions.path("captions").path("words").size()).isGreaterThanOrEqualTo(12);
    JsonNode timeline = post("/api/story/timeline", session(id), 200).path("data").path("timeline");
    assertThat(timeline.path("segments").size()).isEqualTo(3);
    assertThat(timeline.path("durationMs").asLong()).isBetween(3000L, 20000L);

    // Finalize waits for the run by default and answers with the video's URL.
    JsonNode finalized =
        send(
                request("/api/story/finalize", "{\"sessionId\":\"" + id + "\"}")
                    .header("X-Idempotency-Key", "finalize-1")
                    .build(),
                200)
            .path("data");
    String url = finalized.path("finalVideo").path("url").asString();
    assertThat(url).startsWith("/api/story/" + id + "/files/").endsWith(".mp4");
    HttpResponse<byte[]> video = bytes(url);
    assertThat(video.statusCode()).isEqualTo(200);
    assertThat(video.headers().firstValue("Content-Type")).hasValue("video/mp4");
    assertThat(new String(video.body(), 4, 4)).isEqualTo("ftyp");
    assertThat(bytes(finalized.path("finalVideo").path("thumbUrl").asString()).body())
        .startsWith(0xFF, 0xD8);
    assertThat(new String(bytes(finalized.path("finalVideo").path("vttUrl").asString()).body()))
        .startsWith("WEBVTT");
    String manifestText = new String(bytes("/api/story/" + id + "/files/manifest.json").body());
    assertThat(manifestText).contains("\"beats\"").contains("Octopuses have three hearts.");
    // Every stage's time as the engine recorded it, the thumbnail as a stage of its own.
    JsonNode manifest = JSON.readTree(manifestText);
    List<String> timed = new ArrayList<>(manifest.path("stageMillis").propertyNames());
    assertThat(timed)
        .contains("script", "storyboard", "voice", "visuals", "captions", "render-vertical")
        .contains("thumbnail");
    assertThat(timed.indexOf("thumbnail")).isGreaterThan(timed.indexOf("render-vertical"));
    assertThat(manifest.path("stageMillis").path("render-vertical").asLong()).isPositive();
    assertThat(manifest.path("cost").path("estimatedUsd").decimalValue()).isZero();
    String firstRun = finalized.path("run").path("id").asString();

    // The same idempotency key returns the same run instead of starting another.
    JsonNode replay =
        send(
                request("/api/story/finalize", "{\"sessionId\":\"" + id + "\"}")
                    .header("X-Idempotency-Key", "finalize-1")
                    .build(),
                200)
            .path("data");
    assertThat(replay.path("run").path("id").asString()).isEqualTo(firstRun);

    // Edit one beat and finalize again, asynchronously: only that beat is narrated again.
    Path voiceCache = ROOT.resolve("blobs/stories/" + id + "/.work/voice-cache");
    long voicesBefore = count(voiceCache, ".wav");
    post(
        "/api/story/update-beat-text",
        "{\"sessionId\":\""
            + id
            + "\",\"sentenceIndex\":1,\"text\":\"Two of them pump blood through the gills.\"}",
        200);
    JsonNode accepted =
        send(
                request("/api/story/finalize", "{\"sessionId\":\"" + id + "\"}")
                    .header("Prefer", "respond-async")
                    .build(),
                202)
            .path("data");
    String statusUrl = accepted.path("statusUrl").asString();
    assertThat(statusUrl).startsWith("/api/runs/");
    JsonNode run = awaitRun(statusUrl);
    assertThat(run.path("status").asString()).isEqualTo("succeeded");
    assertThat(run.path("tasks").size()).isEqualTo(13);
    assertThat(count(voiceCache, ".wav")).isEqualTo(voicesBefore + 1);
    // The session learns the outcome from the run-event feed, a moment after the run ended.
    JsonNode reloaded = awaitSession(id, "rendered");
    assertThat(reloaded.path("finalVideo").path("runId").asString())
        .isEqualTo(run.path("id").asString());
  }

  @Test
  void aScriptTheRunWroteKeepsItsOriginAndNoticeInTheSession() throws Exception {
    String id =
        post(
                "/api/story/start",
                "{\"input\":\"how bees find flowers\",\"inputType\":\"idea\"}",
                200)
            .path("data")
            .path("id")
            .asString();
    // No generate: finalize writes the script in the run itself.
    send(request("/api/story/finalize", session(id)).build(), 200);
    JsonNode story = awaitSession(id, "rendered").path("story");
    assertThat(story.path("origin").asString()).isEqualTo("template");
    assertThat(story.path("notice").asString()).contains("a template to edit");
    assertThat(story.path("sentences").size()).isPositive();
  }

  private JsonNode awaitSession(String id, String status) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    JsonNode session = get("/api/story/" + id).path("data");
    while (!session.path("status").asString().equals(status) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      session = get("/api/story/" + id).path("data");
    }
    assertThat(session.path("status").asString()).isEqualTo(status);
    return session;
  }

  @Test
  @Order(2)
  void manualScriptsAndStudioFinalizeRenderSeveralFormatsInOneRun() throws Exception {
    JsonNode manual =
        post(
                "/api/story/manual",
                "{\"scriptText\":\"Bees dance.\\nThe dance points to flowers.\"}",
                200)
            .path("data");
    String id = manual.path("id").asString();
    assertThat(manual.path("story").path("sentences").size()).isEqualTo(2);

    JsonNode studio =
        post(
                "/api/studio/finalize",
                "{\"studioId\":\"" + id + "\",\"formats\":[\"9x16\",\"1x1\"]}",
                200)
            .path("data");
    List<String> formats = new ArrayList<>();
    studio.path("outputs").forEach(o -> formats.add(o.path("format").asString()));
    assertThat(formats).containsExactly("tiktok", "square");
    assertThat(studio.path("outputs").get(1).path("width").asInt()).isEqualTo(1080);
    assertThat(studio.path("outputs").get(1).path("height").asInt()).isEqualTo(1080);
  }

  @Test
  void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesReuseAndRepeatsInProgress() throws Exception {
    String body = "{\"input\":\"Why bees dance\",\"inputType\":\"idea\"}";
    HttpResponse<String> first =
        raw(request("/api/story/start", body).header("Idempotency-Key", "start-1"));
    HttpResponse<String> again =
        raw(request("/api/story/start", body).header("X-Idempotency-Key", "start-1"));
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue(IdempotencyFilter.REPLAYED)).isEmpty();
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.headers().firstValue(IdempotencyFilter.REPLAYED)).hasValue("true");

    HttpResponse<String> reused =
        raw(
            request("/api/story/start", "{\"input\":\"Why cats purr\",\"inputType\":\"idea\"}")
                .header("Idempotency-Key", "start-1"));
    assertThat(reused.statusCode()).isEqualTo(422);
    expectError(JSON.readTree(reused.body()), "IDEMPOTENCY_KEY_REUSED", null);
    HttpResponse<String> badKey =
        raw(request("/api/story/start", body).header("Idempotency-Key", "k".repeat(256)));
    assertThat(badKey.statusCode()).isEqualTo(400);
    expectError(JSON.readTree(badKey.body()), "INVALID_INPUT", "Idempotency-Key");

    // A repeat while the first finalize is still rendering is told to come back.
    String id =
        post(
                "/api/story/manual",
                "{\"scriptText\":\"Bees dance.\\nThe dance points to food.\"}",
                200)
            .path("data")
            .path("id")
            .asString();
    HttpRequest.Builder finalize =
        request("/api/story/finalize", session(id)).header("Idempotency-Key", "finalize-slow");
    CompletableFuture<HttpResponse<String>> running =
        http.sendAsync(finalize.build(), HttpResponse.BodyHandlers.ofString());
    // Once its run has started, the first request is certainly holding the key.
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (!get("/api/story/" + id).path("data").path("status").asString().equals("rendering")) {
      assertThat(System.nanoTime()).as("the first finalize starts its run").isLessThan(deadline);
      Thread.sleep(20);
    }
    HttpResponse<String> inProgress = raw(finalize);
    assertThat(running).as("the first finalize still waits for its run").isNotDone();
    assertThat(inProgress.statusCode()).as(inProgress.body()).isEqualTo(409);
    expectError(JSON.readTree(inProgress.body()), "IDEMPOTENT_IN_PROGRESS", null);
    assertThat(inProgress.headers().firstValue("Retry-After")).isPresent();
    HttpResponse<String> done = running.get(5, TimeUnit.MINUTES);
    assertThat(done.statusCode()).isEqualTo(200);
    HttpResponse<String> afterwards = raw(finalize);
    assertThat(afterwards.statusCode()).isEqualTo(200);
    assertThat(afterwards.body()).isEqualTo(done.body());
  }

  @Test
  void concurrentRequestsWithOneKeyCreateOneSession() throws Exception {
    String body = "{\"input\":\"Why the sky is blue\",\"inputType\":\"idea\"}";
    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      sent.add(
          http.sendAsync(
              request("/api/story/start", body).header("Idempotency-Key", "race-1").build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    Set<String> sessions = new HashSet<>();
    int answeredFirstHand = 0;
    for (CompletableFuture<HttpResponse<String>> response : sent) {
      HttpResponse<String> answer = response.get(1, TimeUnit.MINUTES);
      if (answer.statusCode() == 409) {
        expectError(JSON.readTree(answer.body()), "IDEMPOTENT_IN_PROGRESS", null);
        continue;
      }
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      sessions.add(JSON.readTree(answer.body()).path("data").path("id").asString());
      if (answer.headers().firstValue(IdempotencyFilter.REPLAYED).isEmpty()) {
        answeredFirstHand++;
      }
    }
    assertThat(answeredFirstHand).isEqualTo(1);
    assertThat(sessions).hasSize(1);
  }

  @Test
  void previewsAnswerAudioAndAPicture() throws Exception {
    HttpResponse<byte[]> audio =
        http.send(
            request("/api/tts/preview", "{\"text\":\"Hello there.\"}").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(audio.statusCode()).isEqualTo(200);
    assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/wav");
    assertThat(new String(audio.body(), 0, 4)).isEqualTo("RIFF");

    HttpResponse<byte[]> picture =
        http.send(
            request(
                    "/api/caption/preview",
                    "{\"text\":\"Three hearts beat\",\"style\":\"karaoke\",\"activeWord\":1}")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(picture.statusCode()).isEqualTo(200);
    assertThat(picture.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(picture.body()).startsWith(0x89, 'P', 'N', 'G');

    expectError(
        post("/api/tts/preview", "{\"text\":\"" + "a".repeat(301) + "\"}", 400),
        "INVALID_INPUT",
        "text");
    expectError(
        post("/api/caption/preview", "{\"text\":\"hi\",\"style\":\"comic\"}", 400),
        "INVALID_INPUT",
        "style");
    expectError(
        post("/api/caption/preview", "{\"text\":\"hi\",\"format\":\"imax\"}", 400),
        "INVALID_INPUT",
        "formats");
  }

  @Test
  void badInputGetsTheEnvelopeWithTheRightCode() throws Exception {
    expectError(
        post("/api/story/finalize", "{\"sessionId\":\"invalid-session-id\"}", 404),
        "RESOURCE_NOT_FOUND",
        null);
    expectError(get("/api/story/story-nope", 404), "RESOURCE_NOT_FOUND", null);
    expectError(post("/api/story/plan", "{}", 400), "INVALID_INPUT", "sessionId");
    expectError(post("/api/story/plan", "{\"sessionId\":", 400), "INVALID_INPUT", null);
    expectError(
        post(
            "/api/story/delete-beat",
            "{\"sessionId\":\"story-x\",\"sentenceIndex\":\"first\"}",
            400),
        "INVALID_INPUT",
        "sentenceIndex");
    expectError(post("/api/story/start", "{\"input\":\"\"}", 400), "INVALID_INPUT", "input");
    expectError(
        post("/api/story/start", "{\"input\":\"x\",\"inputType\":\"video\"}", 400),
        "INVALID_INPUT",
        "inputType");
    JsonNode tooLong = post("/api/story/start", "{\"input\":\"" + "x".repeat(2001) + "\"}", 400);
    expectError(tooLong, "INVALID_INPUT", "input");
    // The bound the docs give (1 to 2000), not the validator's default "between 0 and 2000".
    assertThat(tooLong.path("details").get(0).path("message").asString())
        .isEqualTo("must be 1 to 2000 characters");

    String id =
        post("/api/story/manual", "{\"scriptText\":\"One.\\nTwo.\"}", 200)
            .path("data")
            .path("id")
            .asString();
    StringBuilder nine = new StringBuilder("[");
    for (int i = 0; i < 9; i++) {
      nine.append(i == 0 ? "" : ",").append("\"Beat number ").append(i).append(".\"");
    }
    nine.append("]");
    expectError(
        post(
            "/api/story/update-script",
            "{\"sessionId\":\"" + id + "\",\"sentences\":" + nine + "}",
            400),
        "INVALID_INPUT",
        "sentences");
    expectError(
        post(
            "/api/story/update-beat-text",
            "{\"sessionId\":\""
                + id
                + "\",\"sentenceIndex\":0,\"text\":\""
                + "long ".repeat(40)
                + "\"}",
            400),
        "INVALID_INPUT",
        "text[0]");
    expectError(
        post(
            "/api/story/update-beat-text",
            "{\"sessionId\":\"" + id + "\",\"sentenceIndex\":5,\"text\":\"x\"}",
            400),
        "INVALID_INPUT",
        "sentenceIndex");
    expectError(
        post(
            "/api/story/update-shot",
            "{\"sessionId\":\"" + id + "\",\"sentenceIndex\":0,\"clipId\":\"nope\"}",
            400),
        "INVALID_INPUT",
        "clipId");
    expectError(
        post("/api/story/finalize", "{\"sessionId\":\"" + id + "\",\"formats\":[\"imax\"]}", 400),
        "INVALID_INPUT",
        "formats");
    expectError(
        post("/api/story/manual", "{\"scriptText\":\"" + "Words here. ".repeat(80) + "\"}", 400),
        "INVALID_INPUT",
        null);
    expectError(get("/api/story/" + id + "/files/voice.wav", 404), "RESOURCE_NOT_FOUND", null);
    expectError(get("/api/story/" + id + "/files/.work", 404), "RESOURCE_NOT_FOUND", null);
    expectError(get("/api/runs/not-a-run", 404), "RESOURCE_NOT_FOUND", null);
  }

  private static void expectError(JsonNode body, String code, String field) {
    assertThat(body.path("success").asBoolean(true)).isFalse();
    assertThat(body.path("error").asString()).isEqualTo(code);
    assertThat(body.path("detail").asString()).isNotBlank();
    assertThat(body.path("requestId").asString()).isNotBlank();
    if (field != null) {
      List<String> fields = new ArrayList<>();
      body.path("details").forEach(d -> fields.add(d.path("field").asString()));
      assertThat(fields).contains(field);
    }
  }

  private JsonNode awaitRun(String statusUrl) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    JsonNode run = get(statusUrl).path("data");
    while (!List.of("succeeded", "failed", "cancelled").contains(run.path("status").asString())
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
      run = get(statusUrl).path("data");
    }
    return run;
  }

  private static long count(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(suffix)).count();
    }
  }

  private static String session(String id) {
    return "{\"sessionId\":\"" + id + "\"}";
  }

  private HttpRequest.Builder request(String path, String body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofMinutes(5))
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpResponse<String> raw(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode post(String path, String body, int status) throws Exception {
    return send(request(path, body).build(), status);
  }

  private JsonNode get(String path) throws Exception {
    return get(path, 200);
  }

  private JsonNode get(String path, int status) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(),
        status);
  }

  /**
   * A session file: the API answers 302 to a signed {@code /blobs/} link, which is then fetched
   * without the token (the signature is the credential).
   */
  private HttpResponse<byte[]> bytes(String path) throws Exception {
    HttpResponse<byte[]> redirect =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (redirect.statusCode() != 302) {
      return redirect;
    }
    String location = redirect.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/blobs/stories/").contains("expires=").contains("signature=");
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + location)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private JsonNode send(HttpRequest request, int status) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(request.uri() + " → " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
