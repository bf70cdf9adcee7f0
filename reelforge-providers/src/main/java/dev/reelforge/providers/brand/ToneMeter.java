package dev.reelforge.providers.brand;

import dev.reelforge.core.brand.BrandAnalysis.Look;
import dev.reelforge.core.brand.BrandAnalysis.Texture;

/**
 * Global tone and texture of a picture: brightness (mean luma), contrast (RMS luma contrast,
 * doubled and capped), saturation (mean HSV S), colourfulness (Hasler and Süsstrunk 2003, divided
 * by 150 and capped), edge density (share of Sobel edges), texture density (share of pixels whose
 * 5×5 neighbourhood has a luma standard deviation above {@link #TEXTURE_STD}) and straightness
 * (share of edges running within 10° of horizontal or vertical: type, frames, grids).
 */
final class ToneMeter {

  static final double TEXTURE_STD = 10;
  private static final double STRAIGHT_DEGREES = 10;

  record Tone(Look look, Texture texture, double straightness) {}

  private ToneMeter() {}

  static Tone measure(Raster raster, float[] luma, Gradients gradients) {
    int n = raster.pixels();
    double sumY = 0;
    double sumY2 = 0;
    double sumS = 0;
    double sumRg = 0;
    double sumRg2 = 0;
    double sumYb = 0;
    double sumYb2 = 0;
    for (int i = 0; i < n; i++) {
      double r = raster.red[i];
      double g = raster.green[i];
      double b = raster.blue[i];
      double y = luma[i] / 255.0;
      sumY += y;
      sumY2 += y * y;
      double max = Math.max(r, Math.max(g, b));
      double min = Math.min(r, Math.min(g, b));
      sumS += max <= 0 ? 0 : (max - min) / max;
      double rg = r - g;
      double yb = 0.5 * (r + g) - b;
      sumRg += rg;
      sumRg2 += rg * rg;
      sumYb += yb;
      sumYb2 += yb * yb;
    }
    double brightness = sumY / n;
    double deviation = Math.sqrt(Math.max(0, sumY2 / n - brightness * brightness));
    double meanRg = sumRg / n;
    double meanYb = sumYb / n;
    double sdRg = Math.sqrt(Math.max(0, sumRg2 / n - meanRg * meanRg));
    double sdYb = Math.sqrt(Math.max(0, sumYb2 / n - meanYb * meanYb));
    double colourfulness = Math.hypot(sdRg, sdYb) + 0.3 * Math.hypot(meanRg, meanYb);
    Look look =
        new Look(unit(brightness), unit(2 * deviation), unit(sumS / n), unit(colourfulness / 150));
    int edges = 0;
    int straight = 0;
    double tolerance = Math.sin(Math.toRadians(STRAIGHT_DEGREES));
    for (int i = 0; i < n; i++) {
      if (gradients.edge(i)) {
        edges++;
        double m = gradients.magnitude[i];
        if (Math.abs(gradients.gx[i]) / m < tolerance
            || Math.abs(gradients.gy[i]) / m < tolerance) {
          straight++;
        }
      }
    }
    double textured = texturedShare(luma, raster.width, raster.height);
    return new Tone(
        look,
        new Texture(unit((double) edges / n), unit(textured)),
        edges == 0 ? 0 : (double) straight / edges);
  }

  /** Share of pixels whose 5×5 luma standard deviation is above {@link #TEXTURE_STD}. */
  private static double texturedShare(float[] luma, int w, int h) {
    // Integral images of luma and its square make each window's variance four lookups.
    double[] sum = new double[(w + 1) * (h + 1)];
    double[] sq = new double[(w + 1) * (h + 1)];
    for (int y = 0; y < h; y++) {
      double rowSum = 0;
      double rowSq = 0;
      for (int x = 0; x < w; x++) {
        double v = luma[y * w + x];
        rowSum += v;
        rowSq += v * v;
        sum[(y + 1) * (w + 1) + x + 1] = sum[y * (w + 1) + x + 1] + rowSum;
        sq[(y + 1) * (w + 1) + x + 1] = sq[y * (w + 1) + x + 1] + rowSq;
      }
    }
    double limit = TEXTURE_STD * TEXTURE_STD;
    int textured = 0;
    for (int y = 0; y < h; y++) {
      int y0 = Math.max(0, y - 2);
      int y1 = Math.min(h, y + 3);
      for (int x = 0; x < w; x++) {
        int x0 = Math.max(0, x - 2);
        int x1 = Math.min(w, x + 3);
        double count = (double) (x1 - x0) * (y1 - y0);
        double s = box(sum, w, x0, y0, x1, y1);
        double s2 = box(sq, w, x0, y0, x1, y1);
        double variance = s2 / count - (s / count) * (s / count);
        if (variance > limit) {
          textured++;
        }
      }
    }
    return (double) textured / (w * h);
  }

  private static double box(double[] integral, int w, int x0, int y0, int x1, int y1) {
    int stride = w + 1;
    return integral[y1 * stride + x1]
        - integral[y0 * stride + x1]
        - integral[y1 * stride + x0]
        + integral[y0 * stride + x0];
  }

  static double unit(double value) {
    return Math.max(0, Math.min(1, value));
  }
}
