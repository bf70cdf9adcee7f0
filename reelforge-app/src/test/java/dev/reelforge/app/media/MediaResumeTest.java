package dev.reelforge.app.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.testkit.videogen.stub.KlingStub;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A video job whose server stops while Kling works on its clip is finished by the next server on
 * the same PostgreSQL: the vendor's job is polled from the task's checkpoint, never submitted
 * again, and the clip is the one Kling made.
 */
class MediaResumeTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SECRET = "kling-secret-0123456789abcdef";
  private static final KlingStub KLING = new KlingStub("kling-access", SECRET, Clock.systemUTC());

  @AfterAll
  static void stopStub() {
    KLING.close();
  }

  @Test
  void aVideoJobStoppedMidPollIsFinishedAfterARestartWithoutASecondSubmit() throws Exception {
    TestDatabase database = TestDatabase.freshSchema("MediaResumeTest");
    Path root = Files.createTempDirectory("media-resume-test");
    root.toFile().setExecutable(true, false);
    Map<String, String> settings =
        Map.of(
            "reelforge.jobs.poll-interval",
            "100ms",
            "reelforge.security.password-hash-cost",
            "4",
            "reelforge.storage.local-root",
            root.resolve("blobs").toString(),
            "reelforge.storage.work-root",
            root.resolve("work").toString(),
            "reelforge.providers.video-generator",
            "kling",
            "reelforge.providers.kling.access-key",
            "kling-access",
            "reelforge.providers.kling.secret-key",
            SECRET,
            "reelforge.providers.kling.base-url",
            KLING.baseUrl(),
            "reelforge.providers.kling.poll-every",
            "1s");
    KLING.pollsToFinish(4);

    String token;
    String job;
    try (ConfigurableApplicationContext first =
        AppTestDatabase.secondInstance(database, settings)) {
      token = TestUsers.token(first, "resumed-creator", Role.CREATOR);
      JsonNode accepted =
          call(
              first,
              "POST",
              "/video/generate",
              "{\"video_prompt\":\"a lighthouse beam sweeping the fog\",\"duration_s\":5}",
              token,
              202);
      job = accepted.path("data").path("job_id").asString();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (KLING.submissions() < 1 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(KLING.submissions()).as("Kling has the job").isEqualTo(1);
      Thread.sleep(300); // the checkpoint is written right after the submit answers
      JsonNode waiting = call(first, "GET", "/video/jobs/" + job, null, token, 200).path("data");
      assertThat(waiting.path("status").asString())
          .as("Kling is still working when the first server stops")
          .isIn("queued", "running");
    }

    try (ConfigurableApplicationContext second =
        AppTestDatabase.secondInstance(database, settings)) {
      JsonNode done = awaitEnd(second, "/video/jobs/" + job, token);
      assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("succeeded");
      assertThat(done.path("engine").asString()).isEqualTo("kling");
      assertThat(done.path("fallback_used").asBoolean()).isFalse();
      assertThat(KLING.submissions()).as("no second submit after the restart").isEqualTo(1);
    }
  }

  private static JsonNode awaitEnd(ConfigurableApplicationContext app, String path, String token)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      JsonNode job = call(app, "GET", path, null, token, 200).path("data");
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

  private static JsonNode call(
      ConfigurableApplicationContext app,
      String method,
      String path,
      String body,
      String token,
      int status)
      throws Exception {
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    HttpResponse<String> response = new ApiCalls(port).send(method, path, body, token);
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
