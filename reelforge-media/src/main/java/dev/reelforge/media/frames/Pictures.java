package dev.reelforge.media.frames;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.media.ffmpeg.FfmpegRun;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Reading, scaling, cropping and writing pictures in Java2D, shared by the media engines. */
public final class Pictures {

  private Pictures() {}

  /**
   * Reads any image ImageIO knows; others (WebP, AVIF...) go through FFmpeg first.
   *
   * @throws ReelForgeException {@code INVALID_INPUT} when FFmpeg converts it to nothing ImageIO
   *     reads, {@code RENDER_FAILED} when FFmpeg cannot convert it
   */
  public static BufferedImage read(Path source, FfmpegRun ffmpeg, Path tempDir) {
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

  /**
   * Resizes with bicubic filtering, halving step by step when shrinking a lot so that detail is
   * averaged instead of aliased.
   */
  public static BufferedImage resize(BufferedImage image, int width, int height) {
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

  /** Writes a baseline JPEG at {@code quality} (0 to 1). */
  public static void writeJpeg(BufferedImage image, Path file, float quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam params = writer.getDefaultWriteParam();
    params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    params.setCompressionQuality(quality);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), params);
    } finally {
      writer.dispose();
    }
  }
}
