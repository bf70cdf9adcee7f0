package dev.reelforge.core.brand;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A clean derivative of the brand image that feeds every later step (seed 001 §2 {@code
 * StyleReference.processing}).
 *
 * @param file the derivative (PNG or JPEG)
 * @param method how it was made: {@code local-derivative} (subject crop, denoise, colour
 *     normalisation) or {@code flux-dev-img2img}
 * @param strength how far from the original, in [0, 1]; img2img uses 0.3 to 0.5
 * @param seed the seed used, stored for reproducibility
 */
public record StyleReference(Path file, String method, double strength, long seed) {

  public static final String LOCAL_DERIVATIVE = "local-derivative";
  public static final String FLUX_DEV_IMG2IMG = "flux-dev-img2img";

  public StyleReference {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(method, "method");
    strength = Scores.unit("strength", strength);
  }
}
