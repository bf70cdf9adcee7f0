package dev.reelforge.providers.brand;

import dev.reelforge.core.brand.BrandAnalysis.Look;
import dev.reelforge.core.brand.BrandAnalysis.Quality;
import dev.reelforge.core.brand.BrandAnalysis.TextPresence;
import dev.reelforge.core.brand.BrandAnalysis.Texture;
import java.util.List;

/**
 * Everything measured in one picture, before scoring: the analysis's facts plus the two measures
 * only the rules use (straightness of edges, palette harmony) and the background's share.
 */
record Measures(
    List<Swatch> palette,
    Look look,
    Texture texture,
    double straightness,
    double backgroundShare,
    TextPresence text,
    Quality quality) {

  List<Swatch> subjectColours() {
    return palette.stream().filter(Swatch::subject).toList();
  }

  List<Swatch> backgroundColours() {
    return palette.stream().filter(s -> !s.subject()).toList();
  }

  /** Few colours, little texture: a flat graphic (logo, icon, poster) rather than a photograph. */
  boolean flatGraphic() {
    return texture.textureDensity() < 0.2 && palette.size() <= 4;
  }

  /**
   * How well the palette's chromatic colours go together, in [0, 1]: the share of pairs whose hues
   * are analogous (within 40°) or complementary (150°–210° apart). One chromatic colour or none (a
   * mark in one colour on white) is fully harmonious.
   */
  double harmony() {
    List<Swatch> chromatic = palette.stream().filter(s -> s.lab().chroma() > 15).toList();
    if (chromatic.size() < 2) {
      return 1;
    }
    int pairs = 0;
    int harmonious = 0;
    for (int x = 0; x < chromatic.size(); x++) {
      for (int y = x + 1; y < chromatic.size(); y++) {
        double d = Math.abs(chromatic.get(x).lab().hue() - chromatic.get(y).lab().hue());
        d = Math.min(d, 360 - d);
        pairs++;
        if (d <= 40 || (d >= 150 && d <= 210)) {
          harmonious++;
        }
      }
    }
    return (double) harmonious / pairs;
  }
}
