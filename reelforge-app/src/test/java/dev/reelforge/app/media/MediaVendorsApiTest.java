package dev.reelforge.app.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.testkit.videogen.Mp4Facts;
import dev.reelforge.testkit.videogen.stub.KlingStub;
import dev.reelforge.testkit.videogen.stub.LumaStub;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
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
 * With vendor keys set, video jobs go to the vendors (here Kling and Luma, as local stubs of their
 * documented APIs): a job asks Kling first, and when Kling is busy it falls back to Luma along seed
 * 001's chain, saying so in the job; when every engine of the chain fails, the job fails with the
 * advice for its error and its credits come back exactly once.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.general-per-minute=100000",
      "reelforge.limits.media-per-minute=1000",
      "reelforge.limits.initial-credits=100",
      "reelforge.providers.video-generator=kling",
      "reelforge.providers.kling.poll-every=200ms",
      "reelforge.providers.luma.poll-every=200ms"
    })
class MediaVendorsApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path ROOT = tempRoot();
  private static final KlingStub KLING =
      new KlingStub("kling-access", "kling-secret-0123456789abcdef", Clock.systemUTC());
  private static final LumaStub LUMA = new LumaStub("luma-key", Clock.systemUTC());

  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "MediaVendorsApiTest");
    registry.add("reelforge.storage.local-root", () -> ROOT.resolve("blobs").toString());
    registry.add("reelforge.storage.work-root", () -> ROOT.resolve("work").toString());
    registry.add("reelforge.providers.kling.access-key", () -> "kling-access");
    registry.add("reelforge.providers.kling.secret-key", () -> "kling-secret-0123456789abcdef");
    registry.add("reelforge.providers.kling.base-url", KLING::baseUrl);
    registry.add("reelforge.providers.luma.api-key", () -> "luma-key");
    registry.add("reelforge.providers.luma.base-url", LUMA::baseUrl);
  }

  @AfterAll
  static void stopStubs() {
    KLING.close();
    LUMA.close();
  }

  @Test
  void aBusyKlingFallsBackToLumaAndTheJobSaysSo() throws Exception {
    String token = TestUsers.token(context, "vendor-fallback", Role.CREATOR);
    int lumaBefore = LUMA.submissions();
    // Kling's 1302 with a long Retry-After: busy now, so the job changes engine at once.
    KLING.rateLimitNextSubmits(1, 120);
    JsonNode accepted =
        call(
            "POST",
            "/video/generate",
            "{\"video_prompt\":\"a paper boat drifting on a pond\",\"duration_s\":5,"
                + "\"resolution\":\"720p\",\"aspect_ratio\":\"9:16\"}",
            token,
            202);
    JsonNode job =
        awaitEnd("/video/jobs/" + accepted.path("data").path("job_id").asString(), token);

    assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("succeeded");
    assertThat(job.path("engine").asString()).isEqualTo("luma");
    assertThat(job.path("fallback_used").asBoolean()).isTrue();
    assertThat(job.path("engines_tried").toString()).contains("kling").contains("luma");
    assertThat(LUMA.submissions()).isEqualTo(lumaBefore + 1);
    Path clip = Files.createTempFile(ROOT, "luma", ".mp4");
    Files.write(clip, download(job.path("clip_url").asString()));
    Mp4Facts facts = Mp4Facts.read(clip);
    assertThat(facts.codec()).isEqualTo("avc1");
    assertThat(facts.height()).isGreaterThan(facts.width());
    assertThat(facts.durationSeconds()).isCloseTo(job.path("duration_s").asDouble(), within(0.25));
  }

  @Test
  void whenEveryEngineFailsTheJobFailsWithAdviceAndItsCreditsComeBackOnce() throws Exception {
    String token = TestUsers.token(context, "vendor-unlucky", Role.CREATOR);
    long before = credits(token);
    KLING.rateLimitNextSubmits(1, 120);
    LUMA.noCreditsForNextSubmits(1);
    JsonNode accepted =
        call(
            "POST",
            "/api/video/generate",
            "{\"video_prompt\":\"storm clouds over a wheat field\",\"duration_s\":5}",
            token,
            202);
    assertThat(credits(token)).as("debited at acceptance").isEqualTo(before - 5);
    JsonNode job =
        awaitEnd("/api/video/jobs/" + accepted.path("data").path("job_id").asString(), token);

    assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("failed");
    assertThat(job.path("error_message").asString()).contains("kling").contains("luma");
    assertThat(job.path("error").path("user_action").asString()).isNotBlank();
    assertThat(job.path("error").has("fallback_available")).isTrue();
    assertThat(job.path("credits_refunded").asBoolean()).isTrue();
    assertThat(credits(token)).as("refunded exactly once").isEqualTo(before);
    Thread.sleep(500);
    assertThat(credits(token)).isEqualTo(before);
  }

  private long credits(String token) throws Exception {
    return call("GET", "/api/me/credits", null, token, 200).path("data").path("balance").asLong();
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

  private byte[] download(String link) throws Exception {
    URI uri =
        link.startsWith("/") ? URI.create("http://127.0.0.1:" + port + link) : URI.create(link);
    HttpResponse<byte[]> response =
        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(link).isEqualTo(200);
    return response.body();
  }

  private JsonNode call(String method, String path, String body, String token, int status)
      throws Exception {
    HttpResponse<String> response = new ApiCalls(port).send(method, path, body, token);
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static org.assertj.core.data.Offset<Double> within(double value) {
    return org.assertj.core.data.Offset.offset(value);
  }

  private static Path tempRoot() {
    try {
      Path root = Files.createTempDirectory("media-vendors-test");
      root.toFile().setExecutable(true, false);
      return root;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
