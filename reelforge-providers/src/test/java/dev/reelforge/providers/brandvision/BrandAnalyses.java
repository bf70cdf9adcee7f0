package dev.reelforge.providers.brandvision;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.BrandAnalysis.Look;
import dev.reelforge.core.brand.BrandAnalysis.PaletteColour;
import dev.reelforge.core.brand.BrandAnalysis.Quality;
import dev.reelforge.core.brand.BrandAnalysis.Role;
import dev.reelforge.core.brand.BrandAnalysis.TextPresence;
import dev.reelforge.core.brand.BrandAnalysis.Texture;
import dev.reelforge.core.brand.Scores;
import java.util.List;
import java.util.Optional;

/** A finished analysis of {@link BrandPictures#logo}, for the adapters that start from one. */
public final class BrandAnalyses {

  public static final String ESSENCE =
      "A bold orange disc on clean white, flat vector style, crisp edges, playful confidence";

  private BrandAnalyses() {}

  public static BrandAnalysis orangeDisc() {
    return new BrandAnalysis(
        List.of(
            new PaletteColour(BrandPictures.WHITE, 0.79, Role.BACKGROUND),
            new PaletteColour(BrandPictures.ORANGE, 0.21, Role.SUBJECT)),
        new Look(0.8, 0.4, 0.3, 0.4),
        new Texture(0.05, 0.02),
        TextPresence.none("test"),
        new Quality(BrandPictures.WIDTH, BrandPictures.HEIGHT, 1, 0, 0.29),
        new Scores(0.3, 0.75, 0.4, 0.95),
        ESSENCE,
        List.of("the orange disc", "generous white space"),
        Optional.empty(),
        "test/fixture");
  }
}
