package dev.reelforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.ffmpeg.FfmpegLocator;
import dev.reelforge.media.probe.MediaInfo;
import dev.reelforge.media.probe.MediaProbe;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reelforge brand IMAGE}, run in-process with its output captured, offline. */
class BrandCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Cli cli =
      new Cli(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

  @TempDir Path dir;

  @Test
  void itHasItsHelpAndIsInTheListOfCommands() {
    assertThat(cli.run("brand", "--help")).isZero();
    assertThat(stdout())
        .startsWith("usage: reelforge brand IMAGE")
        .contains("--auto-approve", "--engine E", "--style PRESET", "--out DIR", "--data DIR");
    out.reset();
    assertThat(cli.run("--help")).isZero();
    assertThat(stdout()).contains("  brand     a brand picture");
  }

  @Test
  void badOptionsAndFilesThatAreNoPictureAreOneLineBeforeAnythingStarts() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.png"), "just words, named .png");
    Path logo = logo(dir.resolve("logo.png"), new Color(0x2a, 0x6f, 0xdb));
    assertRefuses("reelforge: name the brand picture", "brand");
    assertRefuses(
        "reelforge: " + dir.resolve("missing.png") + ": no such file",
        "brand",
        dir.resolve("missing.png").toString());
    assertRefuses(
        "reelforge: " + notes + ": is not a JPEG, PNG or WebP picture", "brand", notes.toString());
    assertRefuses("reelforge: " + dir + ": is a folder", "brand", dir.toString());
    assertRefuses(
        "reelforge: --engine must be KLING, LUMA or GEMINI_PRO, was 'sora'",
        "brand",
        logo.toString(),
        "--engine",
        "sora");
    assertRefuses("reelforge: unexpected option '--fast'", "brand", logo.toString(), "--fast");
    assertRefuses("reelforge: --out needs a value", "brand", logo.toString(), "--out");
    assertRefuses(
        "reelforge: give one picture: unexpected 'two.png'", "brand", logo.toString(), "two.png");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsOnly("notes.png", "logo.png");
    }
  }

  @Test
  void aLogoBecomesAnAnalysisAStoryboardAndWithAutoApproveBrandVideosInThreeShapes()
      throws Exception {
    Path logo = logo(dir.resolve("acme.png"), new Color(0xe6, 0x39, 0x46));
    Path folder = dir.resolve("out");
    int code =
        cli.run(
            "brand",
            logo.toString(),
            "--out",
            folder.toString(),
            "--style",
            "cinematic",
            "--auto-approve",
            "--data",
            dir.resolve("data").toString(),
            "--reelforge.brand.scene-seconds=2");
    assertThat(code).as(stdout() + stderr()).isZero();
    String printed = stdout();
    assertThat(printed).contains("Palette:", "Scores: physics ", "integrity ", "Flag: none");
    assertThat(printed.lines().filter(l -> l.matches("  #[0-9a-f]{6} .*")).toList())
        .as("the palette holds the logo's colour")
        .anyMatch(BrandCommandTest::isLogoColour);
    assertThat(printed.lines().filter(l -> l.matches("  scene [123]: .+")).count())
        .as("three scenes, then their three clips")
        .isEqualTo(6);
    assertThat(printed).contains("Every scene GREEN; production approved.");
    for (int scene = 1; scene <= 3; scene++) {
      assertThat(ImageIO.read(folder.resolve("scene-" + scene + ".png").toFile()).getWidth())
          .isPositive();
    }
    FfmpegInstallation ffmpeg =
        FfmpegLocator.fromEnvironment(Optional.empty(), Optional.empty()).locate();
    MediaProbe probe = new MediaProbe(ffmpeg, Duration.ofSeconds(30));
    for (List<Object> shape :
        List.of(
            List.<Object>of("9x16", 1080, 1920),
            List.<Object>of("16x9", 1920, 1080),
            List.<Object>of("1x1", 1080, 1080))) {
      Path video = folder.resolve("brand-" + shape.get(0) + ".mp4");
      MediaInfo info = probe.probe(video);
      assertThat(info.video().orElseThrow().width()).as(video.toString()).isEqualTo(shape.get(1));
      assertThat(info.video().orElseThrow().height()).isEqualTo(shape.get(2));
      assertThat(info.audio()).as("music").isPresent();
      assertThat(info.durationSeconds()).as("three 2 s scenes").isBetween(4.0, 9.0);
      assertThat(ImageIO.read(folder.resolve("brand-" + shape.get(0) + ".jpg").toFile()))
          .isNotNull();
    }
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("the work folder is gone")
          .noneMatch(name -> name.startsWith(BrandCommand.WORK_DIR));
    }
  }

  private static boolean isLogoColour(String line) {
    Color c = Color.decode(line.strip().substring(0, 7));
    return Math.abs(c.getRed() - 0xe6) <= 16
        && Math.abs(c.getGreen() - 0x39) <= 16
        && Math.abs(c.getBlue() - 0x46) <= 16;
  }

  private void assertRefuses(String firstLine, String... args) {
    out.reset();
    err.reset();
    assertThat(cli.run(args)).as(String.join(" ", args)).isEqualTo(Cli.EXIT_USAGE);
    assertThat(stderr().lines().toList().getFirst()).startsWith(firstLine);
    assertThat(stderr()).contains("reelforge brand --help").doesNotContain("Exception");
  }

  /** A flat logo: a smooth disc of {@code colour} on white. */
  private static Path logo(Path file, Color colour) throws IOException {
    BufferedImage image = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1024, 1024);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(colour);
    g.fill(new Ellipse2D.Double(205.5, 205.5, 613, 613));
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
