package dev.reelforge.app.story.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.licence.EvidenceStore;
import dev.reelforge.core.licence.LicenceEvidence;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
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
 * The story gate's reject → regenerate on the real application: every beat's picture comes from a
 * local visuals library whose sidecar licenses it {@code CC BY-NC 4.0} (no commercial use), so the
 * gate holds the run on the pictures' licences alone; an operator answers {@code reroll}, the
 * flagged pictures are replaced by procedural designs, the gate passes, the run renders, and the
 * run's licence evidence names procedural pictures only.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.limits.ai-per-minute=10000",
      "reelforge.limits.render-per-minute=10000",
      "reelforge.limits.preview-per-minute=10000",
      "reelforge.limits.general-per-minute=100000",
      "reelforge.providers.visuals=library"
    })
class ModerationRegenerateTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path ROOT = tempRoot();
  private static final List<String> CLEAN =
      List.of(
          "The octopus has three hearts.",
          "The octopus tastes with its arms.",
          "The octopus hides in the ocean.");

  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;
  @Autowired EvidenceStore evidence;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "ModerationRegenerateTest");
    registry.add("reelforge.storage.local-root", () -> ROOT.resolve("blobs").toString());
    registry.add("reelforge.media.render-work-dir", () -> ROOT.resolve("render").toString());
    registry.add("reelforge.providers.library.visuals-dir", () -> library(ROOT.resolve("library")));
  }

  /** One picture of plain colour (no words for OCR to read), tagged for every beat, NC-licensed. */
  private static String library(Path folder) {
    try {
      Files.createDirectories(folder);
      BufferedImage image = new BufferedImage(1080, 1920, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      g.setColor(new Color(0x1d, 0x35, 0x57));
      g.fillRect(0, 0, 1080, 1920);
      g.dispose();
      ImageIO.write(image, "png", folder.resolve("octopus.png").toFile());
      Files.writeString(
          folder.resolve("octopus.png.txt"),
          "tags: octopus, hearts, arms, ocean, tastes, hides, three\n"
              + "author: A Photographer\n"
              + "licence: CC BY-NC 4.0\n"
              + "url: https://example.com/octopus\n");
      return folder.toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void rejectRegeneratesTheHeldPicturesAndTheRunThenPasses() throws Exception {
    String owner = TestUsers.token(context, "regen-owner", Role.CREATOR);
    String operator = TestUsers.token(context, "regen-operator", Role.OPERATOR);
    String runId = finalize(session(CLEAN, owner), owner);
    JsonNode held = awaitSettled(runId, operator);
    assertThat(held.path("status").asString()).as(held.toString()).isEqualTo("awaiting_review");
    List<LicenceEvidence> before = evidence.forRun(UUID.fromString(runId));
    assertThat(before)
        .filteredOn(e -> e.kind().equals("picture"))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.licence().licence()).isEqualTo("CC BY-NC 4.0"));
    // The only reasons are the pictures' licences.
    String ops = page("/ui/ops", operator);
    assertThat(ops).contains("beat 1 picture: licence (high)").doesNotContain(" text: ");

    send(
        post(
            "/api/runs/" + runId + "/review",
            "{\"stage\":\"moderation\",\"decision\":\"reroll\"}",
            operator),
        200);
    JsonNode done = awaitSettled(runId, operator);
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("succeeded");
    List<LicenceEvidence> after = evidence.forRun(UUID.fromString(runId));
    assertThat(after)
        .filteredOn(e -> e.kind().equals("picture") || e.kind().equals("clip"))
        .hasSize(before.stream().filter(e -> e.kind().equals("picture")).toList().size())
        .allSatisfy(
            e -> {
              assertThat(e.licence().source()).isEqualTo("procedural");
              assertThat(e.providerResponse()).startsWith("procedural");
            });
    JsonNode api = send(get("/api/runs/" + runId + "/evidence", owner), 200).path("data");
    assertThat(api.toString()).doesNotContain("CC BY-NC");
  }

  private String session(List<String> sentences, String owner) throws Exception {
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

  private String finalize(String sessionId, String owner) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/story/finalize"))
            .header("Authorization", "Bearer " + owner)
            .header("Content-Type", "application/json")
            .header("Prefer", "respond-async")
            .POST(HttpRequest.BodyPublishers.ofString("{\"sessionId\":\"" + sessionId + "\"}"))
            .build();
    return send(request, 202).path("data").path("runId").asString();
  }

  /** The run once it has ended or waits for review. */
  private JsonNode awaitSettled(String runId, String token) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      JsonNode run = send(get("/api/runs/" + runId, token), 200).path("data");
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

  private static Path tempRoot() {
    try {
      return Files.createTempDirectory("moderation-regenerate-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
