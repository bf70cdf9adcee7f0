package dev.reelforge.core.vision;

import java.util.Objects;

/**
 * One video frame as 8-bit luma, row by row, for detectors.
 *
 * @param timeMillis the frame's time in the source
 * @param width pixels per row
 * @param height rows
 * @param pixels {@code width * height} bytes (unsigned luma)
 */
public record GrayFrame(long timeMillis, int width, int height, byte[] pixels) {

  public GrayFrame {
    Objects.requireNonNull(pixels, "pixels");
    if (width <= 0 || height <= 0 || pixels.length != width * height) {
      throw new IllegalArgumentException(
          "a " + width + "x" + height + " frame needs " + width * height + " bytes");
    }
  }

  /** The luma at a pixel, 0-255. */
  public int luma(int x, int y) {
    return pixels[y * width + x] & 0xff;
  }
}
