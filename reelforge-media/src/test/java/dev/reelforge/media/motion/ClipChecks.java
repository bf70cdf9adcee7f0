package dev.reelforge.media.motion;

import dev.reelforge.core.process.ExternalCommand;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Measurements on the offline engine's clips and the pictures they are made from. */
final class ClipChecks {

  private ClipChecks() {}

  /** The MD5 of every decoded frame ({@code -f framemd5}), without the header comments. */
  static List<String> frameHashes(FfmpegInstallation ffmpeg, Path clip, Path scratch)
      throws IOException {
    Path out = Files.createTempFile(scratch, "frames-", ".md5");
    ExternalCommand.Result result =
        ffmpeg
            .ffmpeg(
                List.of(
                    "-hide_banner",
                    "-nostdin",
                    "-y",
                    "-i",
                    clip.toString(),
                    "-f",
                    "framemd5",
                    out.toString()),
                Duration.ofMinutes(1))
            .run();
    if (!result.succeeded()) {
      throw new AssertionError("framemd5 failed: " + result.tail(5));
    }
    List<String> hashes = new ArrayList<>();
    for (String line : Files.readAllLines(out)) {
      if (!line.startsWith("#")) {
        hashes.add(line.strip());
      }
    }
    return hashes;
  }

  /** Frame {@code index} (0-based) exactly, selected by number rather than by seeking. */
  static BufferedImage frame(FfmpegInstallation ffmpeg, Path clip, int index, Path scratch)
      throws IOException {
    Path png = Files.createTempFile(scratch, "frame-", ".png");
    try {
      ExternalCommand.Result result =
          ffmpeg
              .ffmpeg(
                  List.of(
                      "-hide_banner",
                      "-nostdin",
                      "-y",
                      "-i",
                      clip.toString(),
                      "-vf",
                      "select=eq(n\\," + index + ")",
                      "-fps_mode",
                      "passthrough",
                      "-frames:v",
                      "1",
                      png.toString()),
                  Duration.ofMinutes(1))
              .run();
      if (!result.succeeded()) {
        throw new AssertionError("frame " + index + " of " + clip + ": " + result.tail(5));
      }
      BufferedImage image = ImageIO.read(png.toFile());
      if (image == null) {
        throw new AssertionError(clip + " has no frame " + index);
      }
      return image;
    } finally {
      Files.deleteIfExists(png);
    }
  }

