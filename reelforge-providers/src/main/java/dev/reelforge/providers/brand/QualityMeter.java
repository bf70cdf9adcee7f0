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
 *       When that leaves fewer than {@link #MIN_EDGE_PIXELS} or {@link #MIN_EDGE_SHARE} of the edge
 *       pixels and the picture does not read blocky (blockiness at most {@link #SEAMS_VISIBLE}),
 *       all edge pixels are measured instead: a flat graphic whose edges sit on the grid has no
 *       seams, only edges there. A blocky picture keeps them out however few are left ({@link
 *       Seams}).
 *   <li><b>Blockiness</b>: at full resolution, the mean luma step across 8×8 block boundaries over
 *       the mean step inside blocks (JPEG's grid); 1.0 for clean, mapped from {@link
 *       #CLEAN_BLOCK_RATIO} (0) to {@link #BLOCKY_RATIO} (1). Only steps of at most {@link
 *       #SEAM_STEP} luma levels count, on the grid and inside blocks: a JPEG seam is a small
 *       discontinuity in a smooth area, while a larger step is content (the edge of a flat shape
 *       drawn on the grid would otherwise read as all seam).
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

  /** The largest luma step that can be a compression seam; larger ones are content edges. */
  static final float SEAM_STEP = 24;

  /** Blockiness above which a picture's seams are visible (as the flagged reason says). */
  static final double SEAMS_VISIBLE = 0.5;

  /** Seam-free edge pixels needed (both) for sharpness to leave seams out of a clean picture. */
  static final int MIN_EDGE_PIXELS = 50;

  static final double MIN_EDGE_SHARE = 0.25;

  private QualityMeter() {}

  static Quality measure(Raster original, Raster forSharpness) {
    double blockiness = blockiness(original.luma(), original.width, original.height);
    Seams seams =
        forSharpness.width != original.width
            ? Seams.KEEP
            : blockiness > SEAMS_VISIBLE ? Seams.SKIP : Seams.SKIP_UNLESS_FEW_LEFT;
    double sharpness =
        sharpness(forSharpness.luma(), forSharpness.width, forSharpness.height, seams);
    double resolution = Math.min(1.0, original.shortSide() / (double) FULL_RESOLUTION_SIDE);
    return new Quality(original.width, original.height, sharpness, blockiness, resolution);
  }

  /** What sharpness does with edge pixels beside 8×8 block boundaries. */
  enum Seams {
    /** Measure them: a downscaled picture has no grid left. */
    KEEP,
    /**
     * Leave them out: the picture reads blocky, so its JPEG seams are hard steps that would pass
     * for crisp detail in a blurred picture, even when they are nearly all the edges there are.
     */
    SKIP,
    /**
     * Leave them out unless that leaves too few edge pixels (fewer than {@link #MIN_EDGE_PIXELS} or
     * {@link #MIN_EDGE_SHARE} of them): a clean flat graphic drawn on the grid has nearly every
     * edge there, and they are its real edges.
     */
    SKIP_UNLESS_FEW_LEFT
  }

  static double sharpness(float[] luma, int w, int h, Seams seams) {
    double ratio = sharpnessRatio(luma, w, h, seams);
    return ToneMeter.unit((ratio - BLURRED) / (CRISP - BLURRED));
  }

  static double sharpnessRatio(float[] luma, int w, int h, Seams seams) {
    Gradients gradients = new Gradients(luma, w, h);
    EdgeStats all = edgeStats(luma, gradients, false);
    if (seams == Seams.KEEP) {
      return all.ratio();
    }
    EdgeStats offSeams = edgeStats(luma, gradients, true);
    boolean fewLeft = offSeams.n < Math.max(MIN_EDGE_PIXELS, MIN_EDGE_SHARE * all.n);
    return (seams == Seams.SKIP_UNLESS_FEW_LEFT && fewLeft ? all : offSeams).ratio();
  }

  private record EdgeStats(double sumL, double sumL2, double sumG, int n) {
    /** Laplacian standard deviation over mean gradient; 0 without an edge. */
    double ratio() {
      if (n == 0) {
        return 0;
      }
      double meanL = sumL / n;
      return Math.sqrt(Math.max(0, sumL2 / n - meanL * meanL)) / (sumG / n);
    }
  }

  private static EdgeStats edgeStats(float[] luma, Gradients gradients, boolean skipSeams) {
    int w = gradients.width;
    int h = gradients.height;
    double sumL = 0;
    double sumL2 = 0;
    double sumG = 0;
    int n = 0;
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        int i = y * w + x;
        if (!gradients.edge(i) || (skipSeams && (seam(x) || seam(y)))) {
          continue;
        }
        double laplacian = 4 * luma[i] - luma[i - 1] - luma[i + 1] - luma[i - w] - luma[i + w];
        sumL += laplacian;
        sumL2 += laplacian * laplacian;
        sumG += gradients.magnitude[i];
        n++;
      }
    }
    return new EdgeStats(sumL, sumL2, sumG, n);
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
        if (step > SEAM_STEP) {
          continue;
        }
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
        if (step > SEAM_STEP) {
          continue;
        }
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
    double ratio = (mean(boundary, boundaryCount) + 0.5) / (mean(interior, interiorCount) + 0.5);
    return ToneMeter.unit((ratio - CLEAN_BLOCK_RATIO) / (BLOCKY_RATIO - CLEAN_BLOCK_RATIO));
  }

  private static double mean(double sum, long count) {
    return count == 0 ? 0 : sum / count;
  }
}
