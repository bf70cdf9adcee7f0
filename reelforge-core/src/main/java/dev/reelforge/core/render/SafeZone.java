package dev.reelforge.core.render;

/**
 * Margins, in output pixels, that a platform covers with its own interface (buttons, captions,
 * progress bar). Captions and titles are kept inside; visuals still fill the whole frame.
 */
public record SafeZone(int top, int right, int bottom, int left) {

  public int x() {
    return left;
  }

  public int y() {
    return top;
  }

  public int width(int frameWidth) {
    return frameWidth - left - right;
  }

  public int height(int frameHeight) {
    return frameHeight - top - bottom;
  }
}
