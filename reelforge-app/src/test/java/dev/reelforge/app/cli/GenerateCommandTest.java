package dev.reelforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reelforge generate image|video}, run in-process with its output captured. */
class GenerateCommandTest {

  /** The offline video engine, registered as "local" once the media module has it. */
  private static final String OFFLINE_VIDEO_ENGINE =
      "dev.reelforge.media.motion.LocalVideoGenerator";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Cli cli =
      new Cli(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

  @TempDir Path dir;

  @Test
  void eachFormHasItsOwnHelpWithItsOptions() {
    assertThat(cli.run("generate", "--help")).isZero();
    assertThat(stdout())
        .startsWith("usage: reelforge generate image \"PROMPT\"")
        .contains("--quality Q")
        .contains("--end-image FILE")
        .contains("--data DIR");
    out.reset();
    assertThat(cli.run("generate", "video", "--help")).isZero();
    assertThat(stdout())
        .startsWith("usage: reelforge generate video [--image FILE]")
        .contains("--engine NAME")
        .doesNotContain("--quality");
    out.reset();
    assertThat(cli.run("help", "generate", "image")).isZero();
    assertThat(stdout()).startsWith("usage: reelforge generate image").doesNotContain("--fps");
    out.reset();
    assertThat(cli.run("--help")).isZero();
    assertThat(stdout()).contains("  generate  generate a picture or a short clip");
  }

  @Test
  void badOptionsAndUnusablePicturesAreOneLineBeforeAnythingStarts() throws IOException {
    Path notAPicture = Files.writeString(dir.resolve("notes.png"), "just words, named .png");
    Path tiny = picture("tiny.png", 10, 10, "png");
    Path webp =
        Files.write(
            dir.resolve("frame.webp"), "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII));
    Path still = picture("still.png", 320, 180, "png");

    assertGenerateRefuses("reelforge: say what to generate", "generate");
    assertGenerateRefuses(
        "reelforge: generate makes an image or a video, not 'song'", "generate", "song", "x");
    assertGenerateRefuses("reelforge: say what the picture shows", "generate", "image");
    assertGenerateRefuses(
        "reelforge: --aspect must be one of 1:1", "generate", "image", "fox", "--aspect", "2:1");
    assertGenerateRefuses(
        "reelforge: --quality must be standard or hd",
        "generate",
        "image",
        "fox",
        "--quality",
        "ultra");
    assertGenerateRefuses(
        "reelforge: --seed must be a whole number", "generate", "image", "fox", "--seed", "lucky");
    assertGenerateRefuses(
        "reelforge: --fps is an option of generate video",
        "generate",
        "image",
        "fox",
        "--fps",
        "24");
    assertGenerateRefuses(
        "reelforge: --duration must be from 1 to 10, was 11",
        "generate",
        "video",
        "waves",
        "--duration",
        "11");
    assertGenerateRefuses(
        "reelforge: --duration must be a whole number from 1 to 10, was 'five'",
        "generate",
        "video",
        "waves",
        "--duration",
        "five");
    assertGenerateRefuses(
        "reelforge: --fps must be from 12 to 60, was 5",
        "generate",
        "video",
        "waves",
        "--fps",
        "5");
    assertGenerateRefuses(
        "reelforge: --resolution must be one of 480p, 720p, 1080p",
        "generate",
        "video",
        "waves",
        "--resolution",
        "4k");
    assertGenerateRefuses(
        "reelforge: --quality is an option of generate image",
        "generate",
        "video",
        "waves",
        "--quality",
        "hd");
    assertGenerateRefuses(
        "reelforge: --image " + dir.resolve("missing.png") + ": no such file",
        "generate",
        "video",
        "--image",
        dir.resolve("missing.png").toString(),
        "waves");
    assertGenerateRefuses(
        "reelforge: --image " + notAPicture + ": is not a PNG or JPEG picture",
        "generate",
        "video",
        "--image",
        notAPicture.toString(),
        "waves");
    assertGenerateRefuses(
        "reelforge: --image " + webp + ": is not a PNG or JPEG picture (it is WebP",
        "generate",
        "video",
        "--image",
        webp.toString(),
        "waves");
    assertGenerateRefuses(
        "reelforge: --image " + tiny + ": is 10×10 pixels; a frame needs 64",
        "generate",
        "video",
        "--image",
        tiny.toString(),
        "waves");
    assertGenerateRefuses(
        "reelforge: --end-image needs --image",
        "generate",
        "video",
        "--end-image",
        still.toString(),
        "waves");
    assertGenerateRefuses(
        "reelforge: give the prompt once, in quotes: unexpected 'crash'",
        "generate",
        "video",
        "waves",
        "crash");
    assertGenerateRefuses(
        "reelforge: --name may use letters", "generate", "image", "fox", "--name", "../up");
    assertThat(dir.resolve("out")).doesNotExist();
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void anImageIsGeneratedOfflineAsAPngWithItsThumbnail() throws IOException {
    int code =
        cli.run(
            "generate",
            "image",
            "a red fox in the snow",
            "--aspect",
            "16:9",
            "--seed",
            "7",
            "--out",
            dir.resolve("out").toString(),
            "--data",
            dir.resolve("data").toString());

    assertThat(code).as(stderr()).isZero();
    Path png = dir.resolve("out/a-red-fox-in-the-snow.png");
    assertThat(stdout())
        .startsWith("Generating an image with procedural into " + dir.resolve("out"))
        .contains("Done in ")
        .contains(png + " (1024×576)")
        .contains("seed 7; estimated cost $0.02");
    assertThat(stderr()).contains("procedural: generating").contains("procedural: done");
    BufferedImage picture = ImageIO.read(png.toFile());
    assertThat(picture.getWidth()).isEqualTo(1024);
    assertThat(picture.getHeight()).isEqualTo(576);
    BufferedImage thumb = ImageIO.read(dir.resolve("out/a-red-fox-in-the-snow.jpg").toFile());
    assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isEqualTo(256);
    try (var files = Files.list(dir.resolve("out"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("a-red-fox-in-the-snow.png", "a-red-fox-in-the-snow.jpg");
    }
  }

  /**
   * With the offline video engine registered, a still becomes an H.264 clip; before it is, the
   * command says plainly that there is no video engine, in one line.
   */
  @Test
  void aClipIsGeneratedOfflineFromAStillOrTheCommandSaysThereIsNoEngine() throws IOException {
    Path still = picture("harbour.jpg", 640, 360, "jpeg");
    int code =
        cli.run(
            "generate",
            "video",
            "--image",
            still.toString(),
            "--duration",
            "2",
            "--resolution",
            "480p",
            "slow push-in on the harbour",
            "--out",
            dir.resolve("out").toString(),
            "--data",
            dir.resolve("data").toString());

    if (!offlineVideoEngineIsBuilt()) {
      assertThat(code).isEqualTo(1);
      assertThat(stderr().lines().toList())
          .containsExactly(
              "reelforge: no video engine is available in this installation (the offline engine"
                  + " 'local' is registered by the media module; cloud engines need their keys)");
      assertThat(dir.resolve("out")).doesNotExist();
      return;
    }
    assertThat(code).as(stderr()).isZero();
    Path clip = dir.resolve("out/slow-push-in-on-the-harbour.mp4");
    assertThat(stdout())
        .startsWith("Generating a 2 s clip with local into " + dir.resolve("out"))
        .contains("Done in ")
        .contains(clip.toString())
        .contains("engine    local");
    byte[] bytes = Files.readAllBytes(clip);
    assertThat(new String(bytes, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    assertThat(dir.resolve("out/slow-push-in-on-the-harbour.jpg")).isRegularFile();
    assertThat(stderr()).contains("local: ");
  }

  private static boolean offlineVideoEngineIsBuilt() {
    try {
      Class.forName(OFFLINE_VIDEO_ENGINE);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private Path picture(String name, int width, int height, String format) throws IOException {
    Path file = dir.resolve(name);
    ImageIO.write(
        new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, file.toFile());
    return file;
  }

  /**
   * Runs {@code args} with the outputs and data in the test's folder, expecting a usage error: one
   * line that starts with {@code firstLine}, then where the help is, and nothing else.
   */
  private void assertGenerateRefuses(String firstLine, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of("--out", dir.resolve("out").toString(), "--data", dir.resolve("data").toString()));
    out.reset();
    err.reset();
    assertThat(cli.run(all.toArray(String[]::new))).as(stderr()).isEqualTo(Cli.EXIT_USAGE);
    List<String> lines = stderr().lines().toList();
    assertThat(lines).as(stderr()).hasSize(2);
    assertThat(lines.get(0)).startsWith(firstLine);
    assertThat(lines.get(1)).isEqualTo("see reelforge generate --help");
    assertThat(stdout()).isEmpty();
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
