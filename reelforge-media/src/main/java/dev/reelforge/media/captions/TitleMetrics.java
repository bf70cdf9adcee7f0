package dev.reelforge.media.captions;

import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;

/**
 * The vertical measures of a title at one size. Titles in capitals are set tighter than captions:
 * their lines are spaced by the capitals' height rather than the font's full ascent (which leaves
 * room for accents and lower-case ascenders a capital title mostly lacks), which reads as one
 * designed block instead of loose lines.
 *
 * @param size the font size in pixels
 * @param pitch the distance from one baseline to the next
 * @param ascent from the top of the text to the first baseline
 * @param descent from the last baseline to the bottom of the text
 * @param outline the room the outline and its halo take beyond the glyphs, on every side
 */
public record TitleMetrics(
    float size,
    double pitch,
    double ascent,
    double descent,
    double outline,
    CaptionTypesetter measure,
    double measureScale) {

  /** The outline's halo width as a fraction of the size; the halo extends half of it outside. */
  public static final double HALO_RATIO = 0.34;

  /** Capitals: baseline to baseline, as a multiple of the capitals' height. */
  private static final double CAPITALS_PITCH = 1.42;

  /** Capitals: what hangs below the baseline (Q's tail, a comma), as a fraction of the size. */
  private static final double CAPITALS_DESCENT = 0.16;

  private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

  static TitleMetrics of(CaptionTypesetter typesetter, boolean capitals) {
    float size = typesetter.primary().getSize2D();
    double outline = size * HALO_RATIO / 2;
    if (!capitals) {
      return new TitleMetrics(
          size,
          typesetter.lineHeight(),
          typesetter.ascent(),
          typesetter.lineHeight() - typesetter.ascent(),
          outline,
          typesetter,
          1);
    }
    double capHeight = new TextLayout("H", typesetter.primary(), CONTEXT).getBounds().getHeight();
    return new TitleMetrics(
        size,
        capHeight * CAPITALS_PITCH,
        capHeight,
        size * CAPITALS_DESCENT,
        outline,
        typesetter,
        1);
  }

  /** The same measures at {@code scale} times the size. */
  TitleMetrics scaled(double scale) {
    return new TitleMetrics(
        (float) (size * scale),
        pitch * scale,
        ascent * scale,
        descent * scale,
        outline * scale,
        measure,
        measureScale * scale);
  }

  /** The width of a line's text (already in the shown case) at this size. */
  double width(String text) {
    return measure.width(text) * measureScale;
  }

  /** The height of a block of {@code lines} lines, outline included. */
  public double height(int lines) {
    return 2 * outline + ascent + descent + pitch * Math.max(0, lines - 1);
  }
}
