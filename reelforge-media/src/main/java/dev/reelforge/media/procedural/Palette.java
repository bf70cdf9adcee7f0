package dev.reelforge.media.procedural;

import java.awt.Color;
import java.util.List;

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

  static Color withAlpha(Color color, int alpha) {
    return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
  }
}
