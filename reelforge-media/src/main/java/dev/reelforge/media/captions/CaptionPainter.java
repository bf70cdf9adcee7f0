package dev.reelforge.media.captions;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws one caption page, with one word marked as being spoken, onto a transparent band the width
 * of the frame. Text is centred within the horizontal extent of the safe zone; the band itself is
 * placed vertically by the renderer.
 */
public final class CaptionPainter {

  private static final Color OUTLINE = new Color(0, 0, 0, 235);
  private static final Color SHADOW = new Color(0, 0, 0, 70);

  private final CaptionStyle style;
  private final CaptionTypesetter typesetter;
  private final int bandWidth;
  private final int areaX;
  private final int areaWidth;

  /**
   * @param areaX where the safe zone starts, in band pixels
   * @param areaWidth the safe zone's width
   */
  public CaptionPainter(
      CaptionStyle style, CaptionTypesetter typesetter, int bandWidth, int areaX, int areaWidth) {
    this.style = style;
    this.typesetter = typesetter;
    this.bandWidth = bandWidth;
    this.areaX = areaX;
    this.areaWidth = areaWidth;
  }

  /** Room around the text for the outline, shadow and highlight box. */
  public int padding() {
    return (int) Math.ceil(typesetter.primary().getSize2D() * 0.35);
  }

  /** The height of a band that holds {@link CaptionPager#MAX_LINES} lines. */
  public int bandHeight() {
    return (int) Math.ceil(typesetter.lineHeight() * CaptionPager.MAX_LINES) + 2 * padding();
  }

  /** A fully transparent band, shown between pages. */
  public BufferedImage blank() {
    return new BufferedImage(bandWidth, bandHeight(), BufferedImage.TYPE_INT_ARGB);
  }

  /**
   * @param activeWord the timeline index of the word being spoken, or -1 for none
   */
  public BufferedImage paint(CaptionPage page, int activeWord) {
    BufferedImage band = blank();
    Graphics2D g = band.createGraphics();
    try {
      hints(g);
      double lineHeight = typesetter.lineHeight();
      // Lines sit at the bottom of the band, so a one-line page is as close to the platform's
      // UI-free centre as a two-line page's last line.
      double top = band.getHeight() - padding() - lineHeight * page.lines().size();
      for (CaptionLine line : page.lines()) {
        drawLine(g, line, activeWord, top + typesetter.ascent());
        top += lineHeight;
      }
    } finally {
      g.dispose();
    }
    return band;
  }

  private void drawLine(Graphics2D g, CaptionLine line, int activeWord, double baseline) {
    List<Color> colors = new ArrayList<>();
    int active = -1;
    for (int w = 0; w < line.size(); w++) {
      int index = line.wordIndexes().get(w);
      colors.add(style.colorOf(index == activeWord, activeWord >= 0 && index < activeWord));
      if (index == activeWord) {
        active = w;
      }
    }
    TextLayout layout = typesetter.layout(line, colors);
    double advance = layout.getAdvance();
    // A single word wider than the safe zone is narrowed rather than cut off.
    double scale = advance > areaWidth ? areaWidth / advance : 1;
    double x = areaX + (areaWidth - advance * scale) / 2;
    AffineTransform place = new AffineTransform();
    place.translate(x, baseline);
    place.scale(scale, scale);
    AffineTransform saved = g.getTransform();
    g.transform(place);
    try {
      if (active >= 0 && style.highlightBox() != null) {
        drawBox(g, layout, line, active);
      }
      Shape outline = layout.getOutline(null);
      if (style.shadow()) {
        drawShadow(g, outline);
      }
      if (style.outlineRatio() > 0) {
        float width = (float) (typesetter.primary().getSize2D() * style.outlineRatio());
        g.setColor(OUTLINE);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(outline);
      }
      layout.draw(g, 0, 0);
    } finally {
      g.setTransform(saved);
    }
  }

  private void drawBox(Graphics2D g, TextLayout layout, CaptionLine line, int word) {
    // The logical highlight shape follows the visual position of the word in right-to-left and
    // mixed-direction lines.
    Rectangle2D bounds =
        layout
            .getLogicalHighlightShape(line.wordStarts().get(word), line.wordEnds().get(word))
            .getBounds2D();
    double pad = typesetter.primary().getSize2D() * 0.14;
    g.setColor(style.highlightBox());
    g.fill(
        new RoundRectangle2D.Double(
            bounds.getX() - pad,
            bounds.getY() - pad / 2,
            bounds.getWidth() + 2 * pad,
            bounds.getHeight() + pad,
            pad * 2.5,
            pad * 2.5));
  }

  private void drawShadow(Graphics2D g, Shape outline) {
    // A soft shadow from a few widening strokes: cheap, and no blur filter is needed.
    float size = typesetter.primary().getSize2D();
    AffineTransform saved = g.getTransform();
    g.translate(size * 0.03, size * 0.06);
    g.setColor(SHADOW);
    for (float width : new float[] {size * 0.30f, size * 0.20f, size * 0.10f}) {
      g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(outline);
    }
    g.fill(outline);
    g.setTransform(saved);
  }

  static void hints(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
  }
}
