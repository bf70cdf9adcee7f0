package dev.reelforge.media.motion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.process.ExternalCommand;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.testing.TestFfmpeg;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaThumbnailsTest {

  private static final FfmpegInstallation FFMPEG = TestFfmpeg.any();

  private final MediaThumbnails thumbnails = new MediaThumbnails(() -> FFMPEG);

  @Test
  void aLandscapePictureBecomesA256PixelWideJpegOfTheSameShape(@TempDir Path dir)
      throws IOException {
    Path png = ClipChecks.striped(dir, "wide.png", 1280, 720);
    Path jpg = thumbnails.ofImage(png, dir.resolve("thumbs/wide.jpg"));
    BufferedImage thumb = readJpeg(jpg);
    assertThat(thumb.getWidth()).isEqualTo(256);
    assertThat(thumb.getHeight()).isEqualTo(144);
  }

  @Test
  void aPortraitPictureIs256PixelsHigh(@TempDir Path dir) throws IOException {
    Path png = ClipChecks.flat(dir, "tall.png", Color.ORANGE, 600, 1000);
    BufferedImage thumb = readJpeg(thumbnails.ofImage(png, dir.resolve("tall.jpg")));
    assertThat(thumb.getHeight()).isEqualTo(256);
    assertThat(thumb.getWidth()).isEqualTo(154);
    double[] colour = ClipChecks.meanColour(thumb.getSubimage(0, 0, 20, 20));
    assertThat(ClipChecks.distance(colour, new double[] {255, 200, 0})).isLessThan(25);
  }

  @Test
  void aSmallPictureIsNotEnlarged(@TempDir Path dir) throws IOException {
    Path png = ClipChecks.flat(dir, "small.png", Color.GREEN, 120, 90);
    BufferedImage thumb = readJpeg(thumbnails.ofImage(png, dir.resolve("small.jpg")));
    assertThat(thumb.getWidth()).isEqualTo(120);
    assertThat(thumb.getHeight()).isEqualTo(90);
  }

  @Test
  void aClipGivesItsFirstFrame(@TempDir Path dir) throws IOException {
    Path clip = dir.resolve("clip.mp4");
    // Red for the first second, then blue: the thumbnail must be red.
    ExternalCommand.Result made =
        FFMPEG
            .ffmpeg(
                List.of(
                    "-hide_banner",
                    "-y",
                    "-f",
                    "lavfi",
                    "-i",
                    "color=c=red:s=640x360:r=24:d=1",
                    "-f",
                    "lavfi",
                    "-i",
                    "color=c=blue:s=640x360:r=24:d=1",
                    "-filter_complex",
                    "[0:v][1:v]concat=n=2:v=1[v]",
                    "-map",
                    "[v]",
                    "-pix_fmt",
                    "yuv420p",
                    clip.toString()),
                Duration.ofMinutes(1))
            .run();
    assertThat(made.succeeded()).as(made.tail(3)).isTrue();

    Path jpg = thumbnails.ofClip(clip, dir.resolve("clip.jpg"));
    BufferedImage thumb = readJpeg(jpg);
    assertThat(thumb.getWidth()).isEqualTo(256);
    assertThat(thumb.getHeight()).isEqualTo(144);
    double[] colour = ClipChecks.meanColour(thumb);
    assertThat(colour[0]).as("red").isGreaterThan(200);
    assertThat(colour[2]).as("not blue").isLessThan(60);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary frame left")
          .containsExactlyInAnyOrder("clip.mp4", "clip.jpg");
    }
  }

  private static BufferedImage readJpeg(Path jpg) throws IOException {
    byte[] start = Files.readAllBytes(jpg);
    assertThat(start[0] & 0xff).as("JPEG SOI").isEqualTo(0xFF);
    assertThat(start[1] & 0xff).isEqualTo(0xD8);
    return ImageIO.read(jpg.toFile());
  }
}
