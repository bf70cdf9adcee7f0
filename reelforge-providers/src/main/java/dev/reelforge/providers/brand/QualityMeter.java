package dev.reelforge.providers.brand;

import dev.reelforge.core.brand.BrandAnalysis.Quality;

/**
 * Technical quality of an upload.
 *
 * <ul>
 *   <li><b>Sharpness</b>: the standard deviation of the Laplacian over edge pixels (Sobel above
 *       {@link Gradients#EDGE}), divided by those pixels' mean Sobel magnitude, measured with the
 *       picture at most {@link #SHARPNESS_SIDE} pixels long (the size engines use). Dividing by the
 *       gradient makes it read how crisp edges are, whatever their contrast, and looking only at
 *       edges keeps a flat logo (mostly empty page) from counting as blurred. A crisp step scores
 *       about 0.25, a Gaussian blur of σ ≈ 1.5 pixels about 0.05 and σ ≈ 2.5 about 0.03; the ratio
 *       is mapped linearly from {@link #BLURRED} (0) to {@link #CRISP} (1). A picture without a
 *       single edge has sharpness 0. At full resolution, pixels beside 8×8 block boundaries are
 *       left out: JPEG seams are hard steps that would pass for crisp detail in a blurred picture.
 *   <li><b>Blockiness</b>: at full resolution, the mean luma step across 8×8 block boundaries over
 *       the mean step inside blocks (JPEG's grid); 1.0 for clean, mapped from {@link
 *       #CLEAN_BLOCK_RATIO} (0) to {@link #BLOCKY_RATIO} (1).
 *   <li><b>Resolution</b>: the short side over 1024, capped at 1.
 * </ul>
 */
final class QualityMeter {

  static final int SHARPNESS_SIDE = 1024;
  static final double BLURRED = 0.015;
  static final double CRISP = 0.1;
  static final double CLEAN_BLOCK_RATIO = 1.15;
  static final double BLOCKY_RATIO = 2.5;
  static final int FULL_RESOLUTION_SIDE = 1024;

  private QualityMeter() {}

  static Quality measure(Raster original, Raster forSharpness) {
    float[] luma = forSharpness.luma();
    double sharpness =
        sharpness(
            luma, forSharpness.width, forSharpness.height, forSharpness.width == original.width);
    double blockiness = blockiness(original.luma(), original.width, original.height);
    double resolution = Math.min(1.0, original.shortSide() / (double) FULL_RESOLUTION_SIDE);
    return new Quality(original.width, original.height, sharpness, blockiness, resolution);
  }

  /**
   * @param skipBlockSeams leave out pixels beside 8×8 block boundaries (at full resolution), whose
   *     JPEG seams are hard steps that would pass for crisp detail in a blurred picture
   */
  static double sharpness(float[] luma, int w, int h, boolean skipBlockSeams) {
    double ratio = sharpnessRatio(luma, w, h, skipBlockSeams);
    return ToneMeter.unit((ratio - BLURRED) / (CRISP - BLURRED));
  }

  static double sharpnessRatio(float[] luma, int w, int h, boolean skipBlockSeams) {
    Gradients gradients = new Gradients(luma, w, h);
    double sumL = 0;
    double sumL2 = 0;
    double sumG = 0;
    int n = 0;
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        int i = y * w + x;
        if (!gradients.edge(i) || (skipBlockSeams && (seam(x) || seam(y)))) {
          continue;
        }
        double laplacian = 4 * luma[i] - luma[i - 1] - luma[i + 1] - luma[i - w] - luma[i + w];
        sumL += laplacian;
        sumL2 += laplacian * laplacian;
        sumG += gradients.magnitude[i];
        n++;
      }
    }
    if (n == 0) {
      return 0;
    }
    double meanL = sumL / n;
    return Math.sqrt(Math.max(0, sumL2 / n - meanL * meanL)) / (sumG / n);
  }

  private static boolean seam(int coordinate) {
    int within = coordinate % 8;
    return within == 7 || within == 0;
  }

  static double blockiness(float[] luma, int w, int h) {
    if (w < 16 || h < 16) {
      return 0;
    }
    double boundary = 0;
    double interior = 0;
    long boundaryCount = 0;
    long interiorCount = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w - 1; x++) {
        double step = Math.abs(luma[y * w + x + 1] - luma[y * w + x]);
        if (x % 8 == 7) {
          boundary += step;
          boundaryCount++;
        } else {
          interior += step;
          interiorCount++;
        }
      }
    }
    for (int y = 0; y < h - 1; y++) {
      boolean atBoundary = y % 8 == 7;
      for (int x = 0; x < w; x++) {
        double step = Math.abs(luma[(y + 1) * w + x] - luma[y * w + x]);
        if (atBoundary) {
          boundary += step;
          boundaryCount++;
        } else {
          interior += step;
          interiorCount++;
        }
      }
    }
    // A half-level floor keeps a flat picture (no steps anywhere) from dividing noise by noise.
    double ratio = (boundary / boundaryCount + 0.5) / (interior / interiorCount + 0.5);
    return ToneMeter.unit((ratio - CLEAN_BLOCK_RATIO) / (BLOCKY_RATIO - CLEAN_BLOCK_RATIO));
  }
}
