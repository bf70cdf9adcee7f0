package dev.reelforge.providers.brand;

import dev.reelforge.core.brand.BrandAnalysis.Look;
import dev.reelforge.core.brand.BrandAnalysis.Quality;
import dev.reelforge.core.brand.BrandAnalysis.Texture;
import dev.reelforge.core.brand.Scores;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The four scores from the measures, by the rules written in {@link PixelBrandAnalyzer}'s class
 * comment: weighted sums of measures in [0, 1], each weight positive, so that every rule is
 * monotonic in the measures it names; then rounded to two decimals.
 */
final class BrandScoring {

  /** Below this contrast a picture counts as near-uniform and loses integrity in proportion. */
  static final double UNIFORM_CONTRAST = 0.08;

  /** Text covering this share of the picture counts fully towards logic. */
  static final double FULL_TEXT_COVERAGE = 0.05;

  private BrandScoring() {}

  static Scores score(Measures m) {
    return new Scores(
        Scores.round2(physics(m.texture(), m.look())),
        Scores.round2(vibe(m.look(), m.harmony())),
        Scores.round2(logic(m)),
        Scores.round2(integrity(m.look(), m.quality())));
  }

  static double physics(Texture texture, Look look) {
    return unit(
        0.5 * texture.textureDensity()
            + 0.3 * Math.min(1, 3 * texture.edgeDensity())
            + 0.2 * look.saturation());
  }

  static double vibe(Look look, double harmony) {
    return unit(
        0.35 * look.colourfulness()
            + 0.25 * look.saturation()
            + 0.2 * look.contrast()
            + 0.2 * harmony);
  }

  static double logic(Measures m) {
    double text =
        m.text().present() ? 0.5 + 0.5 * Math.min(1, m.text().coverage() / FULL_TEXT_COVERAGE) : 0;
    double flatness = 1 - m.texture().textureDensity();
    return unit(0.45 * text + 0.3 * flatness + 0.25 * m.straightness());
  }

  static double integrity(Look look, Quality quality) {
    return unit(
        content(look)
            * (0.25 + 0.75 * quality.sharpness())
            * (1 - 0.5 * quality.blockiness())
            * (0.2 + 0.8 * quality.resolution())
            * (0.6 + 0.4 * exposure(look)));
  }

  /** 1 for a mean brightness within [0.1, 0.9], falling to 0 at pure black or white. */
  static double exposure(Look look) {
    return 1 - unit((Math.abs(look.brightness() - 0.5) - 0.4) / 0.1);
  }

  static double content(Look look) {
    return unit(look.contrast() / UNIFORM_CONTRAST);
  }

  /** Why integrity is below the floor, naming each cause with its measure; empty above it. */
  static Optional<String> flaggedReason(Scores scores, Look look, Quality quality) {
    if (!scores.belowIntegrityFloor()) {
      return Optional.empty();
    }
    List<String> causes = new ArrayList<>();
    if (content(look) < 0.8) {
      causes.add(String.format(Locale.ROOT, "near-uniform (contrast %.2f)", look.contrast()));
    }
    if (quality.sharpness() < 0.15) {
      causes.add(
          String.format(Locale.ROOT, "heavily blurred (sharpness %.2f)", quality.sharpness()));
    } else if (quality.sharpness() < 0.4) {
      causes.add(String.format(Locale.ROOT, "soft (sharpness %.2f)", quality.sharpness()));
    }
    if (quality.blockiness() > 0.5) {
      causes.add(
          String.format(
              Locale.ROOT, "blocky from compression (blockiness %.2f)", quality.blockiness()));
    }
    if (quality.resolution() < 0.25) {
      causes.add("tiny (" + quality.width() + "×" + quality.height() + ")");
    } else if (quality.resolution() < 0.5) {
      causes.add("small (" + quality.width() + "×" + quality.height() + ")");
    }
    if (exposure(look) < 1) {
      causes.add(
          String.format(
              Locale.ROOT,
              "%s (brightness %.2f)",
              look.brightness() < 0.5 ? "underexposed" : "overexposed",
              look.brightness()));
    }
    String why = causes.isEmpty() ? "has low technical quality" : "is " + joined(causes);
    return Optional.of(
        String.format(
            Locale.ROOT,
            "integrity %.2f below %.1f: image %s",
            scores.integrity(),
            Scores.INTEGRITY_FLOOR,
            why));
  }

  private static String joined(List<String> parts) {
    if (parts.size() == 1) {
      return parts.getFirst();
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
  }

  private static double unit(double value) {
    return ToneMeter.unit(value);
  }
}
