package dev.reelforge.app.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.app.security.RateWindows;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.testkit.videogen.Mp4Facts;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
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
 * Seed 004's media jobs through the real application, offline: an image job and a video job made
 * from it, downloaded through their signed links and measured (a PNG of the asked shape, an H.264
 * MP4 of the asked length); a clip over ten seconds refused with a field error; another user's job
 * not found; an idempotent repeat; a link to a private address refused; a user's own quota
 * override; and the eleventh media request of a minute refused.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.general-per-minute=100000"
    })
class MediaJobsApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path ROOT = tempRoot();

  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "MediaJobsApiTest");
    registry.add("reelforge.storage.local-root", () -> ROOT.resolve("blobs").toString());
    registry.add("reelforge.storage.work-root", () -> ROOT.resolve("work").toString());
  }

  @Test
  void anImageJobAndAVideoJobFromItFinishAndDownloadAsAPngAndAnH264Clip() throws Exception {
    String token = TestUsers.token(context, "media-maker", Role.CREATOR);
    JsonNode accepted =
        call(
            "POST",
            "/images/generate",
            "{\"prompt\":\"a lighthouse on a cliff at dawn\",\"aspect_ratio\":\"16:9\",\"seed\":7}",
            token,
            202);
    String imageJob = accepted.path("data").path("job_id").asString();
    assertThat(accepted.path("data").path("status").asString()).isEqualTo("queued");

    JsonNode image = awaitEnd("/images/jobs/" + imageJob, token);
    assertThat(image.path("status").asString()).as(image.toString()).isEqualTo("succeeded");
    assertThat(image.path("estimated_cost_usd").asDouble()).isEqualTo(0.02);
    BufferedImage png = picture(download(image.path("output_urls").get(0).asString(), "image/png"));
    assertThat(png.getWidth()).isEqualTo(1024);
    assertThat(png.getHeight()).isEqualTo(576);
    BufferedImage thumb = picture(download(image.path("thumbnail_url").asString(), "image/jpeg"));
    assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isEqualTo(256);

    JsonNode video =
        call(
            "POST",
            "/api/video/generate",
            "{\"start_image_url\":\""
                + imageJob
                + "\",\"video_prompt\":\"the camera pushes in\",\"duration_s\":3,\"fps\":24,"
                + "\"resolution\":\"480p\",\"seed\":5}",
            token,
            202);
    JsonNode clip = awaitEnd("/video/jobs/" + video.path("data").path("job_id").asString(), token);
    assertThat(clip.path("status").asString()).as(clip.toString()).isEqualTo("succeeded");
    assertThat(clip.path("engine").asString()).isEqualTo("local");
    assertThat(clip.path("fallback_used").asBoolean()).isFalse();
    assertThat(clip.path("estimated_cost_usd").asDouble()).isCloseTo(0.30, within(0.001));
    Path mp4 = Files.createTempFile(ROOT, "clip", ".mp4");
    Files.write(mp4, download(clip.path("clip_url").asString(), "video/mp4"));
    Mp4Facts facts = Mp4Facts.read(mp4);
    assertThat(facts.codec()).isEqualTo("avc1");
    assertThat(facts.durationSeconds()).isCloseTo(3.0, within(0.1));
    assertThat(facts.width()).isEqualTo(854);
    assertThat(facts.height()).isEqualTo(480);

    JsonNode gallery = call("GET", "/api/media/jobs?kind=video", null, token, 200);
    assertThat(gallery.path("data").path("jobs").get(0).path("job_id").asString())
        .isEqualTo(clip.path("job_id").asString());

    // Another user sees none of it; a job id is of one kind only.
    String stranger = TestUsers.token(context, "media-stranger", Role.CREATOR);
    call("GET", "/images/jobs/" + imageJob, null, stranger, 404);
    call("GET", "/video/jobs/" + imageJob, null, token, 404);
  }

  @Test
  void aClipOverTenSecondsAndAPrivateLinkAreRefusedWithFieldErrors() throws Exception {
    String token = TestUsers.token(context, "media-refused", Role.CREATOR);
    JsonNode tooLong =
        call(
            "POST",
            "/video/generate",
            "{\"video_prompt\":\"waves\",\"duration_s\":11}",
            token,
            400);
    assertThat(tooLong.toString()).contains("duration_s");
    JsonNode loopback =
        call(
            "POST",
            "/video/generate",
            "{\"video_prompt\":\"waves\",\"start_image_url\":\"http://127.0.0.1:9/a.png\"}",
            token,
            400);
    assertThat(loopback.toString()).contains("start_image_url").contains("public internet");
    JsonNode someoneElses =
        call(
            "POST",
            "/video/generate",
            "{\"video_prompt\":\"waves\",\"start_image_url\":\"/blobs/media/"
                + java.util.UUID.randomUUID()
                + "/images/"
                + java.util.UUID.randomUUID()
                + ".png\"}",
            token,
            400);
    assertThat(someoneElses.toString()).contains("no picture of yours");
    call("POST", "/images/generate", "{\"prompt\":\"  \"}", token, 400);
    call("POST", "/images/generate", "{\"prompt\":\"x\",\"aspect_ratio\":\"2:1\"}", token, 400);
  }

  @Test
  void aRepeatedIdempotencyKeyReturnsTheSameJob() throws Exception {
    String token = TestUsers.token(context, "media-repeater", Role.CREATOR);
    String body = "{\"prompt\":\"a red kite over hills\",\"seed\":1}";
    HttpResponse<String> first = send(idempotent("POST", "/images/generate", body, token, "k-1"));
    HttpResponse<String> second = send(idempotent("POST", "/images/generate", body, token, "k-1"));
    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(JSON.readTree(second.body()).path("data").path("job_id"))
        .isEqualTo(JSON.readTree(first.body()).path("data").path("job_id"));
  }

  @Test
  void anAdminsOverrideBindsTheUserAndUsageCountsImageJobs() throws Exception {
    UserAccount user = TestUsers.create(context, "media-quota", Role.CREATOR);
    String token = TestUsers.tokenOf(context, user);
    String admin = TestUsers.token(context, "media-admin", Role.ADMIN);
    JsonNode set =
        call(
            "PUT",
            "/api/admin/users/" + user.id() + "/quotas/image",
            "{\"daily\":2,\"monthly\":10}",
            admin,
            200);
    assertThat(set.path("data").path("overridden").asBoolean()).isTrue();
    call(
        "PUT",
        "/api/admin/users/" + user.id() + "/quotas/movies",
        "{\"daily\":1,\"monthly\":1}",
        admin,
        400);
    call(
        "PUT",
        "/api/admin/users/" + user.id() + "/quotas/image",
        "{\"daily\":-1,\"monthly\":1}",
        admin,
        400);
    call("GET", "/api/admin/users/" + user.id() + "/quotas", null, token, 403);

    call("POST", "/images/generate", "{\"prompt\":\"one\"}", token, 202);
    call("POST", "/images/generate", "{\"prompt\":\"two\"}", token, 202);
    JsonNode refused = call("POST", "/images/generate", "{\"prompt\":\"three\"}", token, 429);
    assertThat(refused.path("error").asString()).isEqualTo("QUOTA_EXCEEDED");

    JsonNode usage = call("GET", "/me/usage/current", null, token, 200).path("data");
    JsonNode images = kind(usage, "image");
    assertThat(images.path("today").asInt()).isEqualTo(2);
    assertThat(images.path("dailyLimit").asInt()).isEqualTo(2);
    assertThat(usage.path("flagged").asBoolean()).as("past 80 % of a quota").isTrue();
    call("GET", "/usage/history?period=7d", null, token, 200);

    JsonNode reset =
        call("DELETE", "/api/admin/users/" + user.id() + "/quotas/image", null, admin, 200);
    assertThat(reset.path("data").path("daily").asInt()).isEqualTo(20);
    call("POST", "/images/generate", "{\"prompt\":\"three again\"}", token, 202);
  }

  @Test
  void theEleventhMediaRequestOfAMinuteIsRefused() throws Exception {
    String token = TestUsers.token(context, "media-hurried", Role.CREATOR);
    // The limiter counts in windows of a clock minute: eleven requests must fall in one.
    RateWindows.awaitRoomForABurst();
    for (int i = 0; i < 10; i++) {
      // Invalid bodies are refused after the rate limit counted them: no work is made.
      call("POST", "/api/images/generate", "{\"prompt\":\"\"}", token, 400);
    }
    JsonNode refused = call("POST", "/api/images/generate", "{\"prompt\":\"\"}", token, 429);
    assertThat(refused.path("error").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
  }

  private static JsonNode kind(JsonNode usage, String kind) {
    for (JsonNode row : usage.path("usage")) {
      if (row.path("kind").asString().equals(kind)) {
        return row;
      }
    }
    throw new AssertionError("no " + kind + " in " + usage);
  }

  private JsonNode awaitEnd(String path, String token) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      JsonNode job = call("GET", path, null, token, 200).path("data");
      String status = job.path("status").asString();
      if (status.equals("succeeded") || status.equals("failed")) {
        return job;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still " + status + ": " + job);
      }
      Thread.sleep(200);
    }
  }

  private byte[] download(String link, String contentType) throws Exception {
    URI uri =
        link.startsWith("/") ? URI.create("http://127.0.0.1:" + port + link) : URI.create(link);
    HttpResponse<byte[]> response =
        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(link).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith(contentType));
    return response.body();
  }

  private static BufferedImage picture(byte[] bytes) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    assertThat(image).isNotNull();
    return image;
  }

  private JsonNode call(String method, String path, String body, String token, int status)
      throws Exception {
    HttpResponse<String> response = new ApiCalls(port).send(method, path, body, token);
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private HttpRequest.Builder idempotent(
      String method, String path, String body, String token, String key) {
    return new ApiCalls(port).request(method, path, body, token).header("Idempotency-Key", key);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return new ApiCalls(port).send(request);
  }

  private static org.assertj.core.data.Offset<Double> within(double value) {
    return org.assertj.core.data.Offset.offset(value);
  }

  private static Path tempRoot() {
    try {
      Path root = Files.createTempDirectory("media-api-test");
      root.toFile().setExecutable(true, false);
      return root;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
