package dev.reelforge.core.visuals;

/** The shape of a frame, as stock libraries filter by it. */
public enum Orientation {
  PORTRAIT,
  LANDSCAPE,
  SQUARE;

  /** The orientation of a {@code width}×{@code height} frame; within 10 % of 1:1 is square. */
  public static Orientation of(int width, int height) {
    double ratio = (double) width / height;
    if (ratio > 1.1) {
      return LANDSCAPE;
    }
    return ratio < 0.9 ? PORTRAIT : SQUARE;
  }
}
