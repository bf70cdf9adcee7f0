package dev.reelforge.media.captions;

import dev.reelforge.core.timeline.BrandColours;
import java.awt.Color;
import java.util.Optional;

/**
 * A brand's colours ({@link BrandColours}) applied to captions and titles without giving up
 * legibility. Contrast is WCAG 2's ratio of relative luminances; {@link #READABLE} is its AA level
 * for body text, kept for captions and titles too because they sit over moving pictures.
 *
 * <ul>
 *   <li>Captions are drawn with a dark outline or shadow, so a colour is measured against black.
 *       The brand's text colour is used when it reads against it; otherwise the style's own white
 *       is kept (a dark brand text colour would vanish into its own outline).
 *   <li>The spoken word takes the accent when the accent reads against black. A darker accent
 *       becomes a box behind the spoken word instead, with the word in the text colour, so the
 *       brand still marks it. Styles that already box the spoken word ({@code boxed}) always box it
 *       in the accent. Karaoke's already-spoken words follow the accent where it is the word's
 *       colour.
 *   <li>The hook title is set on a panel of the primary colour, with no outline. Its letters take
 *       the brand's text colour when that reads on the primary, otherwise white or near-black,
 *       whichever reads better; a kicker takes the accent when that reads on the primary, otherwise
 *       the letters' colour.
 * </ul>
 */
public final class BrandInk {

  /** The least contrast ratio a brand colour must reach against what it is drawn on. */
  public static final double READABLE = 4.5;

  /** What captions are outlined with, and what they are measured against. */
  private static final Color OUTLINE = Color.BLACK;

  /** The dark choice for title letters on a light primary: softer than pure black. */
  private static final Color NEAR_BLACK = new Color(0x11, 0x11, 0x14);

  private final Color primary;
  private final Color accent;
  private final Color text;

  public BrandInk(BrandColours colours) {
    this.primary = new Color(BrandColours.rgb(colours.primary()));
    this.accent = new Color(BrandColours.rgb(colours.accent()));
    this.text = new Color(BrandColours.rgb(colours.text()));
  }

  /** {@code style} in the brand's colours, by the rules in the class comment. */
  public CaptionStyle caption(CaptionStyle style) {
    // The style's alpha stays (minimal's words are slightly see-through).
    Color letters =
        contrast(text, OUTLINE) >= READABLE ? withAlpha(text, style.text()) : style.text();
    boolean accentReads = contrast(accent, OUTLINE) >= READABLE;
    boolean boxed = style.highlightBox() != null || !accentReads;
    Color highlight = boxed ? letters : accent;
    Color box = boxed ? accent : null;
    Color spoken = style.spoken() != null && !boxed ? accent : null;
    return new CaptionStyle(
        style.name(),
        style.displayFace(),
        style.preferredFamily(),
        style.sizeRatio(),
        style.uppercase(),
        letters,
        highlight,
        spoken,
        box,
        style.outlineRatio(),
        style.shadow());
  }

  /** The hook title's colours, by the rules in the class comment. */
  public TitleInk title() {
    Color letters = text;
    if (contrast(text, primary) < READABLE) {
      letters =
          contrast(Color.WHITE, primary) >= contrast(NEAR_BLACK, primary)
              ? Color.WHITE
              : NEAR_BLACK;
    }
    Color kicker = contrast(accent, primary) >= READABLE ? accent : letters;
    return new TitleInk(letters, kicker, Optional.of(primary));
  }

  /** WCAG 2's contrast ratio of two opaque colours, from 1 (same) to 21 (black on white). */
  public static double contrast(Color a, Color b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /** WCAG 2's relative luminance: linearised sRGB, weighted as the eye weighs the primaries. */
  static double luminance(Color c) {
    return 0.2126 * linear(c.getRed())
        + 0.7152 * linear(c.getGreen())
        + 0.0722 * linear(c.getBlue());
  }

  private static double linear(int channel) {
    double v = channel / 255.0;
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }

  private static Color withAlpha(Color colour, Color alphaOf) {
    return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alphaOf.getAlpha());
  }
}
