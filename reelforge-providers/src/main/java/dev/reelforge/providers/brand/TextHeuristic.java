package dev.reelforge.providers.brand;

import dev.reelforge.core.brand.BrandAnalysis.TextPresence;

/**
 * Whether a picture seems to carry lettering, without reading it: text is dense, small,
 * high-contrast strokes on a flat ground. The picture (at most 512 pixels long) is cut into {@value
 * #BLOCK}-pixel blocks; a block is text-like when its luma range exceeds {@link #MIN_RANGE}, at
 * least {@link #MIN_BIMODAL} of its pixels sit near either end of that range (ink and ground, not a
 * gradient or a photo's texture), and lines through it cross ink and ground at least {@link
 * #MIN_CROSSINGS} times on average (strokes narrower than the block, not one shape's outline). Text
 * is present when three or more text-like blocks lie side by side in a row, as letters of a word
 * do; coverage is the share of blocks in such runs.
 */
final class TextHeuristic {

  static final int BLOCK = 16;
  static final double MIN_RANGE = 80;
  static final double MIN_BIMODAL = 0.75;
  static final double MIN_CROSSINGS = 1.8;
  static final int MIN_RUN = 3;

  private TextHeuristic() {}

  static TextPresence find(float[] luma, int w, int h) {
    double coverage = 0;
    float[] plane = luma;
    int pw = w;
    int ph = h;
    for (int scale = 0; scale < 3 && pw >= BLOCK * MIN_RUN && ph >= BLOCK; scale++) {
      coverage = Math.max(coverage, coverage(plane, pw, ph));
      int nw = Math.max(1, pw / 2);
      int nh = Math.max(1, ph / 2);
      plane = Raster.area(plane, pw, ph, nw, nh);
      pw = nw;
      ph = nh;
    }
    return coverage == 0
        ? TextPresence.none(TextFinder.HEURISTIC)
        : new TextPresence(true, "", coverage, TextFinder.HEURISTIC);
  }

  /** The share of blocks in runs of text-like blocks, 0 when there is none. */
  private static double coverage(float[] luma, int w, int h) {
    int cols = w / BLOCK;
    int rows = h / BLOCK;
    boolean[] textLike = new boolean[cols * rows];
    for (int by = 0; by < rows; by++) {
      for (int bx = 0; bx < cols; bx++) {
        textLike[by * cols + bx] = textLike(luma, w, bx * BLOCK, by * BLOCK);
      }
    }
    int inRuns = 0;
    for (int by = 0; by < rows; by++) {
      int run = 0;
      for (int bx = 0; bx <= cols; bx++) {
        if (bx < cols && textLike[by * cols + bx]) {
          run++;
        } else {
          if (run >= MIN_RUN) {
            inRuns += run;
          }
          run = 0;
        }
      }
    }
    return (double) inRuns / (cols * rows);
  }

  private static boolean textLike(float[] luma, int w, int x0, int y0) {
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (int y = y0; y < y0 + BLOCK; y++) {
      for (int x = x0; x < x0 + BLOCK; x++) {
        min = Math.min(min, luma[y * w + x]);
        max = Math.max(max, luma[y * w + x]);
      }
    }
    float range = max - min;
    if (range < MIN_RANGE) {
      return false;
    }
    float quarter = range / 4;
    int nearEnds = 0;
    for (int y = y0; y < y0 + BLOCK; y++) {
      for (int x = x0; x < x0 + BLOCK; x++) {
        float v = luma[y * w + x];
        if (v - min <= quarter || max - v <= quarter) {
          nearEnds++;
        }
      }
    }
    if (nearEnds < MIN_BIMODAL * BLOCK * BLOCK) {
      return false;
    }
    int crossings = 0;
    int crossedLines = 0;
    for (int k = 0; k < BLOCK; k++) {
      int across = crossings(luma, w, x0, y0 + k, 1, 0);
      int down = crossings(luma, w, x0 + k, y0, 0, 1);
      crossings += across + down;
      crossedLines += (across > 0 ? 1 : 0) + (down > 0 ? 1 : 0);
    }
    return crossedLines > 0 && (double) crossings / crossedLines >= MIN_CROSSINGS;
  }

  /** How often a line of the block changes between ink and ground (thresholded at mid-range). */
  private static int crossings(float[] luma, int w, int x, int y, int dx, int dy) {
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (int k = 0; k < BLOCK; k++) {
      float v = luma[(y + k * dy) * w + x + k * dx];
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (max - min < MIN_RANGE / 2) {
      return 0;
    }
    float middle = (min + max) / 2;
    int count = 0;
    boolean ink = luma[y * w + x] < middle;
    for (int k = 1; k < BLOCK; k++) {
      boolean now = luma[(y + k * dy) * w + x + k * dx] < middle;
      if (now != ink) {
        count++;
        ink = now;
      }
    }
    return count;
  }
}
