package dev.reelforge.media.procedural;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.visuals.Orientation;
import dev.reelforge.core.visuals.VisualKind;
import dev.reelforge.core.visuals.VisualQuery;
import dev.reelforge.core.visuals.VisualSource;
import dev.reelforge.testkit.visuals.VisualSourceContract;
import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProceduralVisualsTest extends VisualSourceContract {

  private final ProceduralVisuals visuals = new ProceduralVisuals();

  @Override
  protected VisualSource source() {
    return visuals;
  }

  @Override
  protected VisualQuery answerableQuery(EnumSet<VisualKind> kinds, int limit) {
    return new VisualQuery(List.of("moon", "tides"), Orientation.PORTRAIT, kinds, 3000, limit, 42);
  }

  @Override
  protected EnumSet<VisualKind> kindsOffered() {
    return EnumSet.of(VisualKind.IMAGE);
  }

  /**
   * A design of {@code style}; illustrations compose the moon and the globe, others ignore them.
   */
  private static BufferedImage paint(DesignStyle style, Palette palette, int w, int h, long seed) {
    return DesignPainter.paint(
        new Design(style, palette, w, h, seed, "the tide", List.of("moon", "globe")));
  }

  @Test
  void everyStyleIsDesignedNeverAFlatColour() {
    for (DesignStyle style : DesignStyle.values()) {
      for (Palette palette : Palette.ALL) {
        BufferedImage image = paint(style, palette, 216, 384, 7);
        Measure measure = Measure.of(image);
        // A flat colour has one level and no edges; a bare two-colour gradient has no local
        // structure. Each design has both a spread of colours and structure inside 8×8 blocks.
        assertThat(measure.distinctColours()).as(style + "/" + palette.name()).isGreaterThan(200);
        assertThat(measure.lumaRange()).as(style + "/" + palette.name()).isGreaterThan(40);
        assertThat(measure.structuredBlocks())
            .as(style + "/" + palette.name() + " blocks with detail")
            .isGreaterThan(0.05);
      }
    }
  }

  @Test
  void theSameQueryPaintsTheSamePixelsAndStylesDiffer() {
    Set<Integer> hashes = new HashSet<>();
    for (DesignStyle style : DesignStyle.values()) {
      BufferedImage a = paint(style, Palette.pick(3), 120, 200, 11);
      BufferedImage b = paint(style, Palette.pick(3), 120, 200, 11);
      int hashA = java.util.Arrays.hashCode(a.getRGB(0, 0, 120, 200, null, 0, 120));
      assertThat(java.util.Arrays.hashCode(b.getRGB(0, 0, 120, 200, null, 0, 120)))
          .isEqualTo(hashA);
      hashes.add(hashA);
    }
    assertThat(hashes).hasSize(DesignStyle.values().length);
  }

  @Test
  void candidatesMatchTheQueryShape() {
    for (Orientation orientation : Orientation.values()) {
      var candidate =
          visuals
              .search(
                  new VisualQuery(
                      List.of("city"), orientation, EnumSet.of(VisualKind.IMAGE), 0, 1, 1))
              .getFirst();
      assertThat(candidate.orientation()).isEqualTo(orientation);
    }
    assertThat(
            visuals.search(
                new VisualQuery(
                    List.of("city"), Orientation.PORTRAIT, EnumSet.of(VisualKind.VIDEO), 0, 3, 1)))
        .as("procedural designs are stills")
        .isEmpty();
  }

  /** Colour and structure statistics of a picture. */
  record Measure(int distinctColours, int lumaRange, double structuredBlocks) {
    static Measure of(BufferedImage image) {
      Set<Integer> colours = new HashSet<>();
      int min = 255;
      int max = 0;
      int width = image.getWidth();
      int height = image.getHeight();
      int[][] luma = new int[height][width];
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          int rgb = image.getRGB(x, y) & 0xFFFFFF;
          colours.add(rgb);
          int l = (((rgb >> 16) & 255) * 299 + ((rgb >> 8) & 255) * 587 + (rgb & 255) * 114) / 1000;
          luma[y][x] = l;
          min = Math.min(min, l);
          max = Math.max(max, l);
        }
      }
      int blocks = 0;
      int structured = 0;
      for (int by = 0; by + 8 <= height; by += 8) {
        for (int bx = 0; bx + 8 <= width; bx += 8) {
          blocks++;
          // Detail beyond a smooth gradient: the second difference along rows.
          int detail = 0;
          for (int y = by; y < by + 8; y++) {
            for (int x = bx + 1; x < bx + 7; x++) {
              detail = Math.max(detail, Math.abs(luma[y][x - 1] - 2 * luma[y][x] + luma[y][x + 1]));
            }
          }
          if (detail >= 6) {
            structured++;
          }
        }
      }
      return new Measure(colours.size(), max - min, (double) structured / blocks);
    }
  }
}
