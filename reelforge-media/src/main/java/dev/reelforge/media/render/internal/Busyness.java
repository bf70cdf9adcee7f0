package dev.reelforge.media.render.internal;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * How much sharp, high-contrast detail a region of a picture holds: the share of its pixels on a
 * strong brightness edge. Lettering is exactly that (hard edges, ink against ground), as are fine
 * busy textures; soft gradients, blurred shapes and smooth photos score near zero. A title drawn
 * over a busy region competes with it, and over lettering becomes text on text.
 */
final class Busyness {

  /**
   * A brightness step (of 0–255, summed over both axes across two pixels) counted as an edge:
   * letters on a card or in a photo step by well over this, soft strokes and gradients by less.
   */
  static final int EDGE = 110;

  /** Pixels sampled: every other one in each direction is enough to find letter strokes. */
  private static final int STEP = 2;

  private Busyness() {}

  /** The share, 0–1, of the sampled pixels of {@code region} that sit on a strong edge. */
  static double of(BufferedImage picture, Rectangle region) {
    Rectangle r =
        region.intersection(new Rectangle(1, 1, picture.getWidth() - 2, picture.getHeight() - 2));
    if (r.isEmpty()) {
      return 0;
    }
    int edges = 0;
    int samples = 0;
    for (int y = r.y; y < r.y + r.height; y += STEP) {
      for (int x = r.x; x < r.x + r.width; x += STEP) {
        int gx = Math.abs(luma(picture, x + 1, y) - luma(picture, x - 1, y));
        int gy = Math.abs(luma(picture, x, y + 1) - luma(picture, x, y - 1));
        if (gx + gy >= EDGE) {
          edges++;
        }
        samples++;
      }
    }
    return (double) edges / samples;
  }

  private static int luma(BufferedImage picture, int x, int y) {
    int rgb = picture.getRGB(x, y);
    return (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
  }
}
