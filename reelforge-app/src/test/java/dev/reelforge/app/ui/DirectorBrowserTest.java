package dev.reelforge.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
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
 * Director mode in a real browser (Debian's headless Chromium), offline, as issue 26 says it is
 * done: a creator uploads a drawn logo, sees its palette (with the logo's colour) and scores,
 * directs a storyboard, waits for its three previews, turns one scene YELLOW with a sentence and
 * sees the conversation and a changed prompt, re-rolls another (RED), approves every scene and
 * production, follows production live to the end (the page is never reloaded meanwhile) and plays
 * the finished videos in three shapes. Another user gets 404 pages for the upload and storyboard.
 * The timeouts are generous: production and assembly render real video on a small machine.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.events.poll-interval=100ms",
      "reelforge.security.password-hash-cost=4",
      "reelforge.brand.scene-seconds=2",
      "reelforge.limits.general-per-minute=100000",
      "reelforge.limits.auth-per-minute=10000"
    })
class DirectorBrowserTest {

  /** The logo's colour: a flat red-orange on white. */
  private static final Color LOGO = new Color(0xE6, 0x39, 0x46);

  private static final Path ROOT = tempRoot();
  private static final Path SHOTS = Path.of("target", "screenshots");
  private static final Duration ANALYSIS = Duration.ofMinutes(3);
  private static final Duration PREVIEWS = Duration.ofMinutes(5);
  private static final Duration PRODUCTION = Duration.ofMinutes(15);

