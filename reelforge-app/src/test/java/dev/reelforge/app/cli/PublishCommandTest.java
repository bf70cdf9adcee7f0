package dev.reelforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.media.ffmpeg.FfmpegLocator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code reelforge publish} and {@code make --publish}: real files, a real MP4 from FFmpeg. */
class PublishCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Cli cli =
      new Cli(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

  @TempDir Path dir;

  @Test
  void publishesAVideoWithItsThumbnailCaptionsAndCopyToTheFolderAndPrintsThePost()
      throws Exception {
    Path video = tinyMp4("honey-never-spoils.mp4");
    Path thumbnail = Files.write(dir.resolve("cover.jpg"), jpegBytes());
    Path srt =
        Files.writeString(dir.resolve("honey.srt"), "1\n00:00:00,000 --> 00:00:01,000\nHi\n");
    Path folder = dir.resolve("published");

    int code =
        cli.run(
            "publish",
            video.toString(),
            "--thumbnail",
            thumbnail.toString(),
            "--captions",
            srt.toString(),
            "--title",
            "Honey never spoils",
            "--description",
            "3,000-year-old honey was still edible.",
            "--hashtags",
            "#honey,facts",
            "--privacy",
            "unlisted",
            "--folder",
            folder.toString(),
            "--data",
            dir.resolve("data").toString());

    assertThat(code).as(stderr()).isZero();
    List<Path> posts = list(folder);
    assertThat(posts).hasSize(1);
    Path post = posts.getFirst();
    assertThat(stdout()).startsWith("Published 'Honey never spoils' to " + post);
    assertThat(post.resolve("honey-never-spoils.mp4")).hasSameBinaryContentAs(video);
    assertThat(post.resolve("honey-never-spoils.jpg")).hasSameBinaryContentAs(thumbnail);
    assertThat(post.resolve("honey-never-spoils.srt")).hasSameBinaryContentAs(srt);
    JsonNode metadata =
        JsonMapper.builder().build().readTree(post.resolve("metadata.json").toFile());
    assertThat(metadata.path("title").asString()).isEqualTo("Honey never spoils");
    assertThat(metadata.path("hashtags").toString()).isEqualTo("[\"honey\",\"facts\"]");
    assertThat(metadata.path("privacy").asString()).isEqualTo("unlisted");
    assertThat(metadata.path("bytes").asLong()).isEqualTo(Files.size(video));
    assertThat(metadata.path("sha256").asString()).hasSize(64).isNotEqualTo("0".repeat(64));
    // Offline and without a server: no database was started in the data folder.
    assertThat(dir.resolve("data").resolve("postgres")).doesNotExist();

    // The same command again is a second post, never an overwrite of the first.
    assertThat(
            cli.run(
                "publish",
                video.toString(),
                "--folder",
                folder.toString(),
                "--data",
                dir.resolve("data").toString()))
        .isZero();
    assertThat(list(folder)).hasSize(2);
  }

  @Test
  void inputsAreCheckedBeforeAnythingIsWritten() throws Exception {
    Path video = tinyMp4("clip.mp4");
    Path notVideo = Files.writeString(dir.resolve("notes.mp4"), "these are notes, not a video");
    Path empty = Files.write(dir.resolve("empty.mp4"), new byte[0]);
    Path folder = dir.resolve("published");

    assertUsageError("reelforge: say which video to publish", "publish");
    assertUsageError(
        "reelforge: " + dir.resolve("missing.mp4") + ": no such file",
        "publish",
        dir.resolve("missing.mp4").toString());
    assertUsageError("reelforge: " + dir + ": is a folder", "publish", dir.toString());
    assertUsageError(
        "reelforge: " + notVideo + ": is not an MP4 video (no 'ftyp' box",
        "publish",
        notVideo.toString());
    assertUsageError("reelforge: " + empty + ": the file is empty", "publish", empty.toString());
    assertUsageError(
        "reelforge: --thumbnail " + notVideo + ": is not a JPEG or PNG picture",
        "publish",
        video.toString(),
        "--thumbnail",
        notVideo.toString());
    assertUsageError(
        "reelforge: --captions " + video + ": captions must be an .srt or .vtt file",
        "publish",
        video.toString(),
        "--captions",
        video.toString());
    assertUsageError(
        "reelforge: --to: unknown platform 'myspace'; one of local, youtube, tiktok",
        "publish",
        video.toString(),
        "--to",
        "myspace");
    assertUsageError(
        "reelforge: --to youtube: publishing there needs the server and a connected account;",
        "publish",
        video.toString(),
        "--to",
        "youtube");
    assertThat(stderr()).contains("use POST /api/publications");
    assertUsageError(
        "reelforge: --privacy must be public, unlisted or private",
        "publish",
        video.toString(),
        "--privacy",
        "friends");
    assertUsageError(
        "reelforge: --title: at most 100 characters on local",
        "publish",
        video.toString(),
        "--title",
        "x".repeat(101));
    assertUsageError(
        "reelforge: give one video (a second: 'other.mp4')",
        "publish",
        video.toString(),
        "other.mp4");
    assertThat(folder).doesNotExist();
  }

  @Test
  void makeWithPublishPostsTheFinishedVideoWithTheScriptsCopy() throws IOException {
    Path script =
        Files.writeString(
            dir.resolve("bees.txt"),
            "Bees find flowers by their colour.\n"
                + "They remember where the nectar was.\n"
                + "A dance tells the hive how far to fly.\n"
                + "Scent marks the flowers already emptied.\n");
    Path folder = dir.resolve("published");

    int code =
        cli.run(
            "make",
            "--script",
            script.toString(),
            "--quality",
            "draft",
            "--music",
            "none",
            "--out",
            dir.resolve("out").toString(),
            "--publish",
            "--data",
            dir.resolve("data").toString(),
            "--reelforge.publish.folder=" + folder,
            "--reelforge.media.render-work-dir=" + dir.resolve("work"));

    assertThat(code).as(stderr()).isZero();
    List<Path> posts = list(folder);
    assertThat(posts).hasSize(1);
    Path post = posts.getFirst();
    assertThat(stdout()).contains("Published '").contains(" to " + post);
    Path made = dir.resolve("out/bees/bees-tiktok.mp4");
    try (Stream<Path> files = Files.list(post)) {
      List<String> names = files.map(f -> f.getFileName().toString()).toList();
      assertThat(names).contains("metadata.json");
      assertThat(names).anyMatch(n -> n.endsWith(".mp4"));
      assertThat(names).anyMatch(n -> n.endsWith(".jpg"));
      assertThat(names).anyMatch(n -> n.endsWith(".srt"));
      assertThat(names).anyMatch(n -> n.endsWith(".vtt"));
      Path published =
          post.resolve(names.stream().filter(n -> n.endsWith(".mp4")).findFirst().get());
      assertThat(published).hasSameBinaryContentAs(made);
    }
    JsonNode metadata =
        JsonMapper.builder().build().readTree(post.resolve("metadata.json").toFile());
    assertThat(metadata.path("title").asString()).isNotBlank();
    assertThat(stdout()).contains("title    " + metadata.path("title").asString());
  }

  /** One second of FFmpeg's test pattern, 64×64, H.264 in MP4. */
  private Path tinyMp4(String name) throws Exception {
    Path ffmpeg =
        FfmpegLocator.fromEnvironment(Optional.empty(), Optional.empty()).locate().ffmpeg();
    Path video = dir.resolve(name);
    Process process =
        new ProcessBuilder(
                ffmpeg.toString(),
                "-v",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=64x64:rate=10:duration=1",
                "-pix_fmt",
                "yuv420p",
                "-y",
                video.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(log).isZero();
    return video;
  }

  /** The first bytes of a JPEG (its start of image and an APP0 marker): all the check reads. */
  private static byte[] jpegBytes() {
    return new byte[] {
      (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'
    };
  }

  private void assertUsageError(String firstLine, String... args) {
    out.reset();
    err.reset();
    assertThat(cli.run(args)).as(stderr()).isEqualTo(Cli.EXIT_USAGE);
    List<String> lines = stderr().lines().toList();
    assertThat(lines).as(stderr()).hasSize(2);
    assertThat(lines.get(0)).startsWith(firstLine);
    assertThat(lines.get(1)).isEqualTo("see reelforge publish --help");
    assertThat(stdout()).isEmpty();
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> posts = Files.list(folder)) {
      return posts.sorted().toList();
    }
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
