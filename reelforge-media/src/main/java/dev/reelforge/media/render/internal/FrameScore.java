package dev.reelforge.media.render.internal;

import dev.reelforge.media.frames.Pictures;
import java.awt.image.BufferedImage;

/**
 * How good a picture is as a thumbnail: sharp (high variance of the Laplacian, the standard focus
 * measure) and neither black, blown out nor flat.
 *
 * @param meanLuma average brightness, 0–255
 * @param contrast standard deviation of brightness
 * @param sharpness variance of the Laplacian of brightness
 */
public record FrameScore(double meanLuma, double contrast, double sharpness) {

  /** Darker than this on average reads as a black frame. */
  static final double MIN_LUMA = 28;

  static final double MAX_LUMA = 235;

  /** Less contrast than this is a flat colour or a fade. */
  static final double MIN_CONTRAST = 10;

  /** The width pictures are scored at: enough detail, little work. */
  static final int SCORING_WIDTH = 360;

  public boolean usable() {
    return meanLuma >= MIN_LUMA && meanLuma <= MAX_LUMA && contrast >= MIN_CONTRAST;
  }

  /** Higher is better; an unusable picture always ranks below a usable one. */
  public double rank() {
    return usable() ? sharpness : sharpness / 1e6 - 1;
  }

  public static FrameScore of(BufferedImage picture) {
    int width = Math.min(SCORING_WIDTH, picture.getWidth());
    int height = Math.max(3, picture.getHeight() * width / picture.getWidth());
    BufferedImage small = Pictures.resize(picture, width, height);
    double[][] luma = new double[height][width];
    double sum = 0;
    double sumSquares = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = small.getRGB(x, y);
        double l =
            0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
        luma[y][x] = l;
        sum += l;
        sumSquares += l * l;
      }
    }
    double n = (double) width * height;
    double mean = sum / n;
    double contrast = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
    double lapSum = 0;
    double lapSquares = 0;
    int count = 0;
    for (int y = 1; y < height - 1; y++) {
      for (int x = 1; x < width - 1; x++) {
        double lap =
            luma[y - 1][x] + luma[y + 1][x] + luma[y][x - 1] + luma[y][x + 1] - 4 * luma[y][x];
        lapSum += lap;
        lapSquares += lap * lap;
        count++;
      }
    }
    double lapMean = lapSum / count;
    return new FrameScore(mean, contrast, lapSquares / count - lapMean * lapMean);
  }
}
