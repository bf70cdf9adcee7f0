package dev.reelforge.core.vision;

/**
 * A detected face, in fractions of the frame (0,0 top left; 1,1 bottom right), so boxes found on a
 * downscaled frame apply to the source at any size.
 *
 * @param x left edge
 * @param y top edge
 * @param width box width
 * @param height box height
 * @param confidence the detector's confidence in [0,1] (how many neighbouring windows agreed,
 *     scaled, for a cascade)
 */
public record FaceBox(double x, double y, double width, double height, double confidence) {

  public FaceBox {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("a face box has a size");
    }
  }

  public double centerX() {
    return x + width / 2;
  }

  public double centerY() {
    return y + height / 2;
  }

  /** The lower third of the box, where the mouth is, for telling a speaker by motion. */
  public FaceBox mouthRegion() {
    return new FaceBox(x + width * 0.2, y + height * 0.65, width * 0.6, height * 0.3, confidence);
  }
}
