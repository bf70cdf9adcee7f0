package dev.reelforge.app.ui;

import static dev.reelforge.app.ui.PageSession.expect404;
import static dev.reelforge.app.ui.PageSession.form;
import static dev.reelforge.app.ui.PageSession.location;
import static dev.reelforge.app.ui.PageSession.tagOf;
import static dev.reelforge.app.ui.PageSession.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.MultipartForm.Part;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.clips.ClipCandidate;
import dev.reelforge.core.clips.ClipCandidate.CandidateState;
import dev.reelforge.core.clips.ClipStore;
import dev.reelforge.testkit.TempDirs;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The clips pages over plain HTTP, as a browser sends them (runs without Chromium), with the real
 * FFmpeg: refusals of the upload form come back next to their field in words; a video with its SRT
 * leads to its page, whose analysis is followed live until the page reloads with candidates on a
 * timeline and as cards; keep, discard, re-trim (and a refused one) and framing change what the
 * store holds; an export shows on the page; another user gets 404 pages for every page and form.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.auth-per-minute=10000",
      "reelforge.limits.general-per-minute=100000",
      "reelforge.limits.render-per-minute=10000"
    })
class ClipsPagesTest {

  private static final Path ROOT = tempRoot();
  private static final Duration PATIENCE = Duration.ofMinutes(4);

  @Autowired ApplicationContext context;
  @Autowired ClipStore store;

  private final PageSession pages;

