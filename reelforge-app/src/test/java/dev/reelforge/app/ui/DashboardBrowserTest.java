package dev.reelforge.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard in a real browser (Debian's headless Chromium). A new user's first hour: an admin
 * adds them on the Users page, they sign in with the one-time password and must choose their own,
 * make a video from a paragraph, watch the run reach done through live updates (the page is never
 * reloaded), play it in the page and download it under its title. Then they edit a beat and render
 * again (the new captions say the new words), and another user gets a 404 page for that story.
 * Operators' and admins' pages open with their content. On the Generate page a creator makes a
 * picture and a clip from it, both followed live, plays the clip and downloads it. Every main page
 * is photographed, at desktop and phone width; with {@code -Dreelforge.docs.write=true} the
 * pictures replace those in {@code docs/screenshots/}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.events.poll-interval=100ms",
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.ai-per-minute=10000",
      "reelforge.limits.render-per-minute=10000",
      "reelforge.limits.preview-per-minute=10000",
      "reelforge.limits.general-per-minute=100000",
      "reelforge.limits.auth-per-minute=10000"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

  private static final Path ROOT = tempRoot();
  private static final Path SHOTS = Path.of("target", "screenshots");
  private static final Duration RENDER = Duration.ofMinutes(4);

  private static ChromeDriver browser;
  private static String storyUrl;
  private static String firstRunUrl;

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "DashboardBrowserTest");
    registry.add("reelforge.storage.local-root", () -> ROOT.resolve("blobs").toString());
    registry.add("reelforge.media.render-work-dir", () -> ROOT.resolve("render").toString());
  }

  @BeforeAll
  static void startBrowser() throws IOException {
    Assumptions.assumeTrue(Browser.missing().isEmpty(), Browser.missing().orElse(""));
    browser = Browser.start(Files.createTempDirectory("chromium-profile"));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  @Order(1)
  void aNewUsersFirstHourFromOneTimePasswordToADownloadedVideoWithItsTitle() throws Exception {
    // An admin adds the user on the Users page and is shown the one-time password once.
    TestUsers.create(context, "first-hour-admin", Role.ADMIN);
    browser.get(url("/ui/admin/users"));
    signIn("first-hour-admin", TestUsers.PASSWORD);
    waitFor(() -> browser.getCurrentUrl().endsWith("/ui/admin/users"));
    browser.findElement(By.id("new-username")).sendKeys("browser-creator");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("new-role")))
        .selectByValue("creator");
    browser.findElement(By.id("add-user-button")).click();
    waitFor(() -> !browser.findElements(By.id("one-time-password-value")).isEmpty());
    String oneTime = browser.findElement(By.id("one-time-password-value")).getText();
    assertThat(oneTime).hasSizeGreaterThanOrEqualTo(12);
    browser.manage().deleteAllCookies();

    // The new user signs in with it and must choose a password before anything else.
    browser.get(url("/ui/new"));
    waitFor(() -> browser.getCurrentUrl().contains("/ui/login"));
    assertThat(browser.findElements(By.id("oidc-sign-in")))
        .as("no identity provider is configured, so no button leads to a 404")
        .isEmpty();
    shoot("login");
    signIn("browser-creator", oneTime);
    waitFor(() -> browser.getCurrentUrl().contains("/ui/account/password"));
    assertThat(browser.findElement(By.id("password-required")).getText()).isNotBlank();
    browser.get(url("/ui/new"));
    waitFor(() -> browser.getCurrentUrl().contains("/ui/account/password"));
    browser.findElement(By.id("current-password")).sendKeys(oneTime);
    browser.findElement(By.id("new-password")).sendKeys(TestUsers.PASSWORD);
    browser.findElement(By.id("repeat-password")).sendKeys(TestUsers.PASSWORD);
    browser.findElement(By.id("change-password")).click();
    // On to the page the user was opening.
    waitFor(() -> browser.getCurrentUrl().endsWith("/ui/new"));

    browser.findElement(By.id("kind-paragraph")).click();
    browser
        .findElement(By.id("text"))
        .sendKeys(
            "Octopuses have three hearts and blue blood. Two hearts pump blood through the gills"
                + " while the third serves the rest of the body.");
    browser.findElement(By.id("format-square")).click();
    browser.findElement(By.id("format-tiktok")).click(); // square only: a quicker render
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("quality")))
        .selectByValue("draft");
    shoot("new-video");
    browser.findElement(By.id("create")).click();
    waitFor(() -> browser.getCurrentUrl().contains("/ui/stories/"));
    storyUrl = browser.getCurrentUrl();
    List<WebElement> beats = browser.findElements(By.cssSelector("textarea.beat-text"));
    assertThat(beats).hasSizeGreaterThanOrEqualTo(2);
    // The estimate arrives before the render starts.
    waitFor(() -> !browser.findElements(By.id("estimate-time")).isEmpty());
    assertThat(browser.findElement(By.id("estimate-size")).getText()).endsWith("MB");
    shoot("story-editor");

    browser.findElement(By.id("render")).click();
    waitFor(() -> browser.getCurrentUrl().contains("/ui/runs/"));
    firstRunUrl = browser.getCurrentUrl();
    // A mark on this page: if it survives, the page was updated in place, never reloaded.
    browser.executeScript("window.notReloaded = true;");
    waitForRun("succeeded");
    assertThat(browser.executeScript("return window.notReloaded === true")).isEqualTo(true);
    assertThat(browser.findElement(By.id("event-log")).getText())
        .contains("run.queued", "stage.started", "progress", "run.succeeded");
    shoot("run");

    // The video plays in the page.
    WebElement video = browser.findElement(By.cssSelector("#outputs video"));
    browser.executeScript("arguments[0].muted = true; arguments[0].play();", video);
    waitFor(
        () ->
            ((Number) browser.executeScript("return arguments[0].currentTime", video)).doubleValue()
                > 0.5);
    assertThat(browser.executeScript("return arguments[0].error", video)).isNull();
    assertThat(((Number) browser.executeScript("return arguments[0].videoWidth", video)).intValue())
        .isEqualTo(1080);
    assertThat(browser.findElements(By.linkText("SRT"))).hasSize(1);
    assertThat(browser.findElement(By.id("manifest")).getAttribute("href")).endsWith(".json");

    // The download is named after the video's title, and is the real MP4.
    WebElement download = browser.findElement(By.cssSelector("#outputs a.download-video"));
    assertThat(download.getAttribute("download")).matches("octopuses-[a-z0-9-]*square\\.mp4");
    assertThat(browser.findElement(By.cssSelector("h1")).getText()).containsIgnoringCase("octopus");
    @SuppressWarnings("unchecked")
    List<Object> fetched =
        (List<Object>)
            browser.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(["
                    + " r.status, r.headers.get('Content-Disposition'),"
                    + " String.fromCharCode.apply(null, new Uint8Array(b.slice(4, 8)))])));",
                download.getAttribute("href"));
    assertThat(((Number) fetched.get(0)).intValue()).isEqualTo(200);
    assertThat((String) fetched.get(1)).contains(download.getAttribute("download"));
    assertThat(fetched.get(2)).isEqualTo("ftyp");
  }

  @Test
  @Order(2)
  void anEditedBeatIsRenderedAgainWithItsNewWords() throws Exception {
    Assumptions.assumeTrue(storyUrl != null, "needs the video made by the first test");
    browser.get(storyUrl);
    WebElement first = browser.findElement(By.id("beat-text-0"));
    first.clear();
    first.sendKeys("Zebras sleep standing up in the savanna.");
    browser.findElement(By.id("save-0")).click();
    // htmx swaps the editor: wait for the saved text to come back from the server.
    waitFor(
        () ->
            browser.findElement(By.id("beat-text-0")).getAttribute("value").contains("Zebras")
                && browser.findElements(By.id("editor-error")).isEmpty());
    browser.navigate().refresh();
    assertThat(browser.findElement(By.id("beat-text-0")).getAttribute("value"))
        .isEqualTo("Zebras sleep standing up in the savanna.");

    browser.findElement(By.id("render")).click();
    waitFor(
        () ->
            browser.getCurrentUrl().contains("/ui/runs/")
                && !browser.getCurrentUrl().equals(firstRunUrl));
    waitForRun("succeeded");
    String srt =
        (String)
            browser.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "fetch(document.querySelector('a[download][href$=\".srt\"]').href)"
                    + ".then(r => r.text()).then(done);");
    assertThat(srt).containsIgnoringCase("zebras");
  }

  @Test
  @Order(3)
  void anotherUserGetsANotFoundPageForThatStory() throws Exception {
    Assumptions.assumeTrue(storyUrl != null, "needs the story made by the first test");
    TestUsers.create(context, "browser-other", Role.CREATOR);
    browser.manage().deleteAllCookies();
    browser.get(url("/ui/login"));
    signIn("browser-other");
    waitFor(() -> browser.getCurrentUrl().endsWith("/ui"));
    browser.get(storyUrl);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
    assertThat(browser.findElement(By.id("error-message")).getText()).contains("not found");
    shoot("not-found");
    // The status too, not only the words: the same cookie from outside the browser.
    String cookie = browser.manage().getCookieNamed("rf_session").getValue();
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(storyUrl))
                    .header("Cookie", "rf_session=" + cookie)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(404);
    browser.get(firstRunUrl);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
  }

  @Test
  @Order(4)
  void operatorAndAdminPagesShowTheirContentAtEveryWidth() throws Exception {
    TestUsers.create(context, "browser-admin", Role.ADMIN);
    browser.manage().deleteAllCookies();
    browser.get(url("/ui/login"));
    signIn("browser-admin");
    waitFor(() -> browser.getCurrentUrl().endsWith("/ui"));
    shoot("home");

    browser.get(url("/ui/ops"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Operations");
    assertThat(browser.getPageSource()).contains("Dead letters", "Awaiting review");
    shoot("operations");

    browser.get(url("/ui/admin/users"));
    assertThat(browser.findElement(By.id("credits-browser-creator")).getText()).isNotBlank();
    long before = Long.parseLong(browser.findElement(By.id("credits-browser-other")).getText());
    WebElement row =
        browser.findElement(By.id("credits-browser-other")).findElement(By.xpath(".."));
    row.findElement(By.name("amount")).sendKeys("25");
    row.findElement(By.name("note")).sendKeys("browser test");
    row.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor(
        () ->
            Long.parseLong(browser.findElement(By.id("credits-browser-other")).getText())
                == before + 25);
    shoot("users");

    browser.get(url("/ui/admin/audit"));
    assertThat(browser.getPageSource()).contains("credits.grant");
    shoot("audit");

    browser.get(url("/ui/admin/providers"));
    assertThat(browser.getPageSource()).contains("database", "ffmpeg");
    shoot("providers");

    // Phone width: nothing wider than the screen.
    if (storyUrl != null) {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
      browser.get(firstRunUrl);
      assertThat(
              (Boolean)
                  browser.executeScript(
                      "return document.documentElement.scrollWidth <= window.innerWidth + 1"))
          .as("the run page fits a phone")
          .isTrue();
      Browser.screenshot(browser, SHOTS.resolve("run-phone.png"), 390);
      publish("run-phone");
    }
  }

  @Test
  @Order(5)
  void aPictureAndAClipFromItAreFollowedLiveOnTheGeneratePageAndDownloaded() throws Exception {
    TestUsers.create(context, "browser-generator", Role.CREATOR);
    browser.manage().deleteAllCookies();
    browser.get(url("/ui/login"));
    signIn("browser-generator");
    waitFor(() -> browser.getCurrentUrl().endsWith("/ui"));
    browser.findElement(By.linkText("Generate")).click();
    waitFor(() -> browser.getCurrentUrl().endsWith("/ui/generate"));
    // Only the chosen kind's settings are shown.
    assertThat(browser.findElement(By.id("aspectRatio")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("durationS")).isDisplayed()).isFalse();
    browser.findElement(By.id("prompt")).sendKeys("a red kite over green hills");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("aspectRatio")))
        .selectByValue("16:9");
    browser.findElement(By.id("generate")).click();
    waitFor(() -> browser.getCurrentUrl().contains("/ui/generate/jobs/"));
    String pictureUrl = browser.getCurrentUrl();
    browser.executeScript("window.notReloaded = true;");
    waitForJob();
    assertThat(browser.executeScript("return window.notReloaded === true")).isEqualTo(true);
    WebElement picture = browser.findElement(By.id("job-picture"));
    waitFor(() -> naturalWidth(browser.findElement(By.id("job-picture"))) == 1024);
    assertThat(picture.getAttribute("alt")).isEqualTo("a red kite over green hills");
    waitFor(
        () -> !browser.findElements(By.cssSelector("#gallery figure[data-kind=image]")).isEmpty());

    browser.findElement(By.id("job-make-clip")).click();
    waitFor(() -> browser.findElement(By.id("kind-video")).isSelected());
    assertThat(browser.findElement(By.id("durationS")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("aspectRatio")).isDisplayed()).isFalse();
    browser.findElement(By.id("prompt")).sendKeys("the camera pushes in");
    WebElement duration = browser.findElement(By.id("durationS"));
    duration.clear();
    duration.sendKeys("2");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("resolution")))
        .selectByValue("480p");
    browser.findElement(By.id("generate")).click();
    waitFor(
        () ->
            browser.getCurrentUrl().contains("/ui/generate/jobs/")
                && !browser.getCurrentUrl().equals(pictureUrl));
    waitForJob();
    WebElement clip = browser.findElement(By.id("job-clip"));
    browser.executeScript("arguments[0].muted = true; arguments[0].play();", clip);
    waitFor(
        () ->
            ((Number) browser.executeScript("return arguments[0].currentTime", clip)).doubleValue()
                > 0.3);
    assertThat(((Number) browser.executeScript("return arguments[0].videoHeight", clip)).intValue())
        .isEqualTo(480);
    shoot("generate");

    // The download is the real MP4, saved under the prompt's words.
    WebElement download = browser.findElement(By.id("job-download"));
    assertThat(download.getAttribute("download"))
        .matches("the-camera-pushes-in-[0-9a-f]{12}\\.mp4");
    @SuppressWarnings("unchecked")
    List<Object> fetched =
        (List<Object>)
            browser.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(["
                    + " r.status, r.headers.get('Content-Disposition'),"
                    + " String.fromCharCode.apply(null, new Uint8Array(b.slice(4, 8)))])));",
                download.getAttribute("href"));
    assertThat(((Number) fetched.get(0)).intValue()).isEqualTo(200);
    assertThat((String) fetched.get(1)).contains(download.getAttribute("download"));
    assertThat(fetched.get(2)).isEqualTo("ftyp");
  }

  private static long naturalWidth(WebElement image) {
    return ((Number) browser.executeScript("return arguments[0].naturalWidth", image)).longValue();
  }

  /** Waits for the Generate page's job to succeed, read from its live panel. */
  private void waitForJob() {
    new WebDriverWait(browser, RENDER)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              String shown = d.findElement(By.id("job-status")).getAttribute("data-status");
              assertThat(shown).as(d.findElement(By.id("job")).getText()).isNotEqualTo("failed");
              return shown.equals("succeeded");
            });
  }

  private void signIn(String username) {
    signIn(username, TestUsers.PASSWORD);
  }

  private void signIn(String username, String password) {
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("sign-in")).click();
  }

  private void waitForRun(String status) {
    new WebDriverWait(browser, RENDER)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              String shown = d.findElement(By.id("run-status")).getAttribute("data-status");
              assertThat(shown).as("the run ended otherwise").isNotIn("failed", "cancelled");
              return shown.equals(status);
            });
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, Duration.ofSeconds(60))
        // htmx replaces elements while they are read.
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .withMessage(
            () ->
                "on "
                    + browser.getCurrentUrl()
                    + ": "
                    + browser.findElement(By.tagName("body")).getText())
        .until(d -> condition.getAsBoolean());
  }

  private static void shoot(String name) throws IOException {
    Browser.screenshot(browser, SHOTS.resolve(name + ".png"), 1280);
    publish(name);
  }

  /** With -Dreelforge.docs.write=true, the picture replaces the one in docs/screenshots/. */
  private static void publish(String name) throws IOException {
    if (Boolean.getBoolean("reelforge.docs.write")) {
      Path docs = Path.of("..", "docs", "screenshots");
      Files.createDirectories(docs);
      Files.copy(
          SHOTS.resolve(name + ".png"),
          docs.resolve(name + ".png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static Path tempRoot() {
    try {
      return Files.createTempDirectory("dashboard-browser-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
