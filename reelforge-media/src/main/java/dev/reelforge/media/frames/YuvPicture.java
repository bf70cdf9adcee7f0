package dev.reelforge.media.frames;

import java.awt.image.BufferedImage;

/**
 * A picture as YUV 4:2:0 planes, the form FFmpeg reads raw frames in ({@code -f rawvideo -pix_fmt
 * yuv420p}), from which frames are drawn through a {@link Window}: converting once and resampling
 * per frame is far cheaper than drawing each frame with Java2D and converting it.
 */
public final class YuvPicture {

  private final SamplePlane[] planes;

  private YuvPicture(SamplePlane[] planes) {
    this.planes = planes;
  }

  /** BT.601 limited range, as FFmpeg's default RGB to YUV conversion produces (even size). */
  public static YuvPicture fromRgb(BufferedImage image) {
    int w = image.getWidth() & ~1;
    int h = image.getHeight() & ~1;
    byte[] y = new byte[w * h];
    byte[] u = new byte[w * h / 4];
    byte[] v = new byte[w * h / 4];
    int[] row = new int[w * 2];
    for (int r = 0; r < h; r += 2) {
      image.getRGB(0, r, w, 2, row, 0, w);
      for (int c = 0; c < w; c += 2) {
        int sumR = 0;
        int sumG = 0;
        int sumB = 0;
        for (int k = 0; k < 4; k++) {
          int rgb = row[(k / 2) * w + c + (k % 2)];
          int red = (rgb >> 16) & 0xff;
          int green = (rgb >> 8) & 0xff;
          int blue = rgb & 0xff;
          y[(r + k / 2) * w + c + (k % 2)] =
              (byte) ((66 * red + 129 * green + 25 * blue + 128 >> 8) + 16);
          sumR += red;
          sumG += green;
          sumB += blue;
        }
        int red = sumR / 4;
        int green = sumG / 4;
        int blue = sumB / 4;
        u[(r / 2) * (w / 2) + c / 2] =
            (byte) ((-38 * red - 74 * green + 112 * blue + 128 >> 8) + 128);
        v[(r / 2) * (w / 2) + c / 2] =
            (byte) ((112 * red - 94 * green - 18 * blue + 128 >> 8) + 128);
      }
    }
    return new YuvPicture(
        new SamplePlane[] {
          new SamplePlane(w, h, y),
          new SamplePlane(w / 2, h / 2, u),
          new SamplePlane(w / 2, h / 2, v)
        });
  }

  /** The picture's width in luma pixels. */
  public int width() {
    return planes[0].width();
  }

  /** The picture's height in luma pixels. */
  public int height() {
    return planes[0].height();
  }

  /** Plane 0 (Y), 1 (U) or 2 (V). */
  public SamplePlane plane(int index) {
    return planes[index];
  }

  /** Bytes of one {@code width × height} frame in YUV 4:2:0. */
  public static int frameBytes(int width, int height) {
    return width * height * 3 / 2;
  }

  /** Where plane {@code index} of a {@code width × height} 4:2:0 frame starts. */
  public static int planeOffset(int index, int width, int height) {
    return switch (index) {
      case 0 -> 0;
      case 1 -> width * height;
      default -> width * height + width * height / 4;
    };
  }

  /**
   * Draws the part of this picture inside {@code window} (in luma pixels) as a {@code width ×
   * height} 4:2:0 frame into {@code frame}.
   */
  public void draw(Window window, int width, int height, byte[] frame) {
    for (int i = 0; i < 3; i++) {
      // Chroma planes are half size in both directions, and so is the window on them.
      Window onPlane = i == 0 ? window : window.scaled(0.5);
      int w = i == 0 ? width : width / 2;
      int h = i == 0 ? height : height / 2;
      planes[i].resample(onPlane, w, h, frame, planeOffset(i, width, height));
    }
  }
}
