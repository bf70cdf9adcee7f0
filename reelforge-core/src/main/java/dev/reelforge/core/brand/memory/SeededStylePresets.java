package dev.reelforge.core.brand.memory;

import dev.reelforge.core.brand.StylePreset;
import java.util.List;

/**
 * The style presets every installation starts with: what PostgreSQL's migration {@code
 * V11__brand.sql} seeds and what the in-memory store offers. The PostgreSQL store's test holds the
 * two equal, so a preset changed in one place and not the other fails a build.
 */
public final class SeededStylePresets {

  /** In display order. */
  public static final List<StylePreset> ALL =
      List.of(
          new StylePreset(
              "cinematic",
              "Cinematic",
              "Anamorphic film look with shallow depth of field and a graded palette.",
              "cinematic anamorphic 2.39:1 framing, shallow depth of field, soft highlight"
                  + " roll-off, subtle film grain, teal-and-amber colour grade, motivated key"
                  + " light, gentle haze",
              "film",
              false,
              10),
          new StylePreset(
              "clean-product",
              "Clean product",
              "Studio product shot on a seamless background, every edge crisp.",
              "studio product photography, seamless neutral backdrop, large softbox key with rim"
                  + " light, crisp edges, true-to-life colour, soft contact shadow, slow turntable"
                  + " motion",
              "product",
              false,
              20),
          new StylePreset(
              "luxury-noir",
              "Luxury noir",
              "Low-key premium look: deep blacks, specular highlights, slow reveals.",
              "low-key lighting, deep blacks, hard specular highlights on glossy surfaces, slow"
                  + " dolly reveal, smoke and reflections, gold accents, restrained palette",
              "premium",
              true,
              30),
          new StylePreset(
              "vibrant-pop",
              "Vibrant pop",
              "Saturated colour blocks and energetic motion for social feeds.",
              "bold saturated colour blocking, high-key even light, punchy contrast, playful"
                  + " quick camera moves, graphic compositions, confetti and bouncing props",
              "social",
              false,
              40),
          new StylePreset(
              "natural-light",
              "Natural light",
              "Soft daylight, honest textures, lifestyle framing.",
              "soft window daylight, natural textures, warm neutral white balance, handheld"
                  + " documentary framing, lived-in lifestyle setting, gentle lens breathing",
              "lifestyle",
              false,
              50),
          new StylePreset(
              "retro-film",
              "Retro film",
              "Seventies 35 mm stock: warm fade, halation and grain.",
              "1970s 35mm film stock, warm faded colours, lifted blacks, halation around"
                  + " highlights, visible grain, slow zooms, vintage props and typography",
              "film",
              false,
              60));

  private SeededStylePresets() {}
}
