package dev.reelforge.providers.brand;

import java.util.List;
import java.util.Map;

/** Names a colour in words (the nearest of a designer's small vocabulary, by ΔE in Lab). */
final class ColourNames {

  private static final List<Map.Entry<String, Lab>> NAMES =
      List.of(
              Map.entry("white", "#ffffff"),
              Map.entry("off-white", "#f4f1ea"),
              Map.entry("cream", "#f3e5c0"),
              Map.entry("beige", "#d9c7a5"),
              Map.entry("light grey", "#c8c8c8"),
              Map.entry("grey", "#8a8a8a"),
              Map.entry("charcoal", "#3a3a3a"),
              Map.entry("black", "#000000"),
              Map.entry("crimson", "#d62828"),
              Map.entry("red", "#ff1f1f"),
              Map.entry("maroon", "#7a1020"),
              Map.entry("rose", "#e8607a"),
              Map.entry("pink", "#f6a5c0"),
              Map.entry("magenta", "#d01fb0"),
              Map.entry("purple", "#7b2cbf"),
              Map.entry("lavender", "#b8a6e6"),
              Map.entry("indigo", "#3a2b8c"),
              Map.entry("navy", "#14213d"),
              Map.entry("royal blue", "#2146c7"),
              Map.entry("blue", "#1e6fe0"),
              Map.entry("sky blue", "#7cc6f2"),
              Map.entry("cyan", "#17c3d6"),
              Map.entry("teal", "#0f7c80"),
              Map.entry("emerald", "#1a9e5f"),
              Map.entry("green", "#3fae3f"),
              Map.entry("forest green", "#1f4d2b"),
              Map.entry("lime", "#a6d608"),
              Map.entry("olive", "#6b6b1f"),
              Map.entry("yellow", "#ffd60a"),
              Map.entry("gold", "#d4a017"),
              Map.entry("amber", "#ffa000"),
              Map.entry("orange", "#f77f00"),
              Map.entry("terracotta", "#c4643c"),
              Map.entry("brown", "#6f4525"),
              Map.entry("tan", "#c19a6b"))
          .stream()
          .map(e -> Map.entry(e.getKey(), Lab.fromHex(e.getValue())))
          .toList();

  private ColourNames() {}

  static String name(Lab colour) {
    String best = NAMES.getFirst().getKey();
    double bestDistance = Double.MAX_VALUE;
    for (Map.Entry<String, Lab> entry : NAMES) {
      double d = entry.getValue().distance(colour);
      if (d < bestDistance) {
        bestDistance = d;
        best = entry.getKey();
      }
    }
    return best;
  }

  /** Whether a colour reads warm (reds, oranges, yellows) rather than cool or neutral. */
  static boolean warm(Lab colour) {
    double hue = colour.hue();
    return colour.chroma() > 15 && (hue < 100 || hue > 330);
  }

  static boolean cool(Lab colour) {
    double hue = colour.hue();
    return colour.chroma() > 15 && hue >= 150 && hue <= 320;
  }
}
