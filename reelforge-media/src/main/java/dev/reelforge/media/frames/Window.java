package dev.reelforge.media.frames;

/**
 * The part of a picture a frame shows, in the picture's pixels (fractional). A camera move is a
 * window moving between two framings.
 */
public record Window(double left, double top, double right, double bottom) {

  public Window {
    if (!(right > left) || !(bottom > top)) {
      throw new IllegalArgumentException(
          "an empty window: " + left + "," + top + " to " + right + "," + bottom);
    }
  }

  /**
   * The window of a {@code pictureWidth × pictureHeight} picture at {@code zoom} (1 shows all of
   * it) centred on {@code (centerX, centerY)} (fractions of the picture), moved back inside the
   * picture where it would reach outside.
   */
  public static Window framing(
      double zoom, double centerX, double centerY, double pictureWidth, double pictureHeight) {
    double w = pictureWidth / zoom;
    double h = pictureHeight / zoom;
    double left = Math.max(0, Math.min(pictureWidth - w, centerX * pictureWidth - w / 2));
    double top = Math.max(0, Math.min(pictureHeight - h, centerY * pictureHeight - h / 2));
    return new Window(left, top, left + w, top + h);
  }

  /**
   * The same framing without the move back inside: for a layer whose outside is transparent (a
   * cut-out subject), which may leave the picture.
   */
  public static Window unclamped(
      double zoom, double centerX, double centerY, double pictureWidth, double pictureHeight) {
    double w = pictureWidth / zoom;
    double h = pictureHeight / zoom;
    double left = centerX * pictureWidth - w / 2;
    double top = centerY * pictureHeight - h / 2;
    return new Window(left, top, left + w, top + h);
  }

  /** The window {@code progress} (0 to 1) of the way from this one to {@code end}. */
  public Window towards(Window end, double progress) {
    return new Window(
        left + (end.left - left) * progress,
        top + (end.top - top) * progress,
        right + (end.right - right) * progress,
        bottom + (end.bottom - bottom) * progress);
  }

  /** The window on a plane {@code factor} times this picture's size (chroma: 0.5). */
  public Window scaled(double factor) {
    return new Window(left * factor, top * factor, right * factor, bottom * factor);
  }

  public double width() {
    return right - left;
  }

  public double height() {
    return bottom - top;
  }
}
