package dev.reelforge.providers.brandvision;

import dev.reelforge.core.brand.BrandAnalysis.PaletteColour;
import dev.reelforge.core.brand.BrandAnalysis.Role;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The share and role of each colour a model named, measured on the image: every pixel of a coarse
 * grid (at most {@value #GRID}×{@value #GRID}) goes to the nearest named colour, so the shares add
 * up to one; the colour that holds most of the border is the background when it holds at least
 * {@value #BACKGROUND_BORDER_SHARE} of it, the others the subject. Models give the colours but not
 * these proportions, and counting a few thousand pixels costs nothing next to the call.
 */
final class PaletteShares {

  static final int GRID = 96;
  static final double BACKGROUND_BORDER_SHARE = 0.5;

  private PaletteShares() {}

  static List<PaletteColour> measure(BufferedImage image, List<String> hexes) {
    int[][] colours = new int[hexes.size()][];
    for (int i = 0; i < hexes.size(); i++) {
      int rgb = Integer.parseInt(hexes.get(i).substring(1), 16);
      colours[i] = new int[] {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
    }
    int columns = Math.min(GRID, image.getWidth());
    int rows = Math.min(GRID, image.getHeight());
    long[] counts = new long[colours.length];
    long[] borderCounts = new long[colours.length];
    long total = 0;
    long border = 0;
    for (int row = 0; row < rows; row++) {
      int y = (int) ((row + 0.5) * image.getHeight() / rows);
      for (int column = 0; column < columns; column++) {
        int x = (int) ((column + 0.5) * image.getWidth() / columns);
        int nearest = nearest(colours, image.getRGB(x, y));
        counts[nearest]++;
        total++;
        if (row == 0 || column == 0 || row == rows - 1 || column == columns - 1) {
          borderCounts[nearest]++;
          border++;
        }
      }
    }
    int background = -1;
    for (int i = 0; i < colours.length; i++) {
      if (background < 0 || borderCounts[i] > borderCounts[background]) {
        background = i;
      }
    }
    boolean hasBackground =
        colours.length > 1 && borderCounts[background] >= BACKGROUND_BORDER_SHARE * border;
    List<PaletteColour> palette = new ArrayList<>();
    for (int i = 0; i < colours.length; i++) {
      palette.add(
          new PaletteColour(
              hexes.get(i),
              Math.min(1, (double) counts[i] / total),
              hasBackground && i == background ? Role.BACKGROUND : Role.SUBJECT));
    }
    return palette;
  }

  private static int nearest(int[][] colours, int argb) {
    int r = (argb >> 16) & 0xFF;
    int g = (argb >> 8) & 0xFF;
    int b = argb & 0xFF;
    int best = 0;
    long bestDistance = Long.MAX_VALUE;
    for (int i = 0; i < colours.length; i++) {
      long dr = r - colours[i][0];
      long dg = g - colours[i][1];
      long db = b - colours[i][2];
      long distance = dr * dr + dg * dg + db * db;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = i;
      }
    }
    return best;
  }
}
