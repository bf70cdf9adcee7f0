package dev.reelforge.media.render.internal;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/** Where a transparent picture has anything drawn. */
final class Ink {

  private Ink() {}

  /** The smallest rectangle holding every pixel that is not fully transparent, or null. */
  static Rectangle bounds(BufferedImage image) {
    int minX = image.getWidth();
    int minY = image.getHeight();
    int maxX = -1;
    int maxY = -1;
    int[] row = new int[image.getWidth()];
    for (int y = 0; y < image.getHeight(); y++) {
      image.getRGB(0, y, image.getWidth(), 1, row, 0, image.getWidth());
      for (int x = 0; x < row.length; x++) {
        if ((row[x] >>> 24) != 0) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = y;
        }
      }
    }
    if (maxX < 0) {
      return null;
    }
    // Even sizes and positions keep 4:2:0 chroma aligned when FFmpeg blends the picture.
    int x = minX & ~1;
    int y = minY & ~1;
    int width = Math.min(image.getWidth() - x, (maxX - x + 2) & ~1);
    int height = Math.min(image.getHeight() - y, (maxY - y + 2) & ~1);
    return new Rectangle(x, y, width, height);
  }
}
