package dev.reelforge.media.procedural;

import dev.reelforge.core.error.ReelForgeException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Everything that decides a designed picture, encodable as a candidate's location ({@code
 * design:STYLE/PALETTE/WIDTHxHEIGHT/SEED/TEXT}) so that a search result can be painted later.
 */
record Design(DesignStyle style, Palette palette, int width, int height, long seed, String text) {

  private static final String SCHEME = "design:";

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
        + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static Design parse(String location) {
    if (!location.startsWith(SCHEME)) {
      throw ReelForgeException.invalidField("location", "not a procedural design: " + location);
    }
    String[] parts = location.substring(SCHEME.length()).split("/", 5);
    try {
      String[] size = parts[2].split("x");
      Palette palette =
          Palette.ALL.stream()
              .filter(p -> p.name().equals(parts[1]))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("unknown palette " + parts[1]));
      return new Design(
          DesignStyle.valueOf(parts[0]),
          palette,
          Integer.parseInt(size[0]),
          Integer.parseInt(size[1]),
          Long.parseLong(parts[3]),
          URLDecoder.decode(parts.length > 4 ? parts[4] : "", StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw ReelForgeException.invalidField("location", "unreadable procedural design " + location);
    }
  }
}
