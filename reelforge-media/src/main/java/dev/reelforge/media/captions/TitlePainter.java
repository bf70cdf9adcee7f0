package dev.reelforge.media.captions;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.font.TextLayout;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws a fitted title ({@link TitleFitter}): every line at the same size, in capitals, centred,
 * white with a black outline and a soft halo, so that it reads over any picture — or, in a brand's
 * colours ({@link TitleInk}), plain letters on a solid panel. As its own transparent band for the
 * video, or straight onto a thumbnail.
 */
public final class TitlePainter {

  private static final Color HALO = new Color(0, 0, 0, 90);
  private static final Color OUTLINE = Color.BLACK;

  /** The outline's width as a fraction of the size (half of it lies outside the glyphs). */
  private static final float OUTLINE_RATIO = 0.18f;

  /** A panel's rounded corners, as a fraction of its padding. */
  private static final double PANEL_CORNER = 0.8;

  private final FontLibrary fonts;
  private final TitleInk ink;

  public TitlePainter(FontLibrary fonts) {
    this(fonts, TitleInk.DEFAULT);
  }

  public TitlePainter(FontLibrary fonts, TitleInk ink) {
    this.fonts = fonts;
    this.ink = ink;
  }

  public TitleInk ink() {
    return ink;
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
      Color letters = line.accent() ? ink.kicker() : ink.letters();
      TextLayout layout =
          typesetter.layout(
              CaptionLine.of(List.of(line.text()), List.of(0), true), List.of(letters));
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

  /**
   * Draws a panel in {@code colour} behind a title block at {@code top}: the widest line with
   * {@code pad} either side, {@code pad / 2} above and below, centred in {@code [areaX, areaX +
   * width]} and never wider than that.
   */
  private static void panel(
      Graphics2D g, TitleLayout title, int areaX, int width, double top, int pad, Color colour) {
    int half = Math.min(width / 2, (int) Math.ceil(title.width() / 2) + pad);
    int centre = areaX + width / 2;
    Rectangle panel =
        new Rectangle(
            centre - half,
            (int) Math.floor(top - pad / 2.0),
            2 * half,
            (int) Math.ceil(title.height() + pad));
    CaptionPainter.hints(g);
    g.setColor(colour);
    g.fill(
        new RoundRectangle2D.Double(
            panel.x, panel.y, panel.width, panel.height, pad * PANEL_CORNER, pad * PANEL_CORNER));
  }

  /**
   * The title on a transparent band {@code bandWidth} wide: alone and as tall as its block, or,
   * when the ink has a backing, plain on a panel with {@code pad} around it (the band is then
   * {@code pad} taller than the block).
   */
  public BufferedImage band(TitleLayout title, int bandWidth, int areaX, int width, int pad) {
    if (ink.backing().isEmpty()) {
      return band(title, bandWidth, areaX, width);
    }
    int height = Math.max(1, (int) Math.ceil(title.height() + pad));
    BufferedImage band = new BufferedImage(bandWidth, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = band.createGraphics();
    try {
      double top = pad / 2.0;
      panel(g, title, areaX, width, top, pad, ink.backing().get());
      drawPlain(g, title, areaX, width, top);
    } finally {
      g.dispose();
    }
    return band;
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
