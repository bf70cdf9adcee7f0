package dev.reelforge.media.captions;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws a fitted title ({@link TitleFitter}): every line at the same size, in capitals, centred,
 * white with a black outline and a soft halo, so that it reads over any picture. As its own
 * transparent band for the video, or straight onto a thumbnail.
 */
public final class TitlePainter {

  private static final Color HALO = new Color(0, 0, 0, 90);
  private static final Color OUTLINE = Color.BLACK;

  /** A kicker's colour: the yellow the bold-pop captions mark the spoken word with. */
  private static final Color ACCENT = CaptionStyle.BOLD_POP.highlight();

  /** The outline's width as a fraction of the size (half of it lies outside the glyphs). */
  private static final float OUTLINE_RATIO = 0.18f;

  private final FontLibrary fonts;

  public TitlePainter(FontLibrary fonts) {
    this.fonts = fonts;
  }

  /** What lays titles out for this painter's face. */
  public TitleFitter fitter() {
    return new TitleFitter(fonts);
  }

  /**
   * Draws {@code title} with the top of its block (outline included) at {@code top}, each line
   * centred in {@code [areaX, areaX + width]}.
   */
  public void draw(Graphics2D g, TitleLayout title, int areaX, int width, double top) {
    draw(g, title, areaX, width, top, true);
  }

  /**
   * Draws {@code title} without its outline and halo: for a title set on a solid backing, where an
   * outline would only thicken the letters.
   */
  public void drawPlain(Graphics2D g, TitleLayout title, int areaX, int width, double top) {
    draw(g, title, areaX, width, top, false);
  }

  private void draw(
      Graphics2D g, TitleLayout title, int areaX, int width, double top, boolean outlined) {
    CaptionPainter.hints(g);
    for (TitleLayout.Line line : title.lines()) {
      TitleMetrics metrics = line.metrics();
      float size = metrics.size();
      CaptionTypesetter typesetter = TitleFitter.typesetter(fonts, size);
      Color ink = line.accent() ? ACCENT : Color.WHITE;
      TextLayout layout =
          typesetter.layout(CaptionLine.of(List.of(line.text()), List.of(0), true), List.of(ink));
      // The fitter kept every line inside the width; this only guards the last-resort squeeze.
      double room = width - 2 * metrics.outline();
      double scale = Math.min(1, room / layout.getAdvance());
      Graphics2D lineG = (Graphics2D) g.create();
      try {
        lineG.translate(areaX + (width - layout.getAdvance() * scale) / 2, top + line.baseline());
        lineG.scale(scale, scale);
        if (outlined) {
          var outline = layout.getOutline(null);
          lineG.setColor(HALO);
          lineG.setStroke(
              new BasicStroke(
                  (float) (size * TitleMetrics.HALO_RATIO),
                  BasicStroke.CAP_ROUND,
                  BasicStroke.JOIN_ROUND));
          lineG.draw(outline);
          lineG.setColor(OUTLINE);
          lineG.setStroke(
              new BasicStroke(size * OUTLINE_RATIO, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
          lineG.draw(outline);
        }
        layout.draw(lineG, 0, 0);
      } finally {
        lineG.dispose();
      }
    }
  }

  /** The title alone on a transparent band {@code bandWidth} wide and as tall as its block. */
  public BufferedImage band(TitleLayout title, int bandWidth, int areaX, int width) {
    int height = Math.max(1, (int) Math.ceil(title.height()));
    BufferedImage band = new BufferedImage(bandWidth, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = band.createGraphics();
    try {
      draw(g, title, areaX, width, 0);
    } finally {
      g.dispose();
    }
    return band;
  }
}
