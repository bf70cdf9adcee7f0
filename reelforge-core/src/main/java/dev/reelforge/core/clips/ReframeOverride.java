package dev.reelforge.core.clips;

import java.util.OptionalDouble;

/**
 * A person's choice of framing for one clip, replacing what face tracking would decide.
 *
 * @param blurredFit show the whole picture over a blurred copy instead of cropping
 * @param centerX for a crop: the point of the source kept at the centre, as a fraction of its width
 */
public record ReframeOverride(boolean blurredFit, OptionalDouble centerX) {

  public ReframeOverride {
    centerX = centerX == null ? OptionalDouble.empty() : centerX;
    if (blurredFit && centerX.isPresent()) {
      throw new IllegalArgumentException("a blurred fit has no crop centre");
    }
    if (!blurredFit && centerX.isEmpty()) {
      throw new IllegalArgumentException("a crop override names its centre");
    }
    if (centerX.isPresent() && !(centerX.getAsDouble() >= 0 && centerX.getAsDouble() <= 1)) {
      throw new IllegalArgumentException("centerX is a fraction in [0,1]");
    }
  }

  public static ReframeOverride fit() {
    return new ReframeOverride(true, OptionalDouble.empty());
  }

  public static ReframeOverride cropAt(double centerX) {
    return new ReframeOverride(false, OptionalDouble.of(centerX));
  }
}
