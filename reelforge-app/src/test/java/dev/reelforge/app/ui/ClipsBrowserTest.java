package dev.reelforge.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.app.clips.VideoUploads;
import dev.reelforge.clips.Clips;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.clips.ClipCandidate;
import dev.reelforge.core.clips.ClipCandidate.CandidateState;
import dev.reelforge.core.clips.ClipSource;
import dev.reelforge.core.clips.ClipSource.SourceStatus;
import dev.reelforge.core.clips.ClipStore;
import dev.reelforge.testkit.TempDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * The clips source page in a real browser (Debian's headless Chromium), offline: a source analysed
 * from its SRT shows its timeline and candidate cards with previews; the creator keeps the first
 * candidate (its card and timeline span say so) and exports it, and the export shows on the page.
 * With {@code -Dreelforge.docs.write=true} the page's picture replaces docs/screenshots/clips.png.
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
class ClipsBrowserTest {

  private static final Path ROOT = tempRoot();
  private static final Path SHOTS = Path.of("target", "screenshots");

  private ChromeDriver browser;
  private ClipSource source;

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;
  @Autowired Clips clips;
  @Autowired VideoUploads uploads;
  @Autowired ClipStore store;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "ClipsBrowserTest");
    registry.add("reelforge.storage.local-root", () -> ROOT.resolve("blobs").toString());
    registry.add("reelforge.storage.work-root", () -> ROOT.resolve("work").toString());
    registry.add("reelforge.media.render-work-dir", () -> ROOT.resolve("render").toString());
  }

  @BeforeAll
  void anAnalysedSourceAndABrowser() throws Exception {
    Assumptions.assumeTrue(Browser.missing().isEmpty(), Browser.missing().orElse(""));
    Assumptions.assumeTrue(ClipPageFixtures.ffmpegAvailable(), "needs ffmpeg on the PATH");
    UserAccount user = TestUsers.create(context, "clips-browser", Role.CREATOR);
    Path in = Files.createDirectories(ROOT.resolve("in"));
    Path srt =
        Files.writeString(in.resolve("talk.srt"), ClipPageFixtures.srt(), StandardCharsets.UTF_8);
    source =
        uploads.fromFile(
            user.id(), "founders talk.mp4", ClipPageFixtures.video(in), Optional.of(srt));
    clips.analyze(
        user.id(), source.id(), new Clips.AnalysisRequest(15_000, 40_000, 2, 4), Optional.empty());
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (store.source(source.id()).orElseThrow().status() == SourceStatus.ANALYSING) {
      assertThat(System.nanoTime()).as("analysed in time").isLessThan(deadline);
      Thread.sleep(300);
    }
    assertThat(store.source(source.id()).orElseThrow().status()).isEqualTo(SourceStatus.ANALYSED);
    assertThat(store.candidates(source.id())).isNotEmpty();
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
  void aCreatorKeepsACandidateAndExportsItFromTheSourcePage() throws Exception {
    browser.get(url("/ui/login"));
    browser.findElement(By.id("username")).sendKeys("clips-browser");
    browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    waitFor(() -> browser.getCurrentUrl().endsWith("/ui"), Duration.ofSeconds(60));

    browser.findElement(By.id("nav-clips")).click();
    waitFor(() -> browser.getCurrentUrl().endsWith("/ui/clips"), Duration.ofSeconds(30));
    browser.findElement(By.linkText("founders talk.mp4")).click();
    waitFor(() -> !browser.findElements(By.id("timeline")).isEmpty(), Duration.ofSeconds(30));

    ClipCandidate first = store.candidates(source.id()).getFirst();
    String card = "c-" + first.id();
    assertThat(browser.findElements(By.cssSelector("#timeline rect.span")))
        .hasSize(store.candidates(source.id()).size());
    WebElement preview = browser.findElement(By.cssSelector("#" + card + " video"));
    assertThat(preview.getAttribute("src")).contains("#t=");
    browser.findElement(By.cssSelector("#" + card + " button.keep")).click();
    waitFor(
        () -> "kept".equals(browser.findElement(By.id(card)).getAttribute("data-state")),
        Duration.ofSeconds(30));
    assertThat(store.candidates(source.id()).getFirst().state()).isEqualTo(CandidateState.KEPT);
    assertThat(
            browser
                .findElement(By.cssSelector("rect[data-candidate='" + first.id() + "']"))
                .getAttribute("data-state"))
        .isEqualTo("kept");
    WebElement tick =
        browser.findElement(
            By.cssSelector("#export-form input[name=candidateIds][value='" + first.id() + "']"));
    assertThat(tick.isSelected()).isTrue();
    // The keep answer lands on the card (#c-…): the picture shows the page from its top.
    browser.executeScript("window.scrollTo(0, 0)");
    Browser.screenshot(browser, SHOTS.resolve("clips.png"), 1280);
    publish("clips");

    browser
        .findElement(By.cssSelector("#export-form select[name=quality] option[value=draft]"))
        .click();
    browser.findElement(By.id("export")).click();
    waitFor(
        () -> !browser.findElements(By.cssSelector("#exports [data-export]")).isEmpty(),
        Duration.ofSeconds(30));
    assertThat(browser.findElement(By.id("exports")).getText()).contains("1 clip(s) · tiktok");
    assertThat(store.exports(source.id())).hasSize(1);
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
      Path root = Files.createTempDirectory("clips-browser-test");
      root.toFile().setExecutable(true, false);
      return root;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
