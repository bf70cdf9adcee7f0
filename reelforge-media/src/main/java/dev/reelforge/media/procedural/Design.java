package dev.reelforge.media.procedural;

import dev.reelforge.core.error.ReelForgeException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Everything that decides a designed picture, encodable as a candidate's location ({@code
 * design:STYLE/PALETTE/WIDTHxHEIGHT/SEED/TEXT/ICONS}) so that a search result can be painted later.
 *
 * @param text the words a typography card shows (other styles ignore it)
 * @param icons for illustrations, the icons to compose, the leading one first (names in {@link
 *     dev.reelforge.media.procedural.icons.IconSet}); empty for other styles
 */
record Design(
    DesignStyle style,
    Palette palette,
    int width,
    int height,
    long seed,
    String text,
    List<String> icons) {

  private static final String SCHEME = "design:";

  Design {
    icons = List.copyOf(icons);
  }

  Design(DesignStyle style, Palette palette, int width, int height, long seed, String text) {
    this(style, palette, width, height, seed, text, List.of());
  }

  String location() {
    return SCHEME
        + style
        + "/"
        + palette.name()
        + "/"
        + width
        + "x"
        + height
        + "/"
        + seed
        + "/"
        + URLEncoder.encode(text, StandardCharsets.UTF_8)
        + "/"
        + URLEncoder.encode(String.join(",", icons), StandardCharsets.UTF_8);
  }

  static Design parse(String location) {
    if (!location.startsWith(SCHEME)) {
      throw ReelForgeException.invalidField("location", "not a procedural design: " + location);
    }
    String[] parts = location.substring(SCHEME.length()).split("/", 6);
    try {
      String[] size = parts[2].split("x");
      Palette palette = Palette.named(parts[1]);
      // Locations written before illustrations have no icons part.
      String icons = parts.length > 5 ? URLDecoder.decode(parts[5], StandardCharsets.UTF_8) : "";
      return new Design(
          DesignStyle.valueOf(parts[0]),
          palette,
          Integer.parseInt(size[0]),
          Integer.parseInt(size[1]),
          Long.parseLong(parts[3]),
          URLDecoder.decode(parts.length > 4 ? parts[4] : "", StandardCharsets.UTF_8),
          icons.isEmpty() ? List.of() : Arrays.asList(icons.split(",")));
    } catch (RuntimeException e) {
      throw ReelForgeException.invalidField("location", "unreadable procedural design " + location);
    }
  }
}
