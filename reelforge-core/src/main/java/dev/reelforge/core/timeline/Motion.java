package dev.reelforge.core.timeline;

/**
 * A Ken Burns move: the visible window goes from a start framing to an end framing, linearly over
 * the segment. A framing is a zoom factor (1 shows the whole fitted picture, 1.2 shows 1/1.2 of it)
 * and the point of the picture at the window's centre, as fractions of its width and height.
 */
public record Motion(
    double startZoom,
    double startCenterX,
    double startCenterY,
    double endZoom,
    double endCenterX,
    double endCenterY) {

  /** No movement. */
  public static final Motion NONE = new Motion(1, 0.5, 0.5, 1, 0.5, 0.5);

  /** The usual amount of zoom, enough to feel alive without losing the subject. */
  public static final double DEFAULT_ZOOM = 1.15;

  public static Motion zoomIn() {
    return new Motion(1, 0.5, 0.5, DEFAULT_ZOOM, 0.5, 0.5);
  }

  public static Motion zoomOut() {
    return new Motion(DEFAULT_ZOOM, 0.5, 0.5, 1, 0.5, 0.5);
  }

  /** A horizontal pan at a slight zoom (which leaves room to move), left to right. */
  public static Motion panRight() {
    return new Motion(DEFAULT_ZOOM, 0.44, 0.5, DEFAULT_ZOOM, 0.56, 0.5);
  }

  public static Motion panLeft() {
    return new Motion(DEFAULT_ZOOM, 0.56, 0.5, DEFAULT_ZOOM, 0.44, 0.5);
  }

  public boolean isStill() {
    return startZoom == endZoom && startCenterX == endCenterX && startCenterY == endCenterY;
  }
}
