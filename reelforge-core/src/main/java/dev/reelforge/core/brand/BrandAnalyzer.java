package dev.reelforge.core.brand;

import java.nio.file.Path;

/**
 * Looks at a brand image and answers its palette, measures, scores and brand essence (seed 001 §1).
 * Implementations: the offline pixel analyser, Gemini and OpenAI vision.
 */
public interface BrandAnalyzer {

  /** A short name, e.g. {@code local}, {@code gemini}, {@code openai}. */
  String name();

  /**
   * Analyses one image.
   *
   * @param image a PNG the upload was normalised to (at most 2048 pixels on its long side)
   * @throws dev.reelforge.core.error.ReelForgeException PROVIDER_UNAVAILABLE, PROVIDER_TIMEOUT,
   *     PROVIDER_REJECTED as a cloud vendor fails
   */
  BrandAnalysis analyze(Path image);
}
