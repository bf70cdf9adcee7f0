package dev.reelforge.providers.brand;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells the background from the subject with a border-connected model: the colour that dominates
 * the picture's border is the background's, and the background is every pixel of about that colour
 * that can be reached from the border without crossing another colour. A logo's white page is
 * background; the white inside its letters, enclosed by ink, is not. When no colour covers at least
 * {@link #MIN_BORDER_SHARE} of the border (a photograph running off every edge) there is no
 * separable background and everything is subject.
 */
final class BackgroundModel {

  /** How much of the border one colour must cover to be taken for a background. */
  static final double MIN_BORDER_SHARE = 0.4;

  /** ΔE within which a pixel counts as the background colour. */
  static final double SAME_COLOUR = 15;

  private static final double BIN = 8;

  final boolean[] mask;
  final int backgroundPixels;

  private BackgroundModel(boolean[] mask, int backgroundPixels) {
    this.mask = mask;
    this.backgroundPixels = backgroundPixels;
  }

  static BackgroundModel of(LabPlanes lab) {
    int w = lab.width;
    int h = lab.height;
    int ring = Math.max(1, Math.min(w, h) / 64);
    int[] border = borderPixels(w, h, ring);
    Lab dominant = dominant(lab, border);
    double limit = SAME_COLOUR * SAME_COLOUR;
    int matching = 0;
    for (int i : border) {
      if (lab.distanceSquared(i, dominant.l(), dominant.a(), dominant.b()) <= limit) {
        matching++;
      }
    }
    boolean[] mask = new boolean[w * h];
    if (matching < MIN_BORDER_SHARE * border.length) {
      return new BackgroundModel(mask, 0);
    }
    int[] queue = new int[w * h];
    int head = 0;
    int tail = 0;
    for (int i : border) {
      if (!mask[i] && lab.distanceSquared(i, dominant.l(), dominant.a(), dominant.b()) <= limit) {
        mask[i] = true;
        queue[tail++] = i;
      }
    }
    while (head < tail) {
      int i = queue[head++];
      int x = i % w;
      int y = i / w;
      if (x > 0) {
        tail = visit(lab, mask, queue, tail, i - 1, dominant, limit);
      }
      if (x < w - 1) {
        tail = visit(lab, mask, queue, tail, i + 1, dominant, limit);
      }
      if (y > 0) {
        tail = visit(lab, mask, queue, tail, i - w, dominant, limit);
      }
      if (y < h - 1) {
        tail = visit(lab, mask, queue, tail, i + w, dominant, limit);
      }
    }
    return new BackgroundModel(mask, tail);
  }

  /** The share of the picture that is background. */
  double share() {
    return mask.length == 0 ? 0 : (double) backgroundPixels / mask.length;
  }

  private static int visit(
      LabPlanes lab, boolean[] mask, int[] queue, int tail, int j, Lab colour, double limit) {
    if (!mask[j] && lab.distanceSquared(j, colour.l(), colour.a(), colour.b()) <= limit) {
      mask[j] = true;
      queue[tail++] = j;
    }
    return tail;
  }

  private static int[] borderPixels(int w, int h, int ring) {
    int[] out = new int[w * h];
    int n = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (x < ring || y < ring || x >= w - ring || y >= h - ring) {
          out[n++] = y * w + x;
        }
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * The border's most common colour: border pixels binned coarsely in Lab, then the mean of the
   * fullest bin's pixels.
   */
  private static Lab dominant(LabPlanes lab, int[] border) {
    Map<Long, int[]> counts = new HashMap<>();
    long best = 0;
    int bestCount = -1;
    for (int i : border) {
      long key = key(lab.l[i], lab.a[i], lab.b[i]);
      int[] count = counts.computeIfAbsent(key, k -> new int[1]);
      count[0]++;
      if (count[0] > bestCount || (count[0] == bestCount && key < best)) {
        bestCount = count[0];
        best = key;
      }
    }
    double sl = 0;
    double sa = 0;
    double sb = 0;
    int n = 0;
    for (int i : border) {
      if (key(lab.l[i], lab.a[i], lab.b[i]) == best) {
        sl += lab.l[i];
        sa += lab.a[i];
        sb += lab.b[i];
        n++;
      }
    }
    return new Lab(sl / n, sa / n, sb / n);
  }

  private static long key(float l, float a, float b) {
    long kl = (long) Math.floor(l / BIN) + 64;
    long ka = (long) Math.floor(a / BIN) + 64;
    long kb = (long) Math.floor(b / BIN) + 64;
    return (kl << 16) | (ka << 8) | kb;
  }
}
