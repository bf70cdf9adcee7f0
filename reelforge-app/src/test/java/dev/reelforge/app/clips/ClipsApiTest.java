package dev.reelforge.app.clips;

import static dev.reelforge.app.clips.ClipsApiCalls.JSON;
import static dev.reelforge.app.clips.ClipsApiCalls.assertFieldError;
import static dev.reelforge.app.clips.ClipsApiCalls.data;
import static dev.reelforge.app.clips.ClipsApiCalls.freePort;
import static dev.reelforge.app.clips.ClipsApiCalls.srt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.MultipartForm.Part;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.clips.ClipStore;
import dev.reelforge.testkit.TempDirs;
import dev.reelforge.testkit.clips.TalkingHeadVideo;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Long video → clips through the HTTP API, end to end on a real FFmpeg: a 40 s talking-head video
 * with its SRT is uploaded (multipart, then again in resumable chunks), analysed into candidates
 * with titles, scores and reasons, a candidate is kept, trimmed and reframed, and exported to
 * TikTok's format, whose MP4 downloads through its signed link. Wrong files, broken subtitles, a
 * video past the duration limit and a missing part are refused naming their field; another user's
 * source, export and upload are 404; an analysis repeated with its idempotency key is the same run.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.general-per-minute=100000",
      "reelforge.limits.brand-upload-per-minute=100000",
      "reelforge.limits.render-per-minute=10000",
      "reelforge.clips.max-duration=50s",
      "reelforge.clips.min-clip=5s"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClipsApiTest {

  private static final int PORT = freePort();
  private static final Path root = temporaryRoot();
  private static final long DURATION_MILLIS = 40_000;

  @Autowired ApplicationContext context;
  @Autowired ClipStore store;

  private ApiCalls api;
  private ClipsApiCalls calls;
  private String token;
  private UUID owner;
  private String othersToken;
  private Path video;
  private byte[] srt;
  private String sourceId;
  private String exportId;
  private String uploadId;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "ClipsApiTest");
    registry.add("server.port", () -> PORT);
    registry.add("reelforge.storage.local-root", () -> root.resolve("blobs").toString());
    registry.add("reelforge.storage.work-root", () -> root.resolve("work").toString());
    registry.add("reelforge.media.render-work-dir", () -> root.resolve("render").toString());
    registry.add("reelforge.uploads.staging-dir", () -> root.resolve("uploads").toString());
    registry.add("reelforge.storage.public-url", () -> "http://127.0.0.1:" + PORT);
  }

  @BeforeAll
  void fixtures() throws Exception {
    assumeTrue(TalkingHeadVideo.ffmpegAvailable(), "needs an ffmpeg with libx264 on the PATH");
    api = new ApiCalls(PORT);
    calls = new ClipsApiCalls(api, PORT);
    UserAccount clipper = TestUsers.create(context, "clipper", Role.CREATOR);
    owner = clipper.id();
    token = TestUsers.tokenOf(context, clipper);
    othersToken = TestUsers.token(context, "someone-else", Role.CREATOR);
    video = root.resolve("talk.mp4");
    TalkingHeadVideo.builder()
        .durationMillis(DURATION_MILLIS)
        .size(640, 360)
        .sceneCuts(14_000, 27_000)
        .build()
        .write(video);
    srt = srt().getBytes(StandardCharsets.UTF_8);
  }

  @AfterAll
  void cleanUp() {
    TempDirs.deleteTree(root);
  }

  @Test
  @Order(1)
  void aVideoWithItsTranscriptIsUploadedAndProbed() throws Exception {
    HttpResponse<String> created =
        calls.multipart(
            "/api/clips/sources",
            token,
            new Part("file", "talk.mp4", "video/mp4", Files.readAllBytes(video)),
            new Part("transcript", "talk.srt", "application/x-subrip", srt));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode source = data(created);
    sourceId = source.path("id").asString();
    assertThat(created.headers().firstValue("Location")).hasValue("/api/clips/sources/" + sourceId);
    assertThat(source.path("name").asString()).isEqualTo("talk.mp4");
    assertThat(source.path("durationMs").asLong()).isBetween(39_000L, 41_000L);
    assertThat(source.path("width").asInt()).isEqualTo(640);
    assertThat(source.path("height").asInt()).isEqualTo(360);
    assertThat(source.path("hasTranscript").asBoolean()).isTrue();
    assertThat(source.path("probe").path("videoCodec").asString()).isEqualTo("h264");
    assertThat(source.path("probe").path("audioCodec").asString()).isEqualTo("aac");

    JsonNode listed = data(api.send("GET", "/api/clips/sources", null, token));
    assertThat(listed.path("sources").get(0).path("id").asString()).isEqualTo(sourceId);
    assertThat(data(api.send("GET", "/api/clips/sources", null, othersToken)).path("sources"))
        .isEmpty();
  }

  @Test
  @Order(2)
  void theAnalysisFindsCandidatesAndItsIdempotentRepeatIsTheSameRun() throws Exception {
    String body = "{\"minSeconds\":5,\"maxSeconds\":15,\"minCount\":1,\"maxCount\":4}";
    HttpResponse<String> started =
        api.send(
            api.request("POST", "/api/clips/sources/" + sourceId + "/analyze", body, token)
                .header("Idempotency-Key", "analyze-" + sourceId));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String runId = data(started).path("runId").asString();
    HttpResponse<String> repeated =
        api.send(
            api.request("POST", "/api/clips/sources/" + sourceId + "/analyze", body, token)
                .header("Idempotency-Key", "analyze-" + sourceId));
    assertThat(repeated.statusCode()).isEqualTo(202);
    assertThat(repeated.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(data(repeated).path("runId").asString()).isEqualTo(runId);

    JsonNode source = awaitAnalysis(Duration.ofMinutes(2));
    assertThat(source.path("analysis").path("runId").asString()).isEqualTo(runId);
    assertThat(source.path("transcript").path("engine").asString()).isNotBlank();
    JsonNode candidates = source.path("candidates");
    assertThat(candidates.size()).as(source.toString()).isBetween(1, 4);
    for (JsonNode candidate : candidates) {
      assertThat(candidate.path("title").asString()).isNotBlank();
      assertThat(candidate.path("score").asDouble()).isBetween(0.0, 1.0);
      assertThat(candidate.path("reasons").size()).isPositive();
      long length = candidate.path("endMs").asLong() - candidate.path("startMs").asLong();
      assertThat(length).isBetween(4_000L, 16_000L);
      assertThat(candidate.path("state").asString()).isEqualTo("proposed");
    }
  }

  @Test
  @Order(3)
  void aCandidateIsKeptTrimmedAndReframedAndBadChangesNameTheirFields() throws Exception {
    JsonNode candidates = source().path("candidates");
    String first = candidates.get(0).path("id").asString();
    String path = "/api/clips/sources/" + sourceId + "/candidates/" + first;

    JsonNode kept = data(api.send("PATCH", path, "{\"state\":\"keep\"}", token));
    assertThat(kept.path("state").asString()).isEqualTo("kept");
    JsonNode trimmed = data(api.send("PATCH", path, "{\"startMs\":2000,\"endMs\":9000}", token));
    assertThat(trimmed.path("startMs").asLong()).isEqualTo(2000);
    assertThat(trimmed.path("endMs").asLong()).isEqualTo(9000);
    JsonNode reframed =
        data(api.send("PATCH", path, "{\"reframe\":{\"mode\":\"crop\",\"centerX\":0.4}}", token));
    assertThat(reframed.path("reframe").path("mode").asString()).isEqualTo("crop");
    assertThat(reframed.path("reframe").path("centerX").asDouble()).isEqualTo(0.4);
    if (candidates.size() > 1) {
      String second = candidates.get(1).path("id").asString();
      JsonNode discarded =
          data(
              api.send(
                  "PATCH",
                  "/api/clips/sources/" + sourceId + "/candidates/" + second,
                  "{\"state\":\"discard\"}",
                  token));
      assertThat(discarded.path("state").asString()).isEqualTo("discarded");
    }

    assertFieldError(
        api.send("PATCH", path, "{\"startMs\":30000,\"endMs\":45000}", token), 400, "endMs");
    assertFieldError(
        api.send("PATCH", path, "{\"reframe\":{\"mode\":\"zoom\"}}", token), 400, "reframe.mode");
    assertFieldError(api.send("PATCH", path, "{\"state\":\"maybe\"}", token), 400, "state");
    // Nothing of the refused changes stuck.
    JsonNode after = candidate(source(), first);
    assertThat(after.path("endMs").asLong()).isEqualTo(9000);
    assertThat(after.path("reframe").path("mode").asString()).isEqualTo("crop");
  }

  @Test
  @Order(4)
  void aKeptCandidateExportsToTikTokAndItsFilesDownload() throws Exception {
    String first = source().path("candidates").get(0).path("id").asString();
    HttpResponse<String> started =
        api.send(
            "POST",
            "/api/clips/sources/" + sourceId + "/export",
            "{\"candidateIds\":[\"" + first + "\"],\"presets\":[\"tiktok\"]}",
            token);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    exportId = data(started).path("id").asString();
    assertThat(started.headers().firstValue("Location")).hasValue("/api/clips/exports/" + exportId);

    JsonNode export = awaitExport(Duration.ofMinutes(2));
    JsonNode clip = export.path("clips").get(0);
    assertThat(clip.path("candidateId").asString()).isEqualTo(first);
    JsonNode file = clip.path("files").get(0);
    assertThat(file.path("preset").asString()).isEqualTo("tiktok");
    assertThat(file.path("durationMs").asLong()).isBetween(6_500L, 7_500L);
    byte[] mp4 = calls.download(file.path("video").asString());
    assertThat(mp4.length).isEqualTo(file.path("bytes").asLong());
    assertThat(new String(mp4, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    String subtitles =
        new String(calls.download(file.path("srt").asString()), StandardCharsets.UTF_8);
    assertThat(subtitles).contains("-->");
  }

  @Test
  @Order(5)
  void aChunkedUploadSurvivesAResendAndAGapAndCompletesIntoASource() throws Exception {
    byte[] bytes = Files.readAllBytes(video);
    int size = bytes.length;
    HttpResponse<String> begun =
        api.send(
            "POST",
            "/api/clips/uploads",
            "{\"name\":\"talk-chunked.mp4\",\"size\":" + size + ",\"contentType\":\"video/mp4\"}",
            token);
    assertThat(begun.statusCode()).as(begun.body()).isEqualTo(201);
    JsonNode upload = data(begun);
    uploadId = upload.path("id").asString();
    String location = "/api/clips/uploads/" + uploadId;
    assertThat(upload.path("location").asString()).isEqualTo(location);
    assertThat(upload.path("received").asLong()).isZero();
    assertThat(upload.path("expiresAt").asString()).isNotBlank();
    // The local store signs no upload URL: the chunks come through the app.
    assertThat(upload.has("uploadUrl")).isFalse();

    int a = size / 3;
    int b = 2 * size / 3;
    assertThat(put(location, bytes, 0, a, size).statusCode()).isEqualTo(200);
    HttpResponse<String> gap = put(location, bytes, b, size, size);
    assertThat(gap.statusCode()).as(gap.body()).isEqualTo(409);
    assertThat(gap.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(a));
    HttpResponse<String> resent = put(location, bytes, 0, a, size);
    assertThat(resent.statusCode()).isEqualTo(200);
    assertThat(data(resent).path("received").asLong()).isEqualTo(a);
    assertThat(put(location, bytes, a, b, size).statusCode()).isEqualTo(200);
    // Where to resume, without a body; completing before every byte arrived is refused.
    HttpResponse<String> head = api.send("HEAD", location, null, token);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(b));
    assertThat(head.headers().firstValue("Range")).hasValue("bytes=0-" + (b - 1));
    HttpResponse<String> early = api.send("POST", location + "/complete", null, token);
    assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
    assertThat(early.body()).contains("from byte " + b);
    HttpResponse<String> last = put(location, bytes, b, size, size);
    assertThat(data(last).path("complete").asBoolean()).isTrue();

    HttpResponse<String> asked = api.send("GET", location, null, token);
    assertThat(data(asked).path("received").asLong()).isEqualTo(size);
    assertThat(asked.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(size));
    assertThat(api.send("GET", location, null, othersToken).statusCode()).isEqualTo(404);
    assertThat(api.send("DELETE", location, null, othersToken).statusCode()).isEqualTo(404);

    HttpResponse<String> completed =
        calls.multipart(
            location + "/complete",
            token,
            new Part("transcript", "talk.srt", "application/x-subrip", srt));
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(201);
    JsonNode source = data(completed);
    assertThat(source.path("name").asString()).isEqualTo("talk-chunked.mp4");
    assertThat(source.path("sizeBytes").asLong()).isEqualTo(size);
    assertThat(source.path("durationMs").asLong()).isBetween(39_000L, 41_000L);
    assertThat(source.path("hasTranscript").asBoolean()).isTrue();
    // The upload is gone with its staged bytes.
    assertThat(api.send("GET", location, null, token).statusCode()).isEqualTo(404);
    try (Stream<Path> staged = Files.list(root.resolve("uploads"))) {
      assertThat(staged.filter(p -> p.toString().endsWith(".part"))).isEmpty();
    }

    // An abandoned upload answers 404 afterwards.
    String abandoned =
        data(api.send(
                "POST",
                "/api/clips/uploads",
                "{\"name\":\"x.mp4\",\"size\":1000,\"contentType\":\"video/mp4\"}",
                token))
            .path("id")
            .asString();
    assertThat(api.send("DELETE", "/api/clips/uploads/" + abandoned, null, token).statusCode())
        .isEqualTo(204);
    assertThat(api.send("GET", "/api/clips/uploads/" + abandoned, null, token).statusCode())
        .isEqualTo(404);
    assertFieldError(
        api.send("POST", "/api/clips/uploads", "{\"name\":\"\",\"size\":10}", token), 400, "name");
    assertFieldError(
        api.send("POST", "/api/clips/uploads", "{\"name\":\"a.mp4\",\"size\":0}", token),
        400,
        "size");
    assertFieldError(
        put(location.replace(uploadId, abandoned), bytes, 0, 10, 0), 400, "Content-Range");
  }

  @Test
  @Order(6)
  void wrongFilesBrokenSubtitlesLongVideosAndMissingPartsAreRefused() throws Exception {
    int before = store.sources(owner, 200).size();
    assertFieldError(
        calls.multipart(
            "/api/clips/sources",
            token,
            new Part(
                "file",
                "notes.mp4",
                "video/mp4",
                "just some text, not a video\n".repeat(40).getBytes(StandardCharsets.UTF_8))),
        400,
        "file");

    String broken =
        "1\n00:00:01,000 --> 00:00:04,000\nHello.\n\n2\n00:00:05,000 --> 00:0x:08\nBad.\n";
    HttpResponse<String> badSrt =
        calls.multipart(
            "/api/clips/sources",
            token,
            new Part("file", "talk.mp4", "video/mp4", Files.readAllBytes(video)),
            new Part(
                "transcript", "talk.srt", "text/plain", broken.getBytes(StandardCharsets.UTF_8)));
    assertFieldError(badSrt, 400, "transcript");
    assertThat(JSON.readTree(badSrt.body()).toString().toLowerCase(Locale.ROOT)).contains("line 6");

    Path longer = root.resolve("long.mp4");
    TalkingHeadVideo.builder().durationMillis(55_000).size(160, 90).fps(10).build().write(longer);
    HttpResponse<String> tooLong =
        calls.multipart(
            "/api/clips/sources",
            token,
            new Part("file", "long.mp4", "video/mp4", Files.readAllBytes(longer)));
    assertFieldError(tooLong, 400, "file");
    assertThat(JSON.readTree(tooLong.body()).path("details").get(0).path("message").asString())
        .contains("limit");

    assertFieldError(
        calls.multipart(
            "/api/clips/sources",
            token,
            new Part("transcript", "talk.srt", "application/x-subrip", srt)),
        400,
        "file");
    assertThat(store.sources(owner, 200)).hasSize(before);
  }

  @Test
  @Order(7)
  void anotherUsersSourceCandidateExportAndUploadAre404() throws Exception {
    String candidate = source().path("candidates").get(0).path("id").asString();
    assertThat(api.send("GET", "/api/clips/sources/" + sourceId, null, othersToken).statusCode())
        .isEqualTo(404);
    assertThat(
            api.send("POST", "/api/clips/sources/" + sourceId + "/analyze", "{}", othersToken)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            api.send(
                    "PATCH",
                    "/api/clips/sources/" + sourceId + "/candidates/" + candidate,
                    "{\"state\":\"discard\"}",
                    othersToken)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            api.send(
                    "POST",
                    "/api/clips/sources/" + sourceId + "/export",
                    "{\"candidateIds\":[\"" + candidate + "\"]}",
                    othersToken)
                .statusCode())
        .isEqualTo(404);
    assertThat(api.send("GET", "/api/clips/exports/" + exportId, null, othersToken).statusCode())
        .isEqualTo(404);
    assertThat(api.send("GET", "/api/clips/exports/" + exportId, null, token).statusCode())
        .isEqualTo(200);
    String foreignUpload =
        data(api.send(
                "POST",
                "/api/clips/uploads",
                "{\"name\":\"y.mp4\",\"size\":1000,\"contentType\":\"video/mp4\"}",
                token))
            .path("id")
            .asString();
    assertThat(
            api.send("POST", "/api/clips/uploads/" + foreignUpload + "/complete", null, othersToken)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            calls
                .put("/api/clips/uploads/" + foreignUpload, new byte[10], 0, 10, 1000, othersToken)
                .statusCode())
        .isEqualTo(404);
  }

  // --- helpers ---

  private JsonNode awaitAnalysis(Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    JsonNode source;
    do {
      Thread.sleep(300);
      source = source();
      String status = source.path("analysis").path("status").asString();
      // The candidates are on the source once the run-end follower told it how the run ended.
      if (status.equals("succeeded") && source.path("status").asString().equals("analysed")) {
        return source;
      }
      assertThat(status).as(source.toString()).isNotIn("failed", "cancelled");
    } while (System.nanoTime() < deadline);
    throw new AssertionError("the analysis did not end: " + source);
  }

  private JsonNode awaitExport(Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    JsonNode export;
    do {
      Thread.sleep(300);
      export = data(api.send("GET", "/api/clips/exports/" + exportId, null, token));
      String status = export.path("run").path("status").asString();
      if (status.equals("succeeded") && export.path("clips").size() > 0) {
        return export;
      }
      assertThat(status).as(export.toString()).isNotIn("failed", "cancelled");
    } while (System.nanoTime() < deadline);
    throw new AssertionError("the export did not end: " + export);
  }

  private JsonNode source() throws Exception {
    HttpResponse<String> response = api.send("GET", "/api/clips/sources/" + sourceId, null, token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return data(response);
  }

  private static JsonNode candidate(JsonNode source, String id) {
    for (JsonNode c : source.path("candidates")) {
      if (c.path("id").asString().equals(id)) {
        return c;
      }
    }
    throw new AssertionError("no candidate " + id + " in " + source);
  }

  private HttpResponse<String> put(String path, byte[] bytes, int from, int to, int total)
      throws Exception {
    return calls.put(path, bytes, from, to, total, token);
  }

  // Not @TempDir: with one test instance per class, Spring reads the settings before JUnit fills
  // a static @TempDir field.
  private static Path temporaryRoot() {
    try {
      return Files.createTempDirectory("clips-api-test");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
