package dev.reelforge.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.StoryRuns;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.jobs.spi.EventCursor;
import dev.reelforge.core.jobs.spi.FeedEvent;
import dev.reelforge.core.jobs.spi.RunEventFeed;
import dev.reelforge.core.storage.BlobStore;
import dev.reelforge.storage.local.LocalBlobStore;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A finished run as the API shows it: no server folder anywhere in the run, the runs list or the
 * session; every file linked with a signed URL that downloads the real file under the video's name
 * without any other credential; a tampered or expired link refused; another user's run a 404.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.general-per-minute=100000",
      "reelforge.limits.ai-per-minute=10000",
      "reelforge.limits.render-per-minute=10000"
    })
class RunLinksTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path root;

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;
  @Autowired BlobStore blobs;
  @Autowired RunEventFeed feed;

  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "RunLinksTest");
    registry.add("reelforge.storage.local-root", () -> root.resolve("blobs").toString());
    registry.add("reelforge.storage.work-root", () -> root.resolve("work").toString());
    registry.add("reelforge.media.render-work-dir", () -> root.resolve("render").toString());
  }

  @Test
  void aFinishedRunLinksItsSessionAndDownloadsWithoutShowingAServerPath() throws Exception {
    ApiCalls api = new ApiCalls(port);
    String token = TestUsers.token(context, "links-owner", Role.CREATOR);
    StoryRuns runs = new StoryRuns(api, token);
    String statusUrl = runs.start("The moon has no air to carry sound.");
    JsonNode finished = runs.await(statusUrl, Duration.ofMinutes(4));
    assertThat(finished.path("status").asString()).as(finished.toString()).isEqualTo("succeeded");

    String runBody = api.send("GET", statusUrl, null, token).body();
    JsonNode run = JSON.readTree(runBody).path("data");
    String runId = run.path("id").asString();
    assertThat(run.path("title").asString()).isNotBlank();
    assertThat(run.path("page").asString()).isEqualTo("/ui/runs/" + runId);
    String sessionId = run.path("session").path("id").asString();
    assertThat(run.path("session").path("href").asString()).isEqualTo("/api/story/" + sessionId);
    assertThat(run.path("session").path("page").asString()).isEqualTo("/ui/stories/" + sessionId);

    String listBody = api.send("GET", "/api/runs", null, token).body();
    String sessionBody = api.send("GET", "/api/story/" + sessionId, null, token).body();
    for (String body : List.of(runBody, listBody, sessionBody)) {
      assertThat(body).doesNotContain(root.toString());
      for (String text : strings(JSON.readTree(body))) {
        if (text.startsWith("/")) {
          assertThat(text).as(body).matches("/(api|ui|blobs)/.*");
        }
        assertThat(Path.of(text.split("\\?")[0]).isAbsolute() && !text.startsWith("/"))
            .as(text)
            .isFalse();
      }
    }
    assertThat(
            JSON.readTree(listBody)
                .path("data")
                .path("runs")
                .get(0)
                .path("session")
                .path("id")
                .asString())
        .isEqualTo(sessionId);

    // Every format's video, thumbnail, captions, and the manifest, named after the title.
    String slug = dev.reelforge.story.session.RunFiles.slug(run.path("title").asString());
    List<String> kinds = new ArrayList<>();
    JsonNode video = null;
    for (JsonNode output : run.path("outputs")) {
      kinds.add(output.path("kind").asString() + ":" + output.path("type").asString());
      assertThat(output.path("name").asString()).startsWith(slug + "-");
      assertThat(output.path("bytes").asLong()).isPositive();
      if (output.path("kind").asString().equals("video")) {
        video = output;
      }
    }
    assertThat(kinds)
        .containsExactly(
            "video:mp4", "thumbnail:jpg", "captions:srt", "captions:vtt", "manifest:json");
    assertThat(video.path("name").asString()).isEqualTo(slug + "-square.mp4");
    assertThat(video.path("format").asString()).isEqualTo("square");

    // Only a square was asked for: the other shapes' renders are marked as not part of it.
    List<String> skipped = new ArrayList<>();
    for (JsonNode task : run.path("tasks")) {
      if (task.path("skipped").asBoolean(false)) {
        skipped.add(task.path("stage").asString());
      }
    }
    assertThat(skipped).containsExactlyInAnyOrder("render-vertical", "render-horizontal");

    // The link is the credential: no token, the real MP4, saved under the title.
    HttpResponse<byte[]> download = fetch(video.path("url").asString());
    assertThat(download.statusCode()).isEqualTo(200);
    byte[] bytes = download.body();
    assertThat(bytes.length).isEqualTo(video.path("bytes").asLong());
    assertThat(new String(Arrays.copyOfRange(bytes, 4, 8), StandardCharsets.US_ASCII))
        .isEqualTo("ftyp");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .isEqualTo("attachment; filename=\"" + slug + "-square.mp4\"");

    // A changed signature, a changed expiry, a bad name, and a link whose time has passed.
    String url = video.path("url").asString();
    String tampered = url.replaceAll("signature=([^&])", "signature=0$1");
    assertThat(fetch(tampered).statusCode()).isEqualTo(404);
    assertThat(fetch(url.replaceAll("expires=(\\d+)", "expires=9$1")).statusCode()).isEqualTo(404);
    assertThat(fetch(url.replaceAll("name=[^&]+", "name=..%2Fx%22")).statusCode()).isEqualTo(400);
    // Renamed into a page or a program: the stored file's extension only.
    assertThat(fetch(url.replaceAll("name=[^&]+", "name=video.html")).statusCode()).isEqualTo(400);
    assertThat(fetch(url.replaceAll("name=[^&]+", "name=setup.bat")).statusCode()).isEqualTo(400);
    String key =
        URLDecoder.decode(
            URI.create(url).getRawPath().substring(LocalBlobStore.ROUTE.length()),
            StandardCharsets.UTF_8);
    LocalBlobStore store = (LocalBlobStore) blobs;
    URI expired = store.signedUrl(key, Duration.ofSeconds(-5));
    assertThat(fetch(expired.toString()).statusCode()).isEqualTo(404);
    assertThat(fetch(store.signedUrl(key, Duration.ofMinutes(1)).toString()).statusCode())
        .isEqualTo(200);

    // Progress is reported when it reads differently: never the same percent and words twice.
    List<String> lines = new ArrayList<>();
    for (FeedEvent e :
        feed.after(EventCursor.START, RunEventFeed.Filter.run(UUID.fromString(runId)), 10_000)) {
      if (e.event().type().equals("progress")) {
        JsonNode data = JSON.readTree(e.event().data());
        lines.add(
            e.event().stage().orElse("")
                + " "
                + Math.round(data.path("progress").asDouble() * 100)
                + "% "
                + data.path("message").asString());
      }
    }
    assertThat(lines).isNotEmpty();
    for (int i = 1; i < lines.size(); i++) {
      assertThat(lines.get(i))
          .as("progress line %d of %s", i, lines)
          .isNotEqualTo(lines.get(i - 1));
    }

    // Another creator sees neither the run nor its links.
    String other = TestUsers.token(context, "links-other", Role.CREATOR);
    assertThat(api.send("GET", statusUrl, null, other).statusCode()).isEqualTo(404);
    assertThat(api.send("GET", "/api/runs", null, other).body()).doesNotContain(runId);
  }

  private HttpResponse<byte[]> fetch(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static List<String> strings(JsonNode node) {
    List<String> found = new ArrayList<>();
    if (node.isString()) {
      found.add(node.asString());
    }
    node.values().forEach(child -> found.addAll(strings(child)));
    return found;
  }
}
