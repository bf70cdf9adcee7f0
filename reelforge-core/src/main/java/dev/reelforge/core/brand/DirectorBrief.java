package dev.reelforge.core.brand;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the director writes a storyboard from (seed 001 §1 "The Technical Director": brand strategy,
 * style reference, cinematography rules).
 *
 * @param analysis the vision job's analysis
 * @param styleReferenceUrl where engines can see the style reference; empty without a public
 *     address
 * @param stylePreset the chosen preset's prompt layer, e.g. {@code cinematic film grain}; empty for
 *     none
 * @param sceneCount how many scenes, 1 to 6
 * @param seed repeatability for writers that draw choices
 */
public record DirectorBrief(
    BrandAnalysis analysis,
    Optional<String> styleReferenceUrl,
    Optional<String> stylePreset,
    int sceneCount,
    long seed) {

  public static final int MAX_SCENES = 6;

  public DirectorBrief {
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(styleReferenceUrl, "styleReferenceUrl");
    Objects.requireNonNull(stylePreset, "stylePreset");
    if (sceneCount < 1 || sceneCount > MAX_SCENES) {
      throw new IllegalArgumentException("a storyboard has 1 to " + MAX_SCENES + " scenes");
    }
  }

  /** The palette's hex codes, for prompts. */
  public List<String> palette() {
    return analysis.paletteHex();
  }
}
