package dev.reelforge.media.captions;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.text.AttributedString;
import java.util.List;

/**
 * Shapes caption lines with Java2D's {@link TextLayout}, which applies the Unicode bidirectional
 * algorithm and complex-script shaping (Arabic joining, Indic reordering), with a font chosen per
 * character so that a line mixing Latin, CJK and Arabic draws every glyph.
 */
public final class CaptionTypesetter {

  private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

  private final FontLibrary fonts;
  private final Font primary;

  public CaptionTypesetter(FontLibrary fonts, CaptionStyle style, float sizePx) {
    this.fonts = fonts;
    Font base =
        style
            .preferredFamily()
            .flatMap(fonts::installed)
            .orElse(style.displayFace() ? fonts.display() : fonts.body());
    this.primary = base.deriveFont(sizePx);
  }

  /** Sets text in {@code primary} (at its size), falling back per character as captions do. */
  public CaptionTypesetter(FontLibrary fonts, Font primary) {
    this.fonts = fonts;
    this.primary = primary;
  }

  public Font primary() {
    return primary;
  }

  /** The advance of a line of text at this size. */
  public double width(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    return layout(text).getAdvance();
  }

  /** Ascent plus descent plus leading of the primary face: the distance between baselines. */
  public double lineHeight() {
    TextLayout sample = layout("Hg");
    return (sample.getAscent() + sample.getDescent() + sample.getLeading()) * 1.05;
  }

  public double ascent() {
    return layout("Hg").getAscent();
  }

  /**
   * Lays out {@code line} with every word in its colour; {@code colors} may be null for a plain
   * measurement.
   */
  public TextLayout layout(CaptionLine line, List<Color> colors) {
    AttributedString attributed = attributed(line.text());
    if (colors != null) {
      for (int w = 0; w < line.size(); w++) {
        attributed.addAttribute(
            TextAttribute.FOREGROUND,
            colors.get(w),
            line.wordStarts().get(w),
            line.wordEnds().get(w));
      }
    }
    return new TextLayout(attributed.getIterator(), CONTEXT);
  }

  private TextLayout layout(String text) {
    return new TextLayout(attributed(text).getIterator(), CONTEXT);
  }

  private AttributedString attributed(String text) {
    AttributedString attributed = new AttributedString(text);
    // One font per run of characters it can draw: the fallback decision is per code point.
    int runStart = 0;
    Font runFont = null;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      Font font =
          Character.isWhitespace(codePoint) && runFont != null
              ? runFont
              : fonts.fontFor(codePoint, primary);
      if (runFont != null && !font.equals(runFont)) {
        attributed.addAttribute(TextAttribute.FONT, sized(runFont), runStart, i);
        runStart = i;
      }
      runFont = font;
      i += Character.charCount(codePoint);
    }
    if (runFont != null) {
      attributed.addAttribute(TextAttribute.FONT, sized(runFont), runStart, text.length());
    }
    return attributed;
  }

  private Font sized(Font font) {
    return font.getSize2D() == primary.getSize2D() ? font : font.deriveFont(primary.getSize2D());
  }
}
