package dev.reelforge.app.ui;

import static dev.reelforge.app.ui.PageSession.form;
import static dev.reelforge.app.ui.PageSession.tagOf;
import static dev.reelforge.app.ui.PageSession.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.app.security.Quotas;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.mediagen.MediaJobs;
import dev.reelforge.mediagen.VideoJobInput;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Generate page and the Users page's quota form over plain HTTP, as a browser sends them (runs
 * without Chromium), offline: a picture made from the form ends succeeded and downloads as a PNG of
 * the asked shape under the prompt's words; a clip made from that picture downloads as an H.264 MP4
 * of the asked length; both are in the gallery; a failed job says why and what to do; refusals come
 * back next to their fields with what was typed; another user's job is a 404 page; an admin's quota
 * form changes a user's limits, which the Generate form then enforces.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.auth-per-minute=10000",
      "reelforge.limits.general-per-minute=100000",
      "reelforge.limits.media-per-minute=10000"
    })
class GeneratePagesTest {

  private static final Path ROOT = tempRoot();

  private final HttpClient http = HttpClient.newHttpClient();

  @Autowired ApplicationContext context;

  private final int port;
  private final PageSession pages;

  GeneratePagesTest(@Value("${local.server.port}") int port) {
    this.port = port;
    this.pages = new PageSession(port);
  }

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "GeneratePagesTest");
    registry.add("reelforge.storage.local-root", () -> ROOT.resolve("blobs").toString());
    registry.add("reelforge.storage.work-root", () -> ROOT.resolve("work").toString());
  }

  @Test
  void aPictureFromTheFormDownloadsAsAPngAndAClipFromItAsAnH264Mp4() throws Exception {
    TestUsers.create(context, "generate-maker", Role.CREATOR);
    String owner = pages.signIn("generate-maker");
    HttpResponse<String> form = pages.get("/ui/generate", owner);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("id=\"generate-form\"", "Nothing yet")
        .contains("<option value=\"local\"");
    assertThat(pages.get("/ui", owner).body()).as("in the menu").contains("href=\"/ui/generate\"");

    String picturePage =
        started(
            pages.post(
                "/ui/generate",
                form(
                    "kind", "image",
                    "prompt", "a lighthouse on a cliff at dawn",
                    "aspectRatio", "16:9",
                    "quality", "standard",
                    "seed", "7"),
                owner));
    String pictureJob = picturePage.substring(picturePage.lastIndexOf('/') + 1);
    String panel = awaitEnd(picturePage + "/panel", owner);
    assertThat(panel).contains("data-status=\"succeeded\"").contains(">Ready<");
    assertThat(panel).as("no more polling once done").doesNotContain("hx-trigger");
    assertThat(panel).as("the gallery comes along").contains("hx-swap-oob=\"true\"");
    assertThat(panel).contains("id=\"job-picture\"").contains("1024×576");

    HttpResponse<byte[]> png = download(linkOf(panel, "job-download"));
    assertThat(png.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/png");
    assertThat(png.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("a-lighthouse-on-a-cliff-at-dawn-" + pictureJob.substring(24) + ".png");
    BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png.body()));
    assertThat(picture.getWidth()).isEqualTo(1024);
    assertThat(picture.getHeight()).isEqualTo(576);

    // The picture is offered as a clip's start, and preselected by "Make a clip from it".
    String clipForm = pages.get("/ui/generate?start=" + pictureJob, owner).body();
    assertThat(tagOf(clipForm, "kind-video")).contains("checked");
    assertThat(clipForm).containsPattern("<option value=\"" + pictureJob + "\" selected");
    String clipPage =
        started(
            pages.post(
                "/ui/generate",
                form(
                    "kind", "video",
                    "prompt", "the camera pushes in",
                    "startImage", pictureJob,
                    "durationS", "2",
                    "resolution", "480p",
                    "videoAspect", "16:9",
                    "engine", "local",
                    "seed", ""),
                owner));
    String clipPanel = awaitEnd(clipPage + "/panel", owner);
    assertThat(clipPanel).as(clipPanel).contains("data-status=\"succeeded\"");
    assertThat(clipPanel).contains("id=\"job-clip\"").contains("Download MP4");
    HttpResponse<byte[]> clip = download(linkOf(clipPanel, "job-download"));
    assertThat(clip.headers().firstValue("Content-Type").orElseThrow()).startsWith("video/mp4");
    Path mp4 = Files.write(Files.createTempFile(ROOT, "clip", ".mp4"), clip.body());
    Mp4Facts facts = Mp4Facts.read(mp4);
    assertThat(facts.codec()).isEqualTo("avc1");
    assertThat(facts.durationSeconds()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.1));
    assertThat(facts.height()).isEqualTo(480);

    // Both in the gallery, newest first, with thumbnails and downloads.
    String gallery = pages.get("/ui/generate", owner).body();
    int clipAt = gallery.indexOf("data-job=\"" + clipPage.substring(clipPage.lastIndexOf('/') + 1));
    int pictureAt = gallery.indexOf("data-job=\"" + pictureJob + "\"");
    assertThat(clipAt).isPositive().isLessThan(pictureAt);
    assertThat(gallery).doesNotContain("Nothing yet");
    assertThat(download(linkOf(gallery, null)).statusCode()).isEqualTo(200);
  }

  @Test
  void aFailedJobSaysWhyAndWhatToDo() throws Exception {
    UserAccount user = TestUsers.create(context, "generate-failer", Role.CREATOR);
    String owner = pages.signIn("generate-failer");
    // A start frame that is not in the store: the worker cannot read it, and the job fails.
    String missing = "media/" + user.id() + "/frames/" + UUID.randomUUID() + "/start.png";
    String job =
        context
            .getBean(MediaJobs.class)
            .submitVideo(
                user.id(),
                new VideoJobInput(
                    "waves", missing, null, null, null, 2, 24, "480p", "16:9", 1, null),
                Optional.empty())
            .id()
            .toString();
    String panel = awaitEnd("/ui/generate/jobs/" + job + "/panel", owner);
    assertThat(panel).as(panel).contains("data-status=\"failed\"").contains(">Failed<");
    assertThat(textOf(panel, "job-error")).isNotBlank();
    assertThat(textOf(panel, "job-advice")).doesNotContain("_").endsWith(".");
    assertThat(panel).doesNotContain("id=\"job-download\"");
  }

  @Test
  void refusalsComeBackNextToTheirFieldsWithWhatWasTyped() throws Exception {
    TestUsers.create(context, "generate-typist", Role.CREATOR);
    String owner = pages.signIn("generate-typist");
    HttpResponse<String> blank =
        pages.post("/ui/generate", form("kind", "image", "prompt", "  ", "seed", "12"), owner);
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(textOf(blank.body(), "error-prompt")).isEqualTo("Must not be blank.");
    assertThat(tagOf(blank.body(), "seed")).contains("value=\"12\"");

    HttpResponse<String> tooLong =
        pages.post(
            "/ui/generate",
            form("kind", "video", "prompt", "Keep <b>this</b>", "durationS", "11"),
            owner);
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(textOf(tooLong.body(), "error-durationS")).contains("1 to 10");
    assertThat(tooLong.body())
        .contains("Keep &lt;b&gt;this&lt;/b&gt;")
        .doesNotContain("<b>this</b>");
    assertThat(tagOf(tooLong.body(), "kind-video")).contains("checked");

    HttpResponse<String> word =
        pages.post(
            "/ui/generate", form("kind", "image", "prompt", "a kite", "seed", "seven"), owner);
    assertThat(word.statusCode()).isEqualTo(400);
    assertThat(textOf(word.body(), "error-seed")).contains("whole number");

    HttpResponse<String> someoneElses =
        pages.post(
            "/ui/generate",
            form("kind", "video", "prompt", "waves", "startImage", UUID.randomUUID().toString()),
            owner);
    assertThat(someoneElses.statusCode()).isEqualTo(400);
    assertThat(textOf(someoneElses.body(), "error-startImage")).contains("No image job of yours");

    HttpResponse<String> engine =
        pages.post(
            "/ui/generate", form("kind", "video", "prompt", "waves", "engine", "sora"), owner);
    assertThat(engine.statusCode()).isEqualTo(400);
    assertThat(textOf(engine.body(), "error-engine")).contains("local");
    assertThat(pages.get("/ui/generate", owner).body())
        .as("nothing was started")
        .contains("Nothing yet");
  }

  @Test
  void anotherUsersJobIsANotFoundPageAndAViewerMayNotGenerate() throws Exception {
    TestUsers.create(context, "generate-owner", Role.CREATOR);
    TestUsers.create(context, "generate-intruder", Role.CREATOR);
    TestUsers.create(context, "generate-viewer", Role.VIEWER);
    String owner = pages.signIn("generate-owner");
    String page =
        started(
            pages.post(
                "/ui/generate", form("kind", "image", "prompt", "a private picture"), owner));
    assertThat(pages.get(page, owner).statusCode()).isEqualTo(200);
    String intruder = pages.signIn("generate-intruder");
    for (String path : new String[] {page, page + "/panel"}) {
      HttpResponse<String> foreign = pages.get(path, intruder);
      assertThat(foreign.statusCode()).as(path).isEqualTo(404);
      assertThat(foreign.body()).contains("Not found").doesNotContain("a private picture");
    }
    assertThat(pages.get("/ui/generate", intruder).body()).doesNotContain("a private picture");
    String viewer = pages.signIn("generate-viewer");
    assertThat(pages.get("/ui/generate", viewer).statusCode()).isEqualTo(403);
    assertThat(
            pages.post("/ui/generate", form("kind", "image", "prompt", "x"), viewer).statusCode())
        .isEqualTo(403);
    assertThat(pages.get("/ui", viewer).body()).doesNotContain("href=\"/ui/generate\"");
  }

  @Test
  void theQuotaFormChangesAUsersLimitsWhichTheGenerateFormThenEnforces() throws Exception {
    UserAccount user = TestUsers.create(context, "generate-limited", Role.CREATOR);
    TestUsers.create(context, "generate-admin", Role.ADMIN);
    String admin = pages.signIn("generate-admin");
    String quotas = "/ui/admin/users/" + user.id() + "/quotas/image";
    assertThat(pages.get("/ui/admin/users", admin).body()).contains("image 20/200 · video 5/50");

    HttpResponse<String> set = pages.post(quotas, form("daily", "1", "monthly", "3"), admin);
    assertThat(set.statusCode()).isEqualTo(302);
    Quotas.Quota image = quota(user, "image");
    assertThat(image.daily()).isEqualTo(1);
    assertThat(image.monthly()).isEqualTo(3);
    assertThat(image.overridden()).isTrue();
    assertThat(pages.get("/ui/admin/users", admin).body()).contains("image 1/3 (own)");

    // Past the user's own limit the form says so above itself; nothing is started.
    String limited = pages.signIn("generate-limited");
    started(
        pages.post("/ui/generate", form("kind", "image", "prompt", "the one allowed"), limited));
    HttpResponse<String> refused =
        pages.post("/ui/generate", form("kind", "image", "prompt", "one too many"), limited);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(textOf(refused.body(), "form-error")).isNotBlank();
    assertThat(refused.body()).contains("one too many");

    HttpResponse<String> wrong = pages.post(quotas, form("daily", "5", "monthly", "2"), admin);
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(textOf(wrong.body(), "quota-error-image")).contains("must not exceed monthly");
    assertThat(tagOf(wrong.body(), "quotas-generate-limited")).contains("open");
    assertThat(pages.post(quotas, form("daily", "x", "monthly", "2"), admin).statusCode())
        .isEqualTo(400);
    assertThat(quota(user, "image").daily()).as("unchanged").isEqualTo(1);
    assertThat(pages.post(quotas, form("daily", "1", "monthly", "2"), limited).statusCode())
        .as("only admins")
        .isEqualTo(403);
    String unknownUser = "/ui/admin/users/" + UUID.randomUUID() + "/quotas/image";
    assertThat(pages.post(unknownUser, form("daily", "1", "monthly", "2"), admin).statusCode())
        .isEqualTo(404);

    HttpResponse<String> reset = pages.post(quotas + "/reset", Map.of(), admin);
    assertThat(reset.statusCode()).isEqualTo(302);
    assertThat(quota(user, "image").overridden()).isFalse();
    assertThat(quota(user, "image").daily()).isEqualTo(20);
    started(pages.post("/ui/generate", form("kind", "image", "prompt", "allowed again"), limited));
  }

  private Quotas.Quota quota(UserAccount user, String kind) {
    return context.getBean(Quotas.class).of(user.id()).stream()
        .filter(q -> q.kind().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  /** The job page a successful form post leads to. */
  private static String started(HttpResponse<String> posted) {
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
    String page =
        posted.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
    assertThat(page).matches("/ui/generate/jobs/[0-9a-f-]{36}");
    return page;
  }

  private String awaitEnd(String panel, String cookie) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      HttpResponse<String> answer = pages.get(panel, cookie);
      assertThat(answer.statusCode()).isEqualTo(200);
      String body = answer.body();
      if (body.contains("data-status=\"succeeded\"") || body.contains("data-status=\"failed\"")) {
        return body;
      }
      assertThat(body).as("polled while it runs").contains("hx-trigger=\"every 1s\"");
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still running: " + body);
      }
      Thread.sleep(200);
    }
  }

  /** The href of the element with {@code id}, or of the gallery's first download. */
  private static String linkOf(String page, String id) {
    Pattern tag =
        Pattern.compile(
            id == null ? "<a [^>]*class=\"download\"[^>]*>" : "<a [^>]*id=\"" + id + "\"[^>]*>");
    Matcher found = tag.matcher(page);
    assertThat(found.find()).as(page).isTrue();
    Matcher href = Pattern.compile("href=\"([^\"]+)\"").matcher(found.group());
    assertThat(href.find()).isTrue();
    return href.group(1).replace("&amp;", "&");
  }

  private HttpResponse<byte[]> download(String link) throws Exception {
    HttpResponse<byte[]> answer =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + link)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(answer.statusCode()).as(link).isEqualTo(200);
    return answer;
  }

  private static Path tempRoot() {
    try {
      Path root = Files.createTempDirectory("generate-pages-test");
      root.toFile().setExecutable(true, false);
      return root;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
