package dev.reelforge.media.procedural;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Five colours that belong together: two for the background gradient, two accents, and an ink that
 * reads on all of them. Curated by hand (complementary accents, contrast ≥ 4.5 for the ink over the
 * background's average) rather than generated, because random palettes look random.
 */
public record Palette(String name, Color from, Color to, Color accent, Color second, Color ink) {

  static final List<Palette> ALL =
      List.of(
          of("dusk", 0x2B1B5A, 0xE0567A, 0xFFB86B, 0x62D2FF, 0xFFFFFF),
          of("ocean", 0x062A4D, 0x0FA3B1, 0xB5E2FA, 0xF7A072, 0xFFFFFF),
          of("forest", 0x0E2F23, 0x3E8E5E, 0xE9D985, 0xB2D3A8, 0xFFFFFF),
          of("ember", 0x2D0B0B, 0xC2410C, 0xFBBF24, 0xFDE68A, 0xFFFFFF),
          of("mint", 0xE8FFF5, 0x9EE6CF, 0x1F7A8C, 0xFF6F59, 0x102A43),
          of("paper", 0xFFF7E8, 0xF2D0A9, 0xD1495B, 0x00798C, 0x1B1B1E),
          of("neon", 0x0B0B1F, 0x3A0CA3, 0xF72585, 0x4CC9F0, 0xFFFFFF),
          of("slate", 0x1E293B, 0x475569, 0x38BDF8, 0xF472B6, 0xFFFFFF));

  private static Palette of(String name, int from, int to, int accent, int second, int ink) {
    return new Palette(
        name, new Color(from), new Color(to), new Color(accent), new Color(second), new Color(ink));
  }

  /** A palette picked by {@code seed}, the same seed always giving the same one. */
  public static Palette pick(long seed) {
    return ALL.get((int) Math.floorMod(seed, (long) ALL.size()));
  }

  /** A {@code #rrggbb} colour named in a prompt (a brand palette written by the director). */
  static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{6})\\b");

  private static final String HEX_PREFIX = "hex-";

  /** The {@code #rrggbb} colours a prompt names, in order, without repeats. */
  static List<Color> hexColours(String prompt) {
    List<Color> out = new ArrayList<>();
    Matcher m = HEX.matcher(prompt);
    while (m.find()) {
      Color colour = new Color(Integer.parseInt(m.group(1), 16));
      if (!out.contains(colour)) {
        out.add(colour);
      }
    }
    return out;
  }

  /**
   * A palette built from brand colours, the first leading: the background is a gradient from it to
   * a slightly deeper shade of it, so the picture reads as that colour; the accents are the next
   * colours (or light and deep tints of the first), and the ink is white or near-black, whichever
   * reads better on the first.
   */
  static Palette fromHexes(List<Color> colours) {
    Color lead = colours.getFirst();
    Color accent = colours.size() > 1 ? colours.get(1) : mix(lead, Color.WHITE, 0.55);
    Color second = colours.size() > 2 ? colours.get(2) : mix(lead, Color.BLACK, 0.45);
    Color ink = luminance(lead) > 0.55 ? new Color(0x1B1B1E) : Color.WHITE;
    StringBuilder name = new StringBuilder("hex");
    for (Color colour : colours) {
      name.append('-').append(String.format(Locale.ROOT, "%06x", colour.getRGB() & 0xFFFFFF));
    }
    return new Palette(name.toString(), lead, mix(lead, Color.BLACK, 0.15), accent, second, ink);
  }

  /** A curated palette by name, or a brand palette by its {@code hex-rrggbb-…} name. */
  static Palette named(String name) {
    if (name.startsWith(HEX_PREFIX)) {
      List<Color> colours = new ArrayList<>();
      for (String hex : name.substring(HEX_PREFIX.length()).split("-")) {
        colours.add(new Color(Integer.parseInt(hex, 16)));
      }
      return fromHexes(colours);
    }
    return ALL.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown palette " + name));
  }

  private static Color mix(Color a, Color b, double t) {
    return new Color(
        (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
  }

  private static double luminance(Color c) {
    return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
  }

  static Color withAlpha(Color color, int alpha) {
    return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
  }
}
