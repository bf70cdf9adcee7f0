package dev.reelforge.media.motion;

import dev.reelforge.core.render.Cancellation;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.ffmpeg.FfmpegRun;
import dev.reelforge.media.frames.Pictures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The small JPEG made for every media job's output (seed 004 §6): at most {@value #MAX_SIDE} pixels
 * on the longer side, the shape kept. A picture is scaled in Java2D with bicubic steps (as the
 * render engine scales); a clip gives its first frame, taken with FFmpeg.
 */
public final class MediaThumbnails {

  /** The longer side of a thumbnail, in pixels. */
  public static final int MAX_SIDE = 256;

  private static final float JPEG_QUALITY = 0.85f;

  private static final Duration TIMEOUT = Duration.ofMinutes(1);

  private final Supplier<FfmpegInstallation> ffmpeg;

  /**
   * @param ffmpeg the FFmpeg that reads clips and the pictures ImageIO cannot, located on first use
   */
  public MediaThumbnails(Supplier<FfmpegInstallation> ffmpeg) {
    this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
  }

  /**
   * Writes the thumbnail of a picture (PNG, JPEG; others through FFmpeg) to {@code jpg}.
   *
   * @return {@code jpg}
   */
  public Path ofImage(Path picture, Path jpg) {
    BufferedImage image =
        Pictures.read(
            picture, FfmpegRun.within(ffmpeg.get(), Cancellation.none(), TIMEOUT), scratch(jpg));
    double scale = Math.min(1, MAX_SIDE / (double) Math.max(image.getWidth(), image.getHeight()));
    int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage small = Pictures.resize(image, width, height);
    Path partial = partial(jpg, ".jpg");
    try {
      Pictures.writeJpeg(small, partial, JPEG_QUALITY);
      Files.move(partial, jpg, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return jpg;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(partial);
    }
  }

  /**
   * Writes the thumbnail of a clip's first frame to {@code jpg}.
   *
   * @return {@code jpg}
   */
  public Path ofClip(Path clip, Path jpg) {
    Path frame = partial(jpg, ".png");
    try {
      FfmpegRun.within(ffmpeg.get(), Cancellation.none(), TIMEOUT)
          .run(
              "clip thumbnail",
              List.of("-i", clip.toString(), "-frames:v", "1", "-f", "image2", frame.toString()),
              null);
      return ofImage(frame, jpg);
    } finally {
      deleteQuietly(frame);
    }
  }

  private static Path scratch(Path jpg) {
    return jpg.toAbsolutePath().getParent();
  }

  /** A temporary file beside {@code jpg}, so that the finished one is moved in whole. */
  private static Path partial(Path jpg, String extension) {
    try {
      Files.createDirectories(scratch(jpg));
      return Files.createTempFile(scratch(jpg), ".thumb-", extension);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Only a leftover temporary file; the thumbnail's outcome is already decided.
    }
  }
}
