package dev.reelforge.core.timeline;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A brand's colours for the graphics the renderer draws over the visuals: the hook title's backing
 * and the captions' text and spoken word. Each is {@code #rrggbb}; upper-case digits are kept in
 * lower case. The format is checked by {@link TimelineValidator} (so that an API caller sees every
 * bad field at once), not here; the renderer draws only validated timelines.
 *
 * @param primary the hook title's backing
 * @param accent the word being spoken in captions (and a title's kicker, where it reads)
 * @param text caption and title lettering
 */
public record BrandColours(String primary, String accent, String text) {

  private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");

  public BrandColours {
    primary = lower(Objects.requireNonNull(primary, "primary"));
    accent = lower(Objects.requireNonNull(accent, "accent"));
    text = lower(Objects.requireNonNull(text, "text"));
  }

  /** Whether {@code colour} is {@code #rrggbb} (lower case, as the constructor keeps it). */
  public static boolean isHex(String colour) {
    return colour != null && HEX.matcher(colour).matches();
  }

  /**
   * The colour as {@code 0xRRGGBB}.
   *
   * @throws IllegalArgumentException when it is not {@code #rrggbb}
   */
  public static int rgb(String colour) {
    if (!isHex(colour)) {
      throw new IllegalArgumentException("a colour is #rrggbb, was " + colour);
    }
    return Integer.parseInt(colour.substring(1), 16);
  }

  private static String lower(String colour) {
    return colour.toLowerCase(Locale.ROOT);
  }
}