  ClipsPagesTest(@Value("${local.server.port}") int port) {
    this.pages = new PageSession(port);
  }

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "ClipsPagesTest");
    registry.add("reelforge.storage.local-root", () -> ROOT.resolve("blobs").toString());
    registry.add("reelforge.storage.work-root", () -> ROOT.resolve("work").toString());
    registry.add("reelforge.media.render-work-dir", () -> ROOT.resolve("render").toString());
  }

  @AfterAll
  static void cleanUp() {
    TempDirs.deleteTree(ROOT);
  }

  @Test
  void aVideoIsUploadedAnalysedReviewedAndExportedThroughThePages() throws Exception {
    Assumptions.assumeTrue(ClipPageFixtures.ffmpegAvailable(), "needs ffmpeg on the PATH");
    TestUsers.create(context, "clips-pages", Role.CREATOR);
    String owner = pages.signIn("clips-pages");
    HttpResponse<String> list = pages.get("/ui/clips", owner);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("href=\"/ui/clips\"", "enctype=\"multipart/form-data\"", "id=\"no-sources\"");

    // Refusals in words, next to their field; nothing is kept.
    byte[] video =
        Files.readAllBytes(ClipPageFixtures.video(Files.createDirectories(ROOT.resolve("in"))));
    HttpResponse<String> notVideo =
        upload(owner, new Part("file", "talk.mp4", "video/mp4", "just words".getBytes()));
    assertThat(notVideo.statusCode()).isEqualTo(400);
    assertThat(textOf(notVideo.body(), "file-error")).startsWith("This is not a video");
    HttpResponse<String> badTranscript =
        upload(
            owner,
            new Part("file", "talk.mp4", "video/mp4", video),
            new Part("transcript", "talk.srt", "text/plain", "hello there".getBytes()));
    assertThat(badTranscript.statusCode()).isEqualTo(400);
    assertThat(textOf(badTranscript.body(), "transcript-error"))
        .isEqualTo("The transcript must be an SRT or WebVTT text file.");
    assertThat(pages.get("/ui/clips", owner).body()).contains("id=\"no-sources\"");

    // A video with its transcript leads to its page.
    HttpResponse<String> uploaded =
        upload(
            owner,
            new Part("file", "my talk.mp4", "video/mp4", video),
            new Part(
                "transcript",
                "talk.srt",
                "application/x-subrip",
                ClipPageFixtures.srt().getBytes(StandardCharsets.UTF_8)));
    String page = location(uploaded, "/ui/clips/[0-9a-f-]{36}");
    UUID sourceId = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
    assertThat(pages.get("/ui/clips", owner).body()).contains(page, "my talk.mp4", "3:00.0");
    String fresh = pages.get(page, owner).body();
    assertThat(textOf(fresh, "fact-length")).isEqualTo("3:00.0");
    assertThat(textOf(fresh, "fact-picture")).isEqualTo("320×180 at 10 fps");
    assertThat(tagOf(fresh, "source-status")).contains("data-status=\"uploaded\"");
    assertThat(fresh).contains("id=\"analyze-form\"").doesNotContain("id=\"timeline\"");

    // A refused analysis says why next to the field; then one with good options is followed live.
    HttpResponse<String> badOptions =
        pages.post(
            page + "/analyze", form("minSeconds", "50", "maxSeconds", "20", "count", "3"), owner);
    assertThat(badOptions.statusCode()).isEqualTo(400);
    assertThat(textOf(badOptions.body(), "error-maxSeconds")).startsWith("Use at least");
    location(
        pages.post(
            page + "/analyze", form("minSeconds", "15", "maxSeconds", "40", "count", "4"), owner),
        page);
    String ended = awaitAnalysis(page + "/analysis", owner);
    assertThat(ended).contains("data-status=\"succeeded\"");
    String analysed = pages.get(page, owner).body();
    assertThat(tagOf(analysed, "source-status")).contains("data-status=\"analysed\"");
    assertThat(textOf(analysed, "fact-transcript")).contains("word times estimated");
    List<ClipCandidate> candidates = store.candidates(sourceId);
    assertThat(candidates).isNotEmpty().hasSizeLessThanOrEqualTo(4);
    ClipCandidate first = candidates.getFirst();
    assertThat(analysed)
        .contains("id=\"timeline\"", "data-candidate=\"" + first.id() + "\"")
        .contains("id=\"c-" + first.id() + "\"")
        .contains(
            "#t="
                + ClipCards.seconds(first.startMillis())
                + ","
                + ClipCards.seconds(first.endMillis()));

    // Keep, re-trim, frame; a trim past the clip limits is refused on its card.
    String candidate = first.id().toString();
    location(
        pages.post(page + "/candidates", form("candidate", candidate, "action", "keep"), owner),
        page + "#c-" + candidate);
    long start = first.startMillis() / 1000 + 1;
    location(
        pages.post(
            page + "/candidates",
            form(
                "candidate",
                candidate,
                "action",
                "trim",
                "startSeconds",
                String.valueOf(start),
                "endSeconds",
                String.valueOf(start + 20)),
            owner),
        page + "#c-" + candidate);
    location(
        pages.post(
            page + "/candidates",
            form("candidate", candidate, "action", "framing", "framing", "crop", "centerX", "0.3"),
            owner),
        page + "#c-" + candidate);
    ClipCandidate changed = store.candidates(sourceId).getFirst();
    assertThat(changed.state()).isEqualTo(CandidateState.KEPT);
    assertThat(changed.startMillis()).isEqualTo(start * 1000);
    assertThat(changed.endMillis()).isEqualTo((start + 20) * 1000);
    assertThat(changed.reframe().orElseThrow().centerX().getAsDouble()).isEqualTo(0.3);
    HttpResponse<String> tooShort =
        pages.post(
            page + "/candidates",
            form(
                "candidate", candidate, "action", "trim", "startSeconds", "10", "endSeconds", "11"),
            owner);
    assertThat(tooShort.statusCode()).isEqualTo(400);
    assertThat(textOf(tooShort.body(), "error-" + candidate)).startsWith("The end: a clip lasts");
    if (candidates.size() > 1) {
      String second = candidates.get(1).id().toString();
      location(
          pages.post(page + "/candidates", form("candidate", second, "action", "discard"), owner),
          page + "#c-" + second);
      assertThat(store.candidates(sourceId).get(1).state()).isEqualTo(CandidateState.DISCARDED);
    }
    String reviewed = pages.get(page, owner).body();
    assertThat(reviewed).contains("data-state=\"kept\"", "value=\"0.30\"");
    assertThat(reviewed)
        .containsPattern("name=\"candidateIds\" value=\"" + candidate + "\" checked");

    // An export with nothing ticked is refused in words; one with the kept clip shows on the page.
    HttpResponse<String> nothing = pages.post(page + "/export", form("presets", "tiktok"), owner);
    assertThat(nothing.statusCode()).isEqualTo(400);
    assertThat(textOf(nothing.body(), "error-candidateIds"))
        .isEqualTo("Tick at least one clip to export.");
    location(
        pages.post(
            page + "/export",
            form(
                "candidateIds",
                candidate,
                "presets",
                "square",
                "quality",
                "draft",
                "formKey",
                "k1"),
            owner),
        page + "#exports");
    String exports = pages.get(page + "/exports", owner).body();
    assertThat(exports).contains("data-export=", "square");
    assertThat(store.exports(sourceId)).hasSize(1);

    // Another user: every page and form is a 404 page.
    TestUsers.create(context, "clips-pages-other", Role.CREATOR);
    String other = pages.signIn("clips-pages-other");
    List<String> failures = new ArrayList<>();
    for (String path : List.of(page, page + "/analysis", page + "/exports")) {
      expect404(failures, "GET " + path, pages.get(path, other));
    }
    for (String path : List.of(page + "/analyze", page + "/candidates", page + "/export")) {
      expect404(
          failures,
          "POST " + path,
          pages.post(
              path,
              form(
                  "candidate",
                  candidate,
                  "action",
                  "discard",
                  "candidateIds",
                  candidate,
                  "presets",
                  "tiktok"),
              other));
    }
    assertThat(failures).isEmpty();
    assertThat(pages.get("/ui/clips", other).body()).doesNotContain(page);
    assertThat(store.candidates(sourceId).getFirst().state()).isEqualTo(CandidateState.KEPT);
  }

  /** Re-reads the analysis panel while it polls; answers it once it tells htmx to reload. */
  private String awaitAnalysis(String panel, String cookie) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      HttpResponse<String> answer = pages.get(panel, cookie);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      if (answer.headers().firstValue("HX-Refresh").isPresent()) {
        assertThat(answer.body()).doesNotContain("hx-trigger=");
        return answer.body();
      }
      assertThat(answer.body()).contains("hx-trigger=\"every 2s\"");
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still analysing: " + answer.body());
      }
      Thread.sleep(500);
    }
  }

  /** The upload form as a browser posts it. */
  private HttpResponse<String> upload(String cookie, Part... parts) throws Exception {
    return pages.upload("/ui/clips", cookie, parts);
  }

  private static Path tempRoot() {
    try {
      Path root = Files.createTempDirectory("clips-pages-test");
      root.toFile().setExecutable(true, false);
      return root;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