  /** Mean red, green and blue. */
  static double[] meanColour(BufferedImage image) {
    double[] sum = new double[3];
    int count = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        sum[0] += (rgb >> 16) & 0xff;
        sum[1] += (rgb >> 8) & 0xff;
        sum[2] += rgb & 0xff;
        count++;
      }
    }
    return new double[] {sum[0] / count, sum[1] / count, sum[2] / count};
  }

  static double distance(double[] a, double[] b) {
    double d = 0;
    for (int i = 0; i < 3; i++) {
      d += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(d);
  }

  /** Mean absolute difference of the grey levels of two pictures of one size. */
  static double meanDifference(BufferedImage a, BufferedImage b) {
    double sum = 0;
    int count = 0;
    for (int y = 0; y < a.getHeight(); y += 2) {
      for (int x = 0; x < a.getWidth(); x += 2) {
        sum += Math.abs(grey(a.getRGB(x, y)) - grey(b.getRGB(x, y)));
        count++;
      }
    }
    return sum / count;
  }

  /**
   * The centre of the pixels close to {@code colour}, in fractions of the picture; null if none.
   */
  static double[] centroid(BufferedImage image, Color colour, int tolerance) {
    double sx = 0;
    double sy = 0;
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        if (Math.abs(((rgb >> 16) & 0xff) - colour.getRed()) <= tolerance
            && Math.abs(((rgb >> 8) & 0xff) - colour.getGreen()) <= tolerance
            && Math.abs((rgb & 0xff) - colour.getBlue()) <= tolerance) {
          sx += x;
          sy += y;
          count++;
        }
      }
    }
    return count < 20
        ? null
        : new double[] {sx / count / image.getWidth(), sy / count / image.getHeight()};
  }

  private static double grey(int rgb) {
    return 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
  }

  /**
   * A picture with detail everywhere (stripes over a gradient), so that any camera move changes the
   * frame.
   */
  static Path striped(Path dir, String name, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(
        new GradientPaint(0, 0, new Color(30, 60, 160), width, height, new Color(240, 200, 40)));
    g.fillRect(0, 0, width, height);
    for (int x = 0; x < width; x += 48) {
      g.setColor(new Color(255, 255, 255, 90 + (x / 48 % 3) * 50));
      g.fillRect(x, 0, 12, height);
    }
    for (int y = 0; y < height; y += 80) {
      g.setColor(new Color(0, 0, 0, 70));
      g.fillRect(0, y, width, 6);
    }
    g.dispose();
    return write(image, dir, name);
  }

  /** Large discs of several colours over a gradient: detail a move shows without fine texture. */
  static Path discs(Path dir, String name, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(
        new GradientPaint(0, 0, new Color(20, 40, 90), width, height, new Color(90, 60, 30)));
    g.fillRect(0, 0, width, height);
    Color[] colours = {Color.ORANGE, Color.CYAN, Color.WHITE, Color.MAGENTA, Color.YELLOW};
    int size = height / 4;
    for (int i = 0; i < 12; i++) {
      g.setColor(colours[i % colours.length]);
      int x = (i * 7 % 12) * width / 12;
      int y = (i * 5 % 4) * height / 4 + (i % 2) * size / 2;
      g.fillOval(x, y, size, size);
    }
    g.dispose();
    return write(image, dir, name);
  }

  /**
   * A red disc (the subject) in the middle of a soft grey gradient crossed by faint vertical
   * stripes at irregular places, which run from border to border and so belong to the background.
   */
  static Path subjectOnBackdrop(Path dir, String name) throws IOException {
    int w = 960;
    int h = 540;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(200, 210, 220), w, h, new Color(120, 140, 150)));
    g.fillRect(0, 0, w, h);
    g.setColor(new Color(0, 0, 40, 50));
    int[][] stripes = {{40, 14}, {150, 30}, {230, 10}, {390, 22}, {520, 12}, {610, 36}, {800, 16}};
    for (int[] stripe : stripes) {
      g.fillRect(stripe[0], 0, stripe[1], h);
    }
    g.setColor(new Color(220, 30, 30));
    g.fillOval(w / 2 - 110, h / 2 - 90, 220, 220);
    g.dispose();
    return write(image, dir, name);
  }

  /**
   * How far the content of a band of rows ({@code fromRow} to {@code toRow}, fractions of the
   * height) moved to the right from {@code a} to {@code b}, in fractions of the width: the shift
   * that best aligns the bands' column profiles.
   */
  static double horizontalShift(BufferedImage a, BufferedImage b, double fromRow, double toRow) {
    double[] pa = columnProfile(a, fromRow, toRow);
    double[] pb = columnProfile(b, fromRow, toRow);
    int w = pa.length;
    int best = 0;
    double bestError = Double.MAX_VALUE;
    for (int shift = -(int) (0.4 * w); shift <= (int) (0.4 * w); shift++) {
      double error = 0;
      int count = 0;
      for (int x = Math.max(0, shift); x < Math.min(w, w + shift); x++) {
        error += Math.abs(pb[x] - pa[x - shift]);
        count++;
      }
      if (error / count < bestError) {
        bestError = error / count;
        best = shift;
      }
    }
    return best / (double) w;
  }

  private static double[] columnProfile(BufferedImage image, double fromRow, double toRow) {
    int y0 = (int) (fromRow * image.getHeight());
    int y1 = (int) (toRow * image.getHeight());
    double[] profile = new double[image.getWidth()];
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = y0; y < y1; y++) {
        profile[x] += grey(image.getRGB(x, y)) / (y1 - y0);
      }
    }
    return profile;
  }

  static Path flat(Path dir, String name, Color colour, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, width, height);
    g.setColor(colour.darker());
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    return write(image, dir, name);
  }

  static Path write(BufferedImage image, Path dir, String name) throws IOException {
    Path file = dir.resolve(name);
    ImageIO.write(image, "png", file.toFile());
    return file;
  }
}
