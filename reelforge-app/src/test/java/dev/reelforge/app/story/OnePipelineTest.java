package dev.reelforge.app.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.script.InputKind;
import dev.reelforge.core.story.BeatSpans;
import dev.reelforge.story.SessionFolders;
import dev.reelforge.story.StoryInput;
import dev.reelforge.story.StoryMaker;
import dev.reelforge.story.StoryProgress;
import dev.reelforge.story.StoryResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
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
 * The drift between the {@code make} command and the API is gone: one script made through {@code
 * POST /api/story/finalize} and through the command's {@link StoryMaker} (same render engine, so
 * the same segment cache) gives the same beat timings, music as long as the video by the same rule,
 * and the same render segment cache keys — the command's render encodes nothing new.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"reelforge.jobs.poll-interval=100ms"})
class OnePipelineTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path ROOT = tempRoot();
  private static final List<String> SENTENCES =
      List.of(
          "Octopuses have three hearts.",
          "Two pump blood through the gills.",
          "The third serves the rest of the body.");

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "OnePipelineTest");
    registry.add("reelforge.storage.local-root", () -> ROOT.resolve("blobs").toString());
    registry.add("reelforge.media.render-work-dir", () -> ROOT.resolve("render").toString());
  }

  @Test
  void theApiAndTheMakeCommandMakeTheSameVideoFromTheSameScript() throws Exception {
    String token = TestUsers.token(context, "one-pipeline", Role.ADMIN);
    String scriptText = String.join("\n", SENTENCES);
    JsonNode session =
        post("/api/story/manual", JSON.writeValueAsString(new Manual(scriptText)), token);
    String id = session.path("data").path("id").asString();
    JsonNode finalized = post("/api/story/finalize", "{\"sessionId\":\"" + id + "\"}", token);
    assertThat(finalized.path("data").path("status").asString()).isEqualTo("rendered");
    Path apiFolder = context.getBean(SessionFolders.class).folder(id);
    JsonNode apiManifest = JSON.readTree(apiFolder.resolve("manifest.json").toFile());
    long apiSegments = segmentsIn(ROOT.resolve("render"));
    assertThat(apiSegments).isPositive();

    StoryInput sameScript =
        new StoryInput(
            scriptText,
            InputKind.MANUAL,
            List.of("tiktok"),
            Optional.empty(),
            "bold-pop",
            "auto",
            "standard");
    StoryResult made =
        context
            .getBean(StoryMaker.class)
            .make(
                sameScript, ROOT.resolve("made"), "story", StoryProgress.NONE, new Cancellation());
    JsonNode madeManifest = JSON.readTree(made.manifest().toFile());

    assertThat(beatTimes(madeManifest)).isEqualTo(beatTimes(apiManifest)).hasSize(3);
    // The whole timeline — segments, visuals, motion, captions, voice and music tracks — is equal.
    assertThat(ROOT.resolve("made/.work/timeline.json"))
        .hasSameTextualContentAs(apiFolder.resolve(".work/timeline.json"));
    long narration = apiManifest.path("narration").path("durationMillis").asLong();
    for (JsonNode manifest : List.of(apiManifest, madeManifest)) {
      assertThat(manifest.path("music").path("durationMillis").asLong())
          .as("music as long as the narration and its tail")
          .isEqualTo(narration + BeatSpans.TAIL_MILLIS);
    }
    assertThat(madeManifest.path("narration").path("durationMillis").asLong()).isEqualTo(narration);
    // Same segment keys: the command's render found every segment in the API's cache.
    assertThat(made.segmentsRendered()).isZero();
    assertThat(made.segmentsReused()).isPositive();
    assertThat(segmentsIn(ROOT.resolve("render"))).isEqualTo(apiSegments);
  }

  private record Manual(String scriptText) {}

  private static List<String> beatTimes(JsonNode manifest) {
    List<String> times = new ArrayList<>();
    for (JsonNode beat : manifest.path("beats")) {
      times.add(
          beat.path("text").asString()
              + "@"
              + beat.path("startMillis").asLong()
              + "-"
              + beat.path("endMillis").asLong());
    }
    return times;
  }

  private static long segmentsIn(Path renderDir) throws IOException {
    try (Stream<Path> files = Files.walk(renderDir)) {
      return files
          .filter(f -> f.toString().endsWith(".mp4") && f.toString().contains("segments"))
          .count();
    }
  }

  private JsonNode post(String path, String body, String token) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static Path tempRoot() {
    try {
      return Files.createTempDirectory("one-pipeline-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
