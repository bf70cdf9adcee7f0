package dev.reelforge.media.captions;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Draws a hook title (large, bold, outlined, wrapped to at most three lines, centred) onto an
 * image: as its own transparent band for the video, or straight onto a thumbnail.
 */
public final class TitlePainter {

  public static final int MAX_LINES = 3;

  private final CaptionTypesetter typesetter;

  public TitlePainter(FontLibrary fonts, float sizePx) {
    this.typesetter = new CaptionTypesetter(fonts, CaptionStyle.BOLD_POP, sizePx);
  }

  /** The title broken into lines no wider than {@code width}; the last line takes the rest. */
  public List<String> wrap(String title, double width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : Arrays.stream(title.strip().split("\\s+")).toList()) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (!line.isEmpty() && typesetter.width(candidate) > width && lines.size() < MAX_LINES - 1) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** The height the wrapped title needs, with room for its outline. */
  public int height(String title, double width) {
    return (int) Math.ceil(typesetter.lineHeight() * wrap(title, width).size() + pad() * 2);
  }

  /** Draws the title with its top at {@code top}, centred in {@code [areaX, areaX + width]}. */
  public void draw(Graphics2D g, String title, int areaX, int width, int top) {
    CaptionPainter.hints(g);
    double baseline = top + pad() + typesetter.ascent();
    float size = typesetter.primary().getSize2D();
    for (String text : wrap(title, width)) {
      CaptionLine line = CaptionLine.of(List.of(text), List.of(0), true);
      TextLayout layout = typesetter.layout(line, List.of(Color.WHITE));
      double scale = Math.min(1, width / layout.getAdvance());
      Graphics2D lineG = (Graphics2D) g.create();
      try {
        lineG.translate(areaX + (width - layout.getAdvance() * scale) / 2, baseline);
        lineG.scale(scale, scale);
        var outline = layout.getOutline(null);
        lineG.setColor(new Color(0, 0, 0, 90));
        lineG.setStroke(
            new BasicStroke(size * 0.34f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        lineG.draw(outline);
        lineG.setColor(Color.BLACK);
        lineG.setStroke(
            new BasicStroke(size * 0.18f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        lineG.draw(outline);
        layout.draw(lineG, 0, 0);
      } finally {
        lineG.dispose();
      }
      baseline += typesetter.lineHeight();
    }
  }

  /** The title alone on a transparent band {@code bandWidth} wide. */
  public BufferedImage band(String title, int bandWidth, int areaX, int width) {
    BufferedImage band =
        new BufferedImage(bandWidth, height(title, width), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = band.createGraphics();
    try {
      draw(g, title, areaX, width, 0);
    } finally {
      g.dispose();
    }
    return band;
  }

  private double pad() {
    return typesetter.primary().getSize2D() * 0.25;
  }
}
