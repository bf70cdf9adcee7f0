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
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Director pages over plain HTTP, as a browser sends them (runs without Chromium), offline: an
 * upload that is not a picture comes back with the reason; a drawn logo leads to its analysis card,
 * polled while analysed and then showing the palette, scores and the storyboard form; a storyboard
 * is polled until its previews wait for review; refusals (production before every scene is GREEN, a
 * YELLOW without words) come back in words with their status; another user gets 404 pages for every
 * page and form of the upload and the storyboard, and a viewer may not upload.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.auth-per-minute=10000",
      "reelforge.limits.general-per-minute=100000"
    })
class DirectorPagesTest {

  private static final Path ROOT = tempRoot();
  private static final Duration PATIENCE = Duration.ofMinutes(5);

  @Autowired ApplicationContext context;

  private final PageSession pages;

  DirectorPagesTest(@Value("${local.server.port}") int port) {
    this.pages = new PageSession(port);
  }

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "DirectorPagesTest");
    registry.add("reelforge.storage.local-root", () -> ROOT.resolve("blobs").toString());
    registry.add("reelforge.storage.work-root", () -> ROOT.resolve("work").toString());
  }

  @Test
  void anUploadIsAnalysedDirectedAndReviewedThroughThePagesWithRefusalsInWords() throws Exception {
    TestUsers.create(context, "director-pages", Role.CREATOR);
    String owner = pages.signIn("director-pages");
    HttpResponse<String> page = pages.get("/ui/director", owner);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("href=\"/ui/director\"", "enctype=\"multipart/form-data\"", "Nothing yet");

    // Not a picture: the page says so, nothing is kept.
    HttpResponse<String> refused =
        upload("notes.png", "image/png", "just some words".getBytes(StandardCharsets.UTF_8), owner);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(textOf(refused.body(), "form-error")).startsWith("The picture ");
    assertThat(pages.get("/ui/director", owner).body()).contains("Nothing yet");

    // A drawn logo: its card is polled while analysed, then shows what was found.
    HttpResponse<String> uploaded = upload("acme logo.png", "image/png", logo(), owner);
    String jobPage = location(uploaded, "/ui/director/jobs/[0-9a-f-]{36}");
    String card =
        awaitPanel(jobPage + "/panel", owner, "every 2s", "completed", "flagged", "failed");
    assertThat(tagOf(card, "analysis")).as(card).contains("data-status=\"completed\"");
    assertThat(card).doesNotContain("hx-trigger=");
    assertThat(card).contains("class=\"swatch\"", "<meter", "id=\"score-integrity\"");
    assertThat(card).contains("id=\"direct-form\"", "value=\"KLING\"", "value=\"GEMINI_PRO\"");
    assertThat(pages.get("/ui/director", owner).body())
        .contains(jobPage, "data-status=\"completed\"");

    // Direct a storyboard; its panel is polled until the previews wait for review.
    HttpResponse<String> directed =
        pages.post(jobPage + "/direct", form("stylePreset", "cinematic", "engine", "LUMA"), owner);
    String boardPage = location(directed, "/ui/director/storyboards/[0-9a-f-]{36}");
    String board = awaitPanel(boardPage + "/panel", owner, "every 2s", "review", "failed");
    assertThat(tagOf(board, "board")).contains("data-status=\"review\"");
    assertThat(textOf(board, "board-engine")).isEqualTo("LUMA");
    assertThat(tagOf(board, "approve-production")).contains("disabled");
    assertThat(textOf(board, "production-blocked"))
        .isEqualTo("3 of 3 scenes still need your GREEN.");

    // Refusals in words, with their status.
    HttpResponse<String> early = pages.post(boardPage + "/production", Map.of(), owner);
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(textOf(early.body(), "form-error")).contains("not GREEN");
    HttpResponse<String> wordless =
        pages.post(
            boardPage + "/scenes/0/refine", form("status", "YELLOW", "feedback", "  "), owner);
    assertThat(wordless.statusCode()).isEqualTo(400);
    assertThat(textOf(wordless.body(), "error-0"))
        .isEqualTo("Feedback required for YELLOW status.");
    HttpResponse<String> tooLong =
        pages.post(
            boardPage + "/scenes/0/refine",
            form("status", "YELLOW", "feedback", "x".repeat(501)),
            owner);
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(textOf(tooLong.body(), "error-0")).contains("500");
    assertThat(pages.post(boardPage + "/scenes/7/approve", Map.of(), owner).statusCode())
        .isEqualTo(404);

    // GREEN on one scene.
    HttpResponse<String> green = pages.post(boardPage + "/scenes/2/approve", Map.of(), owner);
    assertThat(location(green, boardPage)).isEqualTo(boardPage);
    assertThat(tagOf(pages.get(boardPage, owner).body(), "light-2"))
        .contains("data-light=\"GREEN\"");

    // Another user: every page and form is a 404 page; a viewer may not upload.
    TestUsers.create(context, "director-pages-other", Role.CREATOR);
    String other = pages.signIn("director-pages-other");
    List<String> failures = new ArrayList<>();
    for (String path : List.of(jobPage, jobPage + "/panel", boardPage, boardPage + "/panel")) {
      expect404(failures, "GET " + path, pages.get(path, other));
    }
    for (String path :
        List.of(
            jobPage + "/direct",
            boardPage + "/scenes/0/approve",
            boardPage + "/scenes/0/refine",
            boardPage + "/production")) {
      expect404(failures, "POST " + path, pages.post(path, form("status", "RED"), other));
    }
    assertThat(failures).isEmpty();
    assertThat(pages.get("/ui/director", other).body()).doesNotContain(jobPage);
    TestUsers.create(context, "director-pages-viewer", Role.VIEWER);
    String viewer = pages.signIn("director-pages-viewer");
    assertThat(pages.get("/ui/director", viewer).statusCode()).isEqualTo(403);
    assertThat(upload("logo.png", "image/png", logo(), viewer).statusCode()).isEqualTo(403);
  }

  /** Re-reads a panel until its data-status is one of {@code ends}, checking it polls meanwhile. */
  private String awaitPanel(String panel, String cookie, String trigger, String... ends)
      throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      HttpResponse<String> answer = pages.get(panel, cookie);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      String body = answer.body();
      String opening = body.substring(0, body.indexOf('>') + 1);
      for (String end : ends) {
        if (opening.contains("data-status=\"" + end + "\"") && !opening.contains("hx-trigger")) {
          return body;
        }
      }
      assertThat(opening)
          .as("polled while something is made")
          .contains("hx-trigger=\"" + trigger + "\"");
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still under way: " + body);
      }
      Thread.sleep(500);
    }
  }

  /** A flat logo: a smooth teal disc on white. */
  private static byte[] logo() throws IOException {
    BufferedImage image = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1024, 1024);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(0x1d, 0x9a, 0x8c));
    g.fill(new Ellipse2D.Double(205.5, 205.5, 613, 613));
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    return png.toByteArray();
  }

  /** The upload form as a browser posts it: one multipart part named {@code file}. */
  private HttpResponse<String> upload(String filename, String type, byte[] bytes, String cookie)
      throws Exception {
    return pages.upload("/ui/director", cookie, new Part("file", filename, type, bytes));
  }

  private static Path tempRoot() {
    try {
      Path root = Files.createTempDirectory("director-pages-test");
      root.toFile().setExecutable(true, false);
      return root;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
