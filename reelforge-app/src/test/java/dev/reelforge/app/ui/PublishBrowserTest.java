package dev.reelforge.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.StoryRuns;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.licence.EvidenceStore;
import dev.reelforge.core.licence.LicenceEvidence;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.testkit.TempDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Publishing in a real browser (Debian's headless Chromium), offline: on a finished run's page the
 * creator publishes to the local folder (the form carries the browser's time zone), lands on the
 * publication and sees it reach Published with the folder, the page never reloaded; the nav and the
 * run page lead to it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.general-per-minute=100000",
      "reelforge.limits.auth-per-minute=10000",
      "reelforge.limits.render-per-minute=10000"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishBrowserTest {

  private static final Path ROOT = tempRoot();

  private ChromeDriver browser;
  private String runId;

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;
  @Autowired EvidenceStore evidence;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "PublishBrowserTest");
    registry.add("reelforge.storage.local-root", () -> ROOT.resolve("blobs").toString());
    registry.add("reelforge.storage.work-root", () -> ROOT.resolve("work").toString());
    registry.add("reelforge.media.render-work-dir", () -> ROOT.resolve("render").toString());
    registry.add("reelforge.publish.folder", () -> ROOT.resolve("published").toString());
  }

  @BeforeAll
  void aFinishedRunAndABrowser() throws Exception {
    Assumptions.assumeTrue(Browser.missing().isEmpty(), Browser.missing().orElse(""));
    UserAccount user = TestUsers.create(context, "publish-browser", Role.CREATOR);
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
    browser = Browser.start(Files.createTempDirectory("chromium-profile"));
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
    TempDirs.deleteTree(ROOT);
  }

  @Test
  void aCreatorPublishesFromTheRunPageAndWatchesItBecomePublished() throws Exception {
    browser.get(url("/ui/login"));
    browser.findElement(By.id("username")).sendKeys("publish-browser");
    browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    waitFor(() -> browser.getCurrentUrl().endsWith("/ui"), Duration.ofSeconds(60));

    browser.get(url("/ui/runs/" + runId));
    waitFor(() -> !browser.findElements(By.id("publish-form")).isEmpty(), Duration.ofSeconds(30));
    // The script hands the browser's zone to the form, for a schedule time typed in it.
    waitFor(
        () ->
            !browser
                .findElement(By.cssSelector("#publish-form input[name=timeZone]"))
                .getAttribute("value")
                .isEmpty(),
        Duration.ofSeconds(10));
    assertThat(browser.findElement(By.id("platform-local")).isSelected()).isTrue();
    browser.findElement(By.id("publish-title")).sendKeys("Honey keeps");
    browser.findElement(By.id("publish-submit")).click();

    waitFor(() -> browser.getCurrentUrl().contains("/ui/publications/"), Duration.ofSeconds(60));
    String page = browser.getCurrentUrl();
    browser.executeScript("window.notReloaded = true;");
    waitFor(
        () ->
            "published"
                .equals(browser.findElement(By.id("publication")).getAttribute("data-status")),
        Duration.ofSeconds(90));
    assertThat(browser.findElement(By.id("status-local")).getText()).isEqualTo("Published");
    assertThat(browser.executeScript("return window.notReloaded === true")).isEqualTo(true);
    Path folder = Path.of(browser.findElement(By.id("folder-local")).getText());
    assertThat(folder).startsWith(ROOT.resolve("published"));
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".mp4"));
    }
    assertThat(browser.findElement(By.id("publication")).getText()).contains("Honey keeps");
    Browser.screenshot(browser, Path.of("target", "screenshots", "publication.png"), 1280);

    browser.findElement(By.id("nav-publications")).click();
    waitFor(() -> browser.getCurrentUrl().endsWith("/ui/publications"), Duration.ofSeconds(30));
    assertThat(browser.findElement(By.id("publications")).getText())
        .contains("Local folder: Published");
    browser.get(url("/ui/runs/" + runId));
    assertThat(browser.findElement(By.id("run-publications")).getText()).contains("Published");
    assertThat(page).contains("/ui/publications/");
  }

  private void waitFor(BooleanSupplier condition, Duration timeout) {
    new WebDriverWait(browser, timeout)
        .ignoring(StaleElementReferenceException.class)
        .withMessage(
            () ->
                "on "
                    + browser.getCurrentUrl()
                    + ": "
                    + browser.findElement(By.tagName("body")).getText())
        .until(d -> condition.getAsBoolean());
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static Path tempRoot() {
    try {
      return Files.createTempDirectory("publish-browser-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
