package dev.reelforge.core.brand;

import java.nio.file.Path;

/** Makes the style reference from the original upload and its analysis (seed 001 §2). */
public interface StyleReferencer {

  String name();

  /**
   * @param original the normalised PNG of the upload
   * @param analysis what the analyser found (its brand essence is the img2img prompt)
   * @param seed the seed to use
   * @param directory where to write the derivative
   */
  StyleReference reference(Path original, BrandAnalysis analysis, long seed, Path directory);
}
