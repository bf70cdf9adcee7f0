package dev.reelforge.app.ui;

import static dev.reelforge.app.ui.PageSession.expect404;
import static dev.reelforge.app.ui.PageSession.location;
import static dev.reelforge.app.ui.PageSession.tagOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.StoryRuns;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.licence.EvidenceStore;
import dev.reelforge.core.licence.LicenceEvidence;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.publish.AccountAccess;
import dev.reelforge.testkit.TempDirs;
import dev.reelforge.testkit.publish.stub.YouTubeStub;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publishing pages over plain HTTP, as a browser sends them (runs without Chromium), offline
 * with YouTube set up against its stub: a finished run's page offers the Publish form; publishing
 * to the local folder leads to the publication's page, polled until it shows {@code published} and
 * the folder (a double submit makes one publication); refusals come back next to their fields with
 * what was typed; a time typed in the browser's zone is scheduled at the right instant and listed
 * in the calendar, its copy edited and then cancelled; another user's publication is a 404 page.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.auth-per-minute=10000",
      "reelforge.limits.general-per-minute=100000",
      "reelforge.limits.render-per-minute=10000",
      "reelforge.limits.publish-per-minute=10000",
      "reelforge.publish.platforms.youtube.enabled=true"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishPagesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final YouTubeStub YOUTUBE = new YouTubeStub("yt-token", Clock.systemUTC());
  private static final Path ROOT = tempRoot();

  @Autowired ApplicationContext context;
  @Autowired EvidenceStore evidence;

  private final int port;
  private final PageSession pages;
  private String runId;
  private String owner;

  PublishPagesTest(@Value("${local.server.port}") int port) {
    this.port = port;
    this.pages = new PageSession(port);
  }

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "PublishPagesTest");
    registry.add("reelforge.storage.local-root", () -> ROOT.resolve("blobs").toString());
    registry.add("reelforge.storage.work-root", () -> ROOT.resolve("work").toString());
    registry.add("reelforge.media.render-work-dir", () -> ROOT.resolve("render").toString());
    registry.add("reelforge.publish.folder", () -> ROOT.resolve("published").toString());
    registry.add("reelforge.publish.platforms.youtube.base-url", YOUTUBE::baseUrl);
  }

  /** No account is connected in this test: every account id is unknown. */
  @TestConfiguration
  static class NoAccounts {
    @Bean
    @Primary
    AccountAccess noAccounts() {
      return (who, account, platform) -> {
        throw ReelForgeException.notFound("Platform account", account);
      };
    }
  }

  @BeforeAll
  void aFinishedRun() throws Exception {
    UserAccount user = TestUsers.create(context, "publish-pages", Role.CREATOR);
    StoryRuns runs = new StoryRuns(new ApiCalls(port), TestUsers.tokenOf(context, user));
    var run = runs.await(runs.start("Honey never spoils."), Duration.ofMinutes(4));
    assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("succeeded");
    runId = run.path("id").asString();
    if (evidence.forRun(UUID.fromString(runId)).isEmpty()) {
      evidence.record(
          UUID.fromString(runId),
          List.of(
              new LicenceEvidence(
                  "beat 1 picture",
                  "picture",
                  MediaLicence.generated("procedural"),
                  "",
                  "",
                  "",
                  Instant.now())));
    }
    owner = pages.signIn("publish-pages");
  }

  @AfterAll
  void cleanUp() {
    YOUTUBE.close();
    TempDirs.deleteTree(ROOT);
  }

  @Test
  void publishingToTheLocalFolderFromTheRunPageEndsPublishedWithTheFolder() throws Exception {
    String runPage = pages.get("/ui/runs/" + runId, owner).body();
    assertThat(tagOf(runPage, "publish-form")).contains("/ui/runs/" + runId + "/publish");
    assertThat(tagOf(runPage, "platform-local")).contains("checked");
    assertThat(runPage)
        .contains("id=\"platform-youtube\"", "account connected yet", "value=\"square\"")
        .contains("href=\"/ui/accounts/platforms\"")
        .contains("Leave these empty to have them written for you");

    Map<String, String> form =
        Map.of("format", "square", "platforms", "local", "privacy", "public", "formKey", "k-1");
    HttpResponse<String> posted = pages.post("/ui/runs/" + runId + "/publish", form, owner);
    String page = location(posted, "/ui/publications/[0-9a-f-]{36}");
    // The same form posted again (a double click) answers the same publication.
    assertThat(location(pages.post("/ui/runs/" + runId + "/publish", form, owner), page))
        .isEqualTo(page);

    String panel = awaitPanel(page + "/panel", owner, "published", "failed", "partially_published");
    assertThat(tagOf(panel, "publication")).contains("data-status=\"published\"");
    assertThat(textOf(panel, "status-local")).isEqualTo("Published");
    Path folder = Path.of(textOf(panel, "folder-local"));
    assertThat(folder).startsWith(ROOT.resolve("published"));
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.endsWith(".mp4"))
          .contains("metadata.json");
    }
    assertThat(panel).doesNotContain("id=\"cancel-publication\"");

    String list = pages.get("/ui/publications", owner).body();
    assertThat(list).contains(page, "data-status=\"published\"");
    assertThat(
            list.split(
                Pattern.quote("data-publication=\"" + page.substring("/ui/publications/".length())),
                -1))
        .as("one publication for the double submit")
        .hasSize(2);
    assertThat(pages.get("/ui/runs/" + runId, owner).body())
        .contains("id=\"run-publications\"", page);
    assertThat(pages.get("/ui", owner).body()).contains("/ui/publications?runId=" + runId);
  }

  @Test
  void aBadFormComesBackWithEachReasonNextToItsFieldAndWhatWasTyped() throws Exception {
    HttpResponse<String> malformed =
        pages.post(
            "/ui/runs/" + runId + "/publish",
            Map.of(
                "platforms", "youtube",
                "account-youtube", "my channel",
                "scheduleAt", "tomorrow at six",
                "description", "<b>Bees</b> make honey"),
            owner);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(textOf(malformed.body(), "error-account-youtube")).startsWith("An account id");
    assertThat(textOf(malformed.body(), "error-scheduleAt")).startsWith("A date and time");
    assertThat(malformed.body())
        .contains("&lt;b&gt;Bees&lt;/b&gt; make honey")
        .doesNotContain("<b>Bees</b>");

    HttpResponse<String> refused =
        pages.post(
            "/ui/runs/" + runId + "/publish",
            Map.of(
                "platforms", "youtube", "description", "Bees make honey", "hashtags", "ok no-dash"),
            owner);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(textOf(refused.body(), "error-account-youtube"))
        .isEqualTo("Youtube needs an account.");
    assertThat(textOf(refused.body(), "error-title")).isEqualTo("A title is required on youtube.");
    assertThat(textOf(refused.body(), "error-hashtags")).contains("'no-dash'");
    assertThat(tagOf(refused.body(), "platform-youtube")).contains("checked");

    HttpResponse<String> nowhere =
        pages.post("/ui/runs/" + runId + "/publish", Map.of("format", "square"), owner);
    assertThat(nowhere.statusCode()).isEqualTo(400);
    assertThat(textOf(nowhere.body(), "error-platforms")).startsWith("Tick at least one");
  }

  @Test
  void aTimeInTheBrowsersZoneIsScheduledListedInTheCalendarEditedAndCancelled() throws Exception {
    ZoneId paris = ZoneId.of("Europe/Paris");
    LocalDateTime wallClock =
        LocalDateTime.now(paris).plusDays(3).withHour(18).truncatedTo(ChronoUnit.HOURS);
    Instant expected = wallClock.atZone(paris).toInstant();
    String page =
        location(
            pages.post(
                "/ui/runs/" + runId + "/publish",
                Map.of(
                    "platforms", "local",
                    "scheduleAt", wallClock.toString(),
                    "timeZone", "Europe/Paris",
                    "title", "Honey keeps",
                    "formKey", "k-scheduled"),
                owner),
            "/ui/publications/[0-9a-f-]{36}");
    String shown = pages.get(page, owner).body();
    assertThat(textOf(shown, "status-local")).isEqualTo("Scheduled");
    String utc =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC)
            .format(expected);
    assertThat(shown).contains("Goes up " + utc, "datetime=\"" + expected + "\"");
    assertThat(tagOf(shown, "publication")).contains("hx-trigger=\"every 2s\"");

    String calendar = pages.get("/ui/publications/calendar", owner).body();
    assertThat(calendar).contains(page, utc, "Local folder: Honey keeps");

    // The copy may change while it waits: a title with < > is refused next to it.
    String target = attributeOf(shown, "data-target");
    HttpResponse<String> refused =
        pages.post(
            page + "/targets/" + target + "/copy",
            Map.of("title", "<Honey>", "description", "Kept for ages"),
            owner);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(textOf(refused.body(), "error-title-local")).contains("< or >");
    assertThat(refused.body()).contains("Kept for ages");
    location(
        pages.post(
            page + "/targets/" + target + "/copy",
            Map.of("title", "Honey keeps forever", "hashtags", "#honey bees"),
            owner),
        page);
    assertThat(pages.get(page, owner).body()).contains("Honey keeps forever", "#honey #bees");

    location(pages.post(page + "/cancel", Map.of(), owner), page);
    String cancelled = pages.get(page + "/panel", owner).body();
    assertThat(tagOf(cancelled, "publication"))
        .contains("data-status=\"cancelled\"")
        .doesNotContain("hx-trigger");
    assertThat(textOf(cancelled, "status-local")).isEqualTo("Cancelled");
    assertThat(pages.get("/ui/publications/calendar", owner).body()).doesNotContain(page);
  }

  @Test
  void anotherUsersPublicationIsA404PageAndTheirRunCannotBePublished() throws Exception {
    String page =
        location(
            pages.post(
                "/ui/runs/" + runId + "/publish",
                Map.of("platforms", "local", "formKey", "k-other"),
                owner),
            "/ui/publications/[0-9a-f-]{36}");
    TestUsers.create(context, "publish-pages-other", Role.CREATOR);
    String other = pages.signIn("publish-pages-other");
    String target = attributeOf(pages.get(page, owner).body(), "data-target");
    List<String> failures = new ArrayList<>();
    for (String path : List.of(page, page + "/panel")) {
      expect404(failures, "GET " + path, pages.get(path, other));
    }
    for (String path :
        List.of(
            page + "/cancel",
            page + "/targets/" + target + "/copy",
            page + "/targets/" + target + "/retry",
            "/ui/runs/" + runId + "/publish")) {
      expect404(failures, "POST " + path, pages.post(path, Map.of("platforms", "local"), other));
    }
    expect404(failures, "GET runId", pages.get("/ui/publications?runId=" + runId, other));
    assertThat(failures).isEmpty();
    assertThat(pages.get("/ui/publications", other).body()).doesNotContain(page);
    assertThat(pages.get("/ui/publications/calendar", other).body()).doesNotContain(page);
    assertThat(pages.get("/ui/runs/" + runId, other).statusCode()).isEqualTo(404);
  }

  /** Re-reads a panel until its data-status is one of {@code ends}, checking it polls meanwhile. */
  private String awaitPanel(String panel, String cookie, String... ends) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
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
      assertThat(opening).as("polled while under way").contains("hx-trigger=\"every 2s\"");
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still under way: " + body);
      }
      Thread.sleep(300);
    }
  }

  private static String textOf(String page, String id) {
    return PageSession.textOf(page, id)
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
  }

  private static String attributeOf(String page, String name) {
    Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(page);
    assertThat(m.find()).as(name + " in " + page).isTrue();
    return m.group(1);
  }

  private static Path tempRoot() {
    try {
      Path root = Files.createTempDirectory("publish-pages-test");
      root.toFile().setExecutable(true, false);
      return root;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
