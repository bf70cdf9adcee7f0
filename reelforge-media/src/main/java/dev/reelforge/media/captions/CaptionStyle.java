package dev.reelforge.media.captions;

import dev.reelforge.core.error.ReelForgeException;
import java.awt.Color;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A named look for burned-in captions. The names are core's {@link
 * dev.reelforge.core.render.CaptionStyles#NAMES}, which features check a choice against.
 *
 * @param name the name timelines use
 * @param displayFace whether to use the display face (Roboto Black or an installed one) rather than
 *     the text face
 * @param preferredFamily an installed family used instead when present (e.g. Bebas Neue)
 * @param sizeRatio the font size as a fraction of the frame's shorter side
 * @param uppercase whether words are shown in capitals
 * @param text the colour of words not being spoken
 * @param highlight the colour of the word being spoken
 * @param spoken the colour of words already spoken (karaoke), or null to use {@code text}
 * @param highlightBox the colour of a box drawn behind the spoken word, or null for none
 * @param outlineRatio the outline width as a fraction of the font size (0 for none)
 * @param shadow whether a soft drop shadow is drawn
 */
public record CaptionStyle(
    String name,
    boolean displayFace,
    Optional<String> preferredFamily,
    double sizeRatio,
    boolean uppercase,
    Color text,
    Color highlight,
    Color spoken,
    Color highlightBox,
    double outlineRatio,
    boolean shadow) {

  /** Capitals in a heavy face, thick black outline, the spoken word in yellow. */
  public static final CaptionStyle BOLD_POP =
      new CaptionStyle(
          "bold-pop",
          true,
          Optional.empty(),
          0.074,
          true,
          Color.WHITE,
          new Color(0xFF, 0xE1, 0x35),
          null,
          null,
          0.16,
          true);

  /** Sentence case; the spoken word sits in a violet box. */
  public static final CaptionStyle BOXED =
      new CaptionStyle(
          "boxed",
          false,
          Optional.empty(),
          0.066,
          false,
          Color.WHITE,
          Color.WHITE,
          null,
          new Color(0x7C, 0x3A, 0xED),
          0.08,
          true);

  /** Quiet: slightly see-through white with a shadow, the spoken word in cyan. */
  public static final CaptionStyle MINIMAL =
      new CaptionStyle(
          "minimal",
          false,
          Optional.empty(),
          0.058,
          false,
          new Color(255, 255, 255, 210),
          new Color(0x22, 0xD3, 0xEE),
          null,
          null,
          0,
          true);

  /** Karaoke: words fill with colour as they are spoken, in a condensed display face. */
  public static final CaptionStyle KARAOKE =
      new CaptionStyle(
          "karaoke",
          true,
          Optional.of("Bebas Neue"),
          0.08,
          true,
          Color.WHITE,
          new Color(0x4A, 0xDE, 0x80),
          new Color(0x4A, 0xDE, 0x80),
          null,
          0.12,
          true);

  private static final CaptionStyle[] ALL = {BOLD_POP, BOXED, MINIMAL, KARAOKE};

  /**
   * @throws ReelForgeException {@code INVALID_INPUT} naming the known styles
   */
  public static CaptionStyle byName(String name) {
    return Arrays.stream(ALL)
        .filter(s -> s.name.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                ReelForgeException.invalidField(
                    "captions.style",
                    "unknown caption style '" + name + "'; known: " + String.join(", ", names())));
  }

  public static java.util.List<String> names() {
    return Arrays.stream(ALL).map(CaptionStyle::name).collect(Collectors.toList());
  }

  /** The colour of a word, given whether it is being spoken or already has been. */
  Color colorOf(boolean active, boolean alreadySpoken) {
    if (active) {
      return highlight;
    }
    return alreadySpoken && spoken != null ? spoken : text;
  }
}
