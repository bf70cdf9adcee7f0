package dev.reelforge.app.ui;

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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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

  private static final Pattern SESSION = Pattern.compile("rf_session=([^;]*)");
  private static final Path ROOT = tempRoot();

  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "GeneratePagesTest");
    registry.add("reelforge.storage.local-root", () -> ROOT.resolve("blobs").toString());
    registry.add("reelforge.storage.work-root", () -> ROOT.resolve("work").toString());
  }

  @Test
  void aPictureFromTheFormDownloadsAsAPngAndAClipFromItAsAnH264Mp4() throws Exception {
    TestUsers.create(context, "generate-maker", Role.CREATOR);
    String owner = signIn("generate-maker");
    HttpResponse<String> form = get("/ui/generate", owner);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("id=\"generate-form\"", "Nothing yet")
        .contains("<option value=\"local\"");
    assertThat(get("/ui", owner).body()).as("in the menu").contains("href=\"/ui/generate\"");

    String picturePage =
        started(
            post(
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
    String clipForm = get("/ui/generate?start=" + pictureJob, owner).body();
    assertThat(tagOf(clipForm, "kind-video")).contains("checked");
    assertThat(clipForm).containsPattern("<option value=\"" + pictureJob + "\" selected");
    String clipPage =
        started(
            post(
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
    String gallery = get("/ui/generate", owner).body();
    int clipAt = gallery.indexOf("data-job=\"" + clipPage.substring(clipPage.lastIndexOf('/') + 1));
    int pictureAt = gallery.indexOf("data-job=\"" + pictureJob + "\"");
    assertThat(clipAt).isPositive().isLessThan(pictureAt);
    assertThat(gallery).doesNotContain("Nothing yet");
    assertThat(download(linkOf(gallery, null)).statusCode()).isEqualTo(200);
  }

  @Test
  void aFailedJobSaysWhyAndWhatToDo() throws Exception {
    UserAccount user = TestUsers.create(context, "generate-failer", Role.CREATOR);
    String owner = signIn("generate-failer");
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
    String owner = signIn("generate-typist");
    HttpResponse<String> blank =
        post("/ui/generate", form("kind", "image", "prompt", "  ", "seed", "12"), owner);
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(textOf(blank.body(), "error-prompt")).isEqualTo("Must not be blank.");
    assertThat(tagOf(blank.body(), "seed")).contains("value=\"12\"");

    HttpResponse<String> tooLong =
        post(
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
        post("/ui/generate", form("kind", "image", "prompt", "a kite", "seed", "seven"), owner);
    assertThat(word.statusCode()).isEqualTo(400);
    assertThat(textOf(word.body(), "error-seed")).contains("whole number");

    HttpResponse<String> someoneElses =
        post(
            "/ui/generate",
            form("kind", "video", "prompt", "waves", "startImage", UUID.randomUUID().toString()),
            owner);
    assertThat(someoneElses.statusCode()).isEqualTo(400);
    assertThat(textOf(someoneElses.body(), "error-startImage")).contains("No image job of yours");

    HttpResponse<String> engine =
        post("/ui/generate", form("kind", "video", "prompt", "waves", "engine", "sora"), owner);
    assertThat(engine.statusCode()).isEqualTo(400);
    assertThat(textOf(engine.body(), "error-engine")).contains("local");
    assertThat(get("/ui/generate", owner).body()).as("nothing was started").contains("Nothing yet");
  }

  @Test
  void anotherUsersJobIsANotFoundPageAndAViewerMayNotGenerate() throws Exception {
    TestUsers.create(context, "generate-owner", Role.CREATOR);
    TestUsers.create(context, "generate-intruder", Role.CREATOR);
    TestUsers.create(context, "generate-viewer", Role.VIEWER);
    String owner = signIn("generate-owner");
    String page =
        started(post("/ui/generate", form("kind", "image", "prompt", "a private picture"), owner));
    assertThat(get(page, owner).statusCode()).isEqualTo(200);
    String intruder = signIn("generate-intruder");
    for (String path : new String[] {page, page + "/panel"}) {
      HttpResponse<String> foreign = get(path, intruder);
      assertThat(foreign.statusCode()).as(path).isEqualTo(404);
      assertThat(foreign.body()).contains("Not found").doesNotContain("a private picture");
    }
    assertThat(get("/ui/generate", intruder).body()).doesNotContain("a private picture");
    String viewer = signIn("generate-viewer");
    assertThat(get("/ui/generate", viewer).statusCode()).isEqualTo(403);
    assertThat(post("/ui/generate", form("kind", "image", "prompt", "x"), viewer).statusCode())
        .isEqualTo(403);
    assertThat(get("/ui", viewer).body()).doesNotContain("href=\"/ui/generate\"");
  }

  @Test
  void theQuotaFormChangesAUsersLimitsWhichTheGenerateFormThenEnforces() throws Exception {
    UserAccount user = TestUsers.create(context, "generate-limited", Role.CREATOR);
    TestUsers.create(context, "generate-admin", Role.ADMIN);
    String admin = signIn("generate-admin");
    String quotas = "/ui/admin/users/" + user.id() + "/quotas/image";
    assertThat(get("/ui/admin/users", admin).body()).contains("image 20/200 · video 5/50");

    HttpResponse<String> set = post(quotas, form("daily", "1", "monthly", "3"), admin);
    assertThat(set.statusCode()).isEqualTo(302);
    Quotas.Quota image = quota(user, "image");
    assertThat(image.daily()).isEqualTo(1);
    assertThat(image.monthly()).isEqualTo(3);
    assertThat(image.overridden()).isTrue();
    assertThat(get("/ui/admin/users", admin).body()).contains("image 1/3 (own)");

    // Past the user's own limit the form says so above itself; nothing is started.
    String limited = signIn("generate-limited");
    started(post("/ui/generate", form("kind", "image", "prompt", "the one allowed"), limited));
    HttpResponse<String> refused =
        post("/ui/generate", form("kind", "image", "prompt", "one too many"), limited);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(textOf(refused.body(), "form-error")).isNotBlank();
    assertThat(refused.body()).contains("one too many");

    HttpResponse<String> wrong = post(quotas, form("daily", "5", "monthly", "2"), admin);
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(textOf(wrong.body(), "quota-error-image")).contains("must not exceed monthly");
    assertThat(tagOf(wrong.body(), "quotas-generate-limited")).contains("open");
    assertThat(post(quotas, form("daily", "x", "monthly", "2"), admin).statusCode()).isEqualTo(400);
    assertThat(quota(user, "image").daily()).as("unchanged").isEqualTo(1);
    assertThat(post(quotas, form("daily", "1", "monthly", "2"), limited).statusCode())
        .as("only admins")
        .isEqualTo(403);
    String unknownUser = "/ui/admin/users/" + UUID.randomUUID() + "/quotas/image";
    assertThat(post(unknownUser, form("daily", "1", "monthly", "2"), admin).statusCode())
        .isEqualTo(404);

    HttpResponse<String> reset = post(quotas + "/reset", Map.of(), admin);
    assertThat(reset.statusCode()).isEqualTo(302);
    assertThat(quota(user, "image").overridden()).isFalse();
    assertThat(quota(user, "image").daily()).isEqualTo(20);
    started(post("/ui/generate", form("kind", "image", "prompt", "allowed again"), limited));
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
      HttpResponse<String> answer = get(panel, cookie);
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

  /** The opening tag of the element with {@code id}. */
  private static String tagOf(String page, String id) {
    Matcher m = Pattern.compile("<[a-z]+ [^>]*id=\"" + id + "\"[^>]*>").matcher(page);
    assertThat(m.find()).as(id + " in " + page).isTrue();
    return m.group();
  }

  private static String textOf(String page, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page);
    assertThat(m.find()).as(id + " in " + page).isTrue();
    return m.group(1).strip();
  }

  private HttpResponse<byte[]> download(String link) throws Exception {
    HttpResponse<byte[]> answer =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + link)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(answer.statusCode()).as(link).isEqualTo(200);
    return answer;
  }

  private static Map<String, String> form(String... pairs) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      form.put(pairs[i], pairs[i + 1]);
    }
    return form;
  }

  private String signIn(String username) throws Exception {
    HttpResponse<String> signedIn =
        post("/ui/login", Map.of("username", username, "password", TestUsers.PASSWORD), null);
    Matcher m = SESSION.matcher(signedIn.headers().firstValue("Set-Cookie").orElseThrow());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (cookie != null) {
      request.header("Cookie", "rf_session=" + cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, Map<String, String> form, String cookie)
      throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", "http://localhost:" + port)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (cookie != null) {
      request.header("Cookie", "rf_session=" + cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
