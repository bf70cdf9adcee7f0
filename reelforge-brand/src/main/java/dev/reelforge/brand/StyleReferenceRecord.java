package dev.reelforge.brand;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.StyleReference;
import java.util.List;

/**
 * Seed 001 §2's {@code StyleReference} as stored with a vision job; files are blob keys here (the
 * routes answer addresses).
 */
public record StyleReferenceRecord(
    String originalKey,
    String styleReferenceKey,
    String brandEssencePrompt,
    List<String> colorPalette,
    List<String> invariantElements,
    Processing processing) {

  /** How the reference was made. */
  public record Processing(String method, double strength, long seed, String provider) {}

  static StyleReferenceRecord of(
      String originalKey,
      String key,
      BrandAnalysis analysis,
      StyleReference reference,
      String provider) {
    return new StyleReferenceRecord(
        originalKey,
        key,
        analysis.brandEssencePrompt(),
        analysis.paletteHex(),
        analysis.invariantElements(),
        new Processing(reference.method(), reference.strength(), reference.seed(), provider));
  }
}
