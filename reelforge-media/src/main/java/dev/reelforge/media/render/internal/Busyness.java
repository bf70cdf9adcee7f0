package dev.reelforge.media.render.internal;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * How much of a region of a picture is lettering or fine busy texture: the share of its cells
 * (squares of {@link #CELL} pixels) that are dense with strong brightness edges. Letters are just
 * that — many hard ink-against-ground edges close together — and so is fine high-contrast texture;
 * a long smooth edge (a big circle's rim, a horizon) crosses a cell with a single line and does not
 * count, nor do soft gradients, blurred shapes or faint strokes. A title drawn over such cells
 * competes with them, and over lettering becomes text on text.
 */
final class Busyness {

  /**
   * A brightness step (of 0–255, summed over both axes across two pixels) counted as an edge:
   * letters on a card or in a photo step by well over this, soft strokes and gradients by less.
   */
  static final int EDGE = 110;

  /** The cell side in pixels: smaller than the letters of any title, card or caption. */
  static final int CELL = 48;

  /**
   * A cell with at least this share of edge pixels holds lettering or busy texture: a letter's
   * strokes give several edges across a cell, one smooth line gives about 2 / {@link #CELL}.
   */
  static final double DENSE = 0.08;

  /** Pixels sampled: every other one in each direction is enough to find letter strokes. */
  private static final int STEP = 2;

  private Busyness() {}

  /** The share, 0–1, of the cells of {@code region} (within the picture) that are busy. */
  static double of(BufferedImage picture, Rectangle region) {
    Rectangle r =
        region.intersection(new Rectangle(1, 1, picture.getWidth() - 2, picture.getHeight() - 2));
    if (r.isEmpty()) {
      return 0;
    }
    int cells = 0;
    int busy = 0;
    for (int cy = r.y; cy < r.y + r.height; cy += CELL) {
      for (int cx = r.x; cx < r.x + r.width; cx += CELL) {
        int edges = 0;
        int samples = 0;
        for (int y = cy; y < Math.min(cy + CELL, r.y + r.height); y += STEP) {
          for (int x = cx; x < Math.min(cx + CELL, r.x + r.width); x += STEP) {
            int gx = Math.abs(luma(picture, x + 1, y) - luma(picture, x - 1, y));
            int gy = Math.abs(luma(picture, x, y + 1) - luma(picture, x, y - 1));
            edges += gx + gy >= EDGE ? 1 : 0;
            samples++;
          }
        }
        cells++;
        busy += edges >= samples * DENSE ? 1 : 0;
      }
    }
    return (double) busy / cells;
  }

  private static int luma(BufferedImage picture, int x, int y) {
    int rgb = picture.getRGB(x, y);
    return (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
  }
}
