package dev.reelforge.media.render.internal;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.media.ffmpeg.FfmpegRun;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Turns a still image into a frame-sized picture once, in Java, so that FFmpeg only has to move
 * pixels per frame: cover-cropped for {@link VisualClip.Fit#FILL}, or centred over a blurred,
 * darkened cover copy for {@link VisualClip.Fit#FIT}. The result is an uncompressed BMP, which
 * FFmpeg reads without decoding work, cached by the source's content hash and the frame size.
 */
public final class StillPreparer {

  private final Path cacheDir;
  private final Path tempDir;

  public StillPreparer(Path cacheDir, Path tempDir) {
    this.cacheDir = cacheDir;
    this.tempDir = tempDir;
  }

  public Path prepare(
      Path source, String sourceHash, VisualClip.Fit fit, int width, int height, FfmpegRun ffmpeg) {
    String key =
        new CacheKey()
            .add("still", sourceHash)
            .add("fit", fit)
            .add("size", width + "x" + height)
            .value();
    Path prepared = cacheDir.resolve(key + ".bmp");
    if (Files.isRegularFile(prepared)) {
      return prepared;
    }
    BufferedImage image = read(source, ffmpeg, tempDir);
    BufferedImage frame =
        fit == VisualClip.Fit.FILL
            ? cover(image, width, height)
            : fitOverBlur(image, width, height);
    return Atomic.write(prepared, tempDir, file -> ImageIO.write(frame, "bmp", file.toFile()));
  }

  /** Reads any image ImageIO knows; others (WebP, AVIF...) go through FFmpeg first. */
  static BufferedImage read(Path source, FfmpegRun ffmpeg, Path tempDir) {
    try {
      BufferedImage image = ImageIO.read(source.toFile());
      if (image == null) {
        Path png = Files.createTempFile(tempDir, "convert-", ".png");
        try {
          ffmpeg.run(
              "image conversion",
              List.of("-i", source.toString(), "-frames:v", "1", png.toString()),
              null);
          image = ImageIO.read(png.toFile());
        } finally {
          Files.deleteIfExists(png);
        }
      }
      if (image == null) {
        throw new ReelForgeException(
            ErrorCode.INVALID_INPUT, source.getFileName() + " is not an image ReelForge can read");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Scales to cover {@code width×height} and crops the centre. */
  public static BufferedImage cover(BufferedImage image, int width, int height) {
    double scale = Math.max((double) width / image.getWidth(), (double) height / image.getHeight());
    int scaledWidth = (int) Math.ceil(image.getWidth() * scale);
    int scaledHeight = (int) Math.ceil(image.getHeight() * scale);
    BufferedImage scaled = resize(image, scaledWidth, scaledHeight);
    BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = frame.createGraphics();
    g.drawImage(scaled, -(scaledWidth - width) / 2, -(scaledHeight - height) / 2, null);
    g.dispose();
    return frame;
  }

  private static BufferedImage fitOverBlur(BufferedImage image, int width, int height) {
    // Blur by scaling a cover copy far down and back up: smooth, and a fraction of the cost of a
    // convolution at full size.
    BufferedImage background = resize(cover(image, width / 16, height / 16), width, height);
    double scale = Math.min((double) width / image.getWidth(), (double) height / image.getHeight());
    int fitWidth = (int) Math.round(image.getWidth() * scale);
    int fitHeight = (int) Math.round(image.getHeight() * scale);
    BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = frame.createGraphics();
    g.drawImage(background, 0, 0, null);
    g.setColor(new Color(0, 0, 0, 90));
    g.fillRect(0, 0, width, height);
    g.drawImage(
        resize(image, fitWidth, fitHeight), (width - fitWidth) / 2, (height - fitHeight) / 2, null);
    g.dispose();
    return frame;
  }

  /**
   * Resizes with bicubic filtering, halving step by step when shrinking a lot so that detail is
   * averaged instead of aliased.
   */
  static BufferedImage resize(BufferedImage image, int width, int height) {
    BufferedImage current = image;
    while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
      current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
    }
    return draw(current, width, height);
  }

  private static BufferedImage draw(BufferedImage image, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(image, 0, 0, width, height, null);
    g.dispose();
    return out;
  }
}