  private static ChromeDriver browser;

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "DirectorBrowserTest");
    registry.add("reelforge.storage.local-root", () -> ROOT.resolve("blobs").toString());
    registry.add("reelforge.storage.work-root", () -> ROOT.resolve("work").toString());
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
  void aLogoBecomesAReviewedStoryboardAndFinishedBrandVideosInThreeShapes() throws Exception {
    TestUsers.create(context, "director-creator", Role.CREATOR);
    browser.get(url("/ui/login"));
    signIn("director-creator");
    waitFor(() -> browser.getCurrentUrl().endsWith("/ui"), Duration.ofSeconds(60));
    browser.findElement(By.linkText("Director")).click();
    waitFor(() -> browser.getCurrentUrl().endsWith("/ui/director"), Duration.ofSeconds(60));

    // Upload a drawn logo; the page follows its analysis to the card without a reload.
    browser.findElement(By.id("file")).sendKeys(drawLogo().toString());
    browser.findElement(By.id("upload")).click();
    waitFor(() -> browser.getCurrentUrl().contains("/ui/director/jobs/"), Duration.ofSeconds(60));
    String jobUrl = browser.getCurrentUrl();
    browser.executeScript("window.notReloaded = true;");
    waitFor(
        () -> !status("job-status").equals("pending") && !status("job-status").equals("analyzing"),
        ANALYSIS);
    assertThat(status("job-status")).as(text("analysis")).isEqualTo("completed");
    assertThat(browser.executeScript("return window.notReloaded === true")).isEqualTo(true);
    List<String> palette =
        browser.findElements(By.cssSelector("#palette .swatch")).stream()
            .map(s -> s.getAttribute("data-hex"))
            .toList();
    assertThat(palette)
        .as("the palette holds the logo's colour")
        .anyMatch(DirectorBrowserTest::isLogoColour);
    for (String score : List.of("physics", "vibe", "logic", "integrity")) {
      assertThat(browser.findElement(By.id("score-" + score)).getText()).matches("[01]\\.\\d\\d");
    }
    assertThat(browser.findElements(By.cssSelector("[data-score] meter"))).hasSize(4);
    assertThat(naturalWidth(browser.findElement(By.id("brand-image")))).isPositive();
    shoot("director-analysis");

    // Direct a storyboard: three scenes, each with its preview, then review.
    click("direct");
    waitFor(
        () -> browser.getCurrentUrl().contains("/ui/director/storyboards/"),
        Duration.ofSeconds(60));
    String boardUrl = browser.getCurrentUrl();
    browser.executeScript("window.notReloaded = true;");
    waitForReview();
    assertThat(browser.executeScript("return window.notReloaded === true")).isEqualTo(true);
    assertThat(browser.findElements(By.cssSelector("#scenes li.scene"))).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(naturalWidth(browser.findElement(By.id("preview-" + i)))).isPositive();
    }
    assertThat(browser.findElement(By.id("board-engine")).getText())
        .isIn("KLING", "LUMA", "GEMINI_PRO");
    assertThat(browser.findElement(By.id("routing-reason")).getText()).isNotBlank();
    assertThat(browser.findElement(By.id("approve-production")).isEnabled())
        .as("not every scene is GREEN yet")
        .isFalse();
    shoot("director-storyboard");

    // YELLOW: a sentence changes the first scene; the conversation shows both sides.
    String firstPrompt = browser.findElement(By.id("prompt-0")).getText();
    browser.findElement(By.id("feedback-0")).sendKeys("Make it warmer");
    click("yellow-0");
    waitFor(
        () ->
            browser.findElements(By.cssSelector("#thread-0 li")).size() >= 2
                && !browser.findElement(By.id("prompt-0")).getText().equals(firstPrompt)
                && settled(0),
        PREVIEWS);
    waitForReview();
    List<WebElement> thread = browser.findElements(By.cssSelector("#thread-0 li"));
    assertThat(thread.get(0).getAttribute("data-role")).isEqualTo("user");
    assertThat(thread.get(0).getText()).contains("Make it warmer");
    assertThat(thread.get(1).getAttribute("data-role")).isEqualTo("assistant");
    assertThat(light(0)).as("a revised scene needs a fresh look").isEqualTo("PENDING");

    // RED: the second scene is re-rolled, a new prompt and preview.
    String secondPrompt = browser.findElement(By.id("prompt-1")).getText();
    click("red-1");
    waitFor(
        () -> !browser.findElement(By.id("prompt-1")).getText().equals(secondPrompt) && settled(1),
        PREVIEWS);
    waitForReview();
    assertThat(browser.findElements(By.cssSelector("#thread-1 li"))).isEmpty();

    // GREEN on every scene, then production.
    for (int i = 0; i < 3; i++) {
      int scene = i;
      click("green-" + scene);
      waitFor(() -> light(scene).equals("GREEN"), Duration.ofSeconds(90));
    }
    shoot("director-review");
    assertThat(browser.findElement(By.id("approve-production")).isEnabled()).isTrue();
    click("approve-production");
    waitFor(() -> !status("board-status").equals("review"), Duration.ofSeconds(90));
    browser.executeScript("window.notReloaded = true;");
    new WebDriverWait(browser, PRODUCTION)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              String shown = status("board-status");
              assertThat(shown).as(text("board")).isNotEqualTo("failed");
              return shown.equals("completed");
            });
    assertThat(browser.executeScript("return window.notReloaded === true"))
        .as("production followed live")
        .isEqualTo(true);

    // Three finished videos, one per shape, that play; the downloads are the real MP4s.
    List<WebElement> videos = browser.findElements(By.cssSelector("#videos figure"));
    assertThat(videos.stream().map(v -> v.getAttribute("data-aspect")))
        .containsExactlyInAnyOrder("9:16", "16:9", "1:1");
    WebElement vertical = browser.findElement(By.id("video-9x16"));
    browser.executeScript("arguments[0].muted = true; arguments[0].play();", vertical);
    waitFor(
        () ->
            ((Number) browser.executeScript("return arguments[0].currentTime", vertical))
                    .doubleValue()
                > 0.3,
        Duration.ofSeconds(60));
    assertThat(
            ((Number) browser.executeScript("return arguments[0].videoWidth", vertical)).intValue())
        .isEqualTo(1080);
    assertThat(
            ((Number) browser.executeScript("return arguments[0].videoHeight", vertical))
                .intValue())
        .isEqualTo(1920);
    WebElement download = browser.findElement(By.id("download-16x9"));
    assertThat(download.getAttribute("download")).matches("brand-[0-9a-f]{12}-16x9\\.mp4");
    @SuppressWarnings("unchecked")
    List<Object> fetched =
        (List<Object>)
            browser.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(["
                    + " r.status, String.fromCharCode.apply(null, new Uint8Array(b.slice(4, 8)))])));",
                download.getAttribute("href"));
    assertThat(((Number) fetched.get(0)).intValue()).isEqualTo(200);
    assertThat(fetched.get(1)).isEqualTo("ftyp");
    assertThat(browser.findElements(By.cssSelector("#videos img.thumb"))).hasSize(3);
    shoot("director-videos");

    // Another user: the upload and the storyboard are 404 pages.
    TestUsers.create(context, "director-other", Role.CREATOR);
    browser.manage().deleteAllCookies();
    browser.get(url("/ui/login"));
    signIn("director-other");
    waitFor(() -> browser.getCurrentUrl().endsWith("/ui"), Duration.ofSeconds(60));
    for (String page : List.of(jobUrl, boardUrl)) {
      browser.get(page);
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
    }
  }

  /** Waits until the storyboard is in review with nothing being made (its panel stops polling). */
  private void waitForReview() {
    new WebDriverWait(browser, PREVIEWS)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement board = d.findElement(By.id("board"));
              assertThat(board.getAttribute("data-status"))
                  .as(board.getText())
                  .isNotEqualTo("failed");
              return board.getAttribute("data-status").equals("review")
                  && board.getAttribute("data-live").equals("false");
            });
  }

  /** Whether scene {@code index} has its preview and no revision waiting. */
  private static boolean settled(int index) {
    return browser
        .findElement(By.id("scene-" + index))
        .getAttribute("data-revising")
        .equals("false");
  }

  /** Clicks, again if htmx replaced the element meanwhile (the panel is re-read while live). */
  private static void click(String id) {
    waitFor(
        () -> {
          try {
            browser.findElement(By.id(id)).click();
            return true;
          } catch (StaleElementReferenceException e) {
            return false;
          }
        },
        Duration.ofSeconds(60));
  }

  private static boolean isLogoColour(String hex) {
    Color c = Color.decode(hex);
    return Math.abs(c.getRed() - LOGO.getRed()) <= 16
        && Math.abs(c.getGreen() - LOGO.getGreen()) <= 16
        && Math.abs(c.getBlue() - LOGO.getBlue()) <= 16;
  }

  /** A flat logo: a red-orange disc lettered in white on white, 1024 px square. */
  private static Path drawLogo() throws IOException {
    BufferedImage image = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1024, 1024);
    g.setColor(LOGO);
    g.fill(new Ellipse2D.Double(205.5, 165.5, 613, 613));
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 240));
    g.drawString("RF", 345, 557);
    g.dispose();
    Path file = ROOT.resolve("acme-logo.png");
    Files.createDirectories(ROOT);
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  private static String status(String id) {
    return browser.findElement(By.id(id)).getAttribute("data-status");
  }

  private static String light(int scene) {
    return browser.findElement(By.id("light-" + scene)).getAttribute("data-light");
  }

  private static String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static long naturalWidth(WebElement image) {
    return ((Number) browser.executeScript("return arguments[0].naturalWidth", image)).longValue();
  }

  private void signIn(String username) {
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
    browser.findElement(By.id("sign-in")).click();
  }

  private static void waitFor(BooleanSupplier condition, Duration timeout) {
    new WebDriverWait(browser, timeout)
        // htmx replaces elements while they are read.
        .ignoring(StaleElementReferenceException.class)
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
      return Files.createTempDirectory("director-browser-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
