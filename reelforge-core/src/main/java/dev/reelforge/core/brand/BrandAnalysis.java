package dev.reelforge.core.brand;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an analyser found in a brand image (seed 001 §1 "The Strategist"): measured facts, four
 * scores in [0, 1] and the distilled {@code brandEssencePrompt}. Offline analysers fill every fact
 * from the pixels; a cloud analyser fills what its model answers and may leave measurements at
 * their defaults.
 *
 * @param palette dominant colours, most prominent first; at least one
 * @param look global tone measures
 * @param texture edge and texture density
 * @param text lettering found in the image
 * @param quality technical quality of the upload
 * @param scores routing and integrity scores
 * @param brandEssencePrompt a distilled description for prompts, written from the facts
 * @param invariantElements visual anchors every output must keep (seed 001's {@code
 *     invariant_elements})
 * @param flaggedReason why the image is flagged (integrity below {@link Scores#INTEGRITY_FLOOR}),
 *     empty when it is not
 * @param analyzer the analyser and model that answered, e.g. {@code local/pixels-1}
 */
public record BrandAnalysis(
    List<PaletteColour> palette,
    Look look,
    Texture texture,
    TextPresence text,
    Quality quality,
    Scores scores,
    String brandEssencePrompt,
    List<String> invariantElements,
    Optional<String> flaggedReason,
    String analyzer) {

  public BrandAnalysis {
    palette = List.copyOf(palette);
    if (palette.isEmpty()) {
      throw new IllegalArgumentException("a brand analysis names at least one palette colour");
    }
    Objects.requireNonNull(look, "look");
    Objects.requireNonNull(texture, "texture");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(brandEssencePrompt, "brandEssencePrompt");
    invariantElements = List.copyOf(invariantElements);
    Objects.requireNonNull(flaggedReason, "flaggedReason");
    Objects.requireNonNull(analyzer, "analyzer");
  }

  /** Whether the integrity filter flags this image (seed 001 §1: integrity below 0.4). */
  public boolean flagged() {
    return flaggedReason.isPresent();
  }

  /** The palette's hex codes, most prominent first. */
  public List<String> paletteHex() {
    return palette.stream().map(PaletteColour::hex).toList();
  }

  /**
   * One dominant colour.
   *
   * @param hex {@code #rrggbb}, lower case
   * @param share the fraction of the image's pixels it stands for, in [0, 1]
   * @param role whether it belongs to the subject or the background
   */
  public record PaletteColour(String hex, double share, Role role) {
    public PaletteColour {
      if (hex == null || !hex.matches("#[0-9a-f]{6}")) {
        throw new IllegalArgumentException("a palette colour is #rrggbb in lower case, was " + hex);
      }
      Objects.requireNonNull(role, "role");
      share = Scores.unit("share", share);
    }
  }

  /** Where a palette colour sits. */
  public enum Role {
    SUBJECT,
    BACKGROUND
  }

  /**
   * Global tone, each in [0, 1]: mean luminance, its standard deviation (RMS contrast, doubled and
   * capped), mean HSV saturation and Hasler–Süsstrunk colourfulness scaled by 1/150 and capped.
   */
  public record Look(double brightness, double contrast, double saturation, double colourfulness) {
    public Look {
      brightness = Scores.unit("brightness", brightness);
      contrast = Scores.unit("contrast", contrast);
      saturation = Scores.unit("saturation", saturation);
      colourfulness = Scores.unit("colourfulness", colourfulness);
    }
  }

  /** Share of edge pixels and of high local variance (texture), each in [0, 1]. */
  public record Texture(double edgeDensity, double textureDensity) {
    public Texture {
      edgeDensity = Scores.unit("edgeDensity", edgeDensity);
      textureDensity = Scores.unit("textureDensity", textureDensity);
    }
  }

  /**
   * Lettering in the image.
   *
   * @param present whether text was found
   * @param text the words read, empty when none or when no reader was available
   * @param coverage the fraction of the image the text covers, in [0, 1]
   * @param reader how it was read: {@code tesseract}, {@code heuristic} or a model's name
   */
  public record TextPresence(boolean present, String text, double coverage, String reader) {
    public TextPresence {
      text = Objects.requireNonNullElse(text, "");
      coverage = Scores.unit("coverage", coverage);
      Objects.requireNonNull(reader, "reader");
    }

    public static TextPresence none(String reader) {
      return new TextPresence(false, "", 0, reader);
    }
  }

  /**
   * Technical quality of the upload.
   *
   * @param width pixels
   * @param height pixels
   * @param sharpness 1 for crisp, 0 for blurred (from the variance of the Laplacian)
   * @param blockiness 0 for clean, 1 for heavy 8×8 compression blocks
   * @param resolution 1 at or above 1024 pixels on the short side, less below
   */
  public record Quality(
      int width, int height, double sharpness, double blockiness, double resolution) {
    public Quality {
      if (width <= 0 || height <= 0) {
        throw new IllegalArgumentException("an analysed image has pixels");
      }
      sharpness = Scores.unit("sharpness", sharpness);
      blockiness = Scores.unit("blockiness", blockiness);
      resolution = Scores.unit("resolution", resolution);
    }
  }
}
