package dev.reelforge.app.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its own chromedriver (never a downloaded one), with the
 * flags that keep it off the network it cannot reach here. Absent where the packages are not
 * installed ({@code apt-get install chromium chromium-driver}; {@code .ci/run} does).
 */
final class Browser {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private Browser() {}

  /** Why browser tests cannot run here, if they cannot. */
  static Optional<String> missing() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      return Optional.of(
          "browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium,"
              + " /usr/bin/chromedriver): apt-get install chromium chromium-driver");
    }
    return Optional.empty();
  }

  static ChromeDriver start(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--autoplay-policy=no-user-gesture-required",
        "--mute-audio",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }

  /** A screenshot at the given width (full height of the page), saved as a PNG. */
  static void screenshot(ChromeDriver driver, Path file, int width) throws IOException {
    Object height =
        driver.executeScript(
            "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
    int tall = Math.min(2400, Math.max(600, ((Number) height).intValue() + 40));
    driver.manage().window().setSize(new Dimension(width, tall));
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Files.createDirectories(file.getParent());
    Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    driver.manage().window().setSize(new Dimension(1280, 1000));
  }
}
