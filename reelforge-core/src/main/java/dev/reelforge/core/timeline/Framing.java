package dev.reelforge.core.timeline;

/**
 * Where a cover-cropped video is cropped: the point of the source picture kept at the centre of the
 * frame, as fractions of its width and height, moving linearly from the start point to the end
 * point over the segment. The crop is clamped inside the picture, so {@code 0} and {@code 1} mean
 * "as far left (top) / right (bottom) as it goes". Used by the clips feature to keep a speaker in a
 * vertical frame; {@link #CENTRE} is the plain centred crop.
 */
public record Framing(double startX, double startY, double endX, double endY) {

  public static final Framing CENTRE = new Framing(0.5, 0.5, 0.5, 0.5);

  public Framing {
    for (double v : new double[] {startX, startY, endX, endY}) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException("framing points are fractions in [0,1], was " + v);
      }
    }
  }

  /** A crop that stays put. */
  public static Framing at(double x, double y) {
    return new Framing(x, y, x, y);
  }

  public boolean isCentre() {
    return equals(CENTRE);
  }

  public boolean isStill() {
    return startX == endX && startY == endY;
  }
}
