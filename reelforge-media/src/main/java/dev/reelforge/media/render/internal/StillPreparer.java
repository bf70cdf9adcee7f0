package dev.reelforge.media.render.internal;

import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.media.ffmpeg.FfmpegRun;
import dev.reelforge.media.frames.Pictures;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
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
    BufferedImage image = Pictures.read(source, ffmpeg, tempDir);
    BufferedImage frame =
        fit == VisualClip.Fit.FILL
            ? Pictures.cover(image, width, height)
            : fitOverBlur(image, width, height);
    return Atomic.write(prepared, tempDir, file -> ImageIO.write(frame, "bmp", file.toFile()));
  }

  private static BufferedImage fitOverBlur(BufferedImage image, int width, int height) {
    // Blur by scaling a cover copy far down and back up: smooth, and a fraction of the cost of a
    // convolution at full size.
    BufferedImage background =
        Pictures.resize(Pictures.cover(image, width / 16, height / 16), width, height);
    double scale = Math.min((double) width / image.getWidth(), (double) height / image.getHeight());
    int fitWidth = (int) Math.round(image.getWidth() * scale);
    int fitHeight = (int) Math.round(image.getHeight() * scale);
    BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = frame.createGraphics();
    g.drawImage(background, 0, 0, null);
    g.setColor(new Color(0, 0, 0, 90));
    g.fillRect(0, 0, width, height);
    g.drawImage(
        Pictures.resize(image, fitWidth, fitHeight),
        (width - fitWidth) / 2,
        (height - fitHeight) / 2,
        null);
    g.dispose();
    return frame;
  }
}
