package dev.reelforge.media.render.internal;

import dev.reelforge.core.timeline.Motion;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Draws Ken Burns frames in Java and writes them as raw YUV 4:2:0 for FFmpeg to encode.
 *
 * <p>Why not an FFmpeg filter: {@code zoompan} moves in whole pixels (visible jitter on slow
 * moves), and {@code perspective}, which samples at fractional positions, costs about twice the
 * encoder's own CPU time per 1080×1920 frame. A pan/zoom has no rotation, so each frame is a
 * separable bilinear resampling of a window of the still: per output column and row one source
 * index and one weight, computed once per frame, then four multiply-adds per sample. The still is
 * prepared larger than the frame (by the motion's largest zoom, up to 2×), so a zoom-in shows real
 * detail instead of magnified pixels.
 */
public final class KenBurnsFrames {

  /** Fixed-point precision of the interpolation weights. */
  private static final int BITS = 8;

  private static final int ONE = 1 << BITS;

  private final Plane[] planes;
  private final int width;
  private final int height;
  private final Motion motion;
  private final int frames;

  /**
   * @param still the prepared still, at the frame's aspect ratio and {@code scale} times its size
   */
  public KenBurnsFrames(BufferedImage still, int width, int height, Motion motion, int frames) {
    this.planes = Plane.fromRgb(still);
    this.width = width;
    this.height = height;
    this.motion = motion;
    this.frames = frames;
  }

  /** How much larger than the frame the still should be prepared for this motion. */
  public static double preparedScale(Motion motion) {
    return Math.min(2.0, Math.max(motion.startZoom(), motion.endZoom()));
  }

  /** Writes every frame, in order. */
  public void write(OutputStream out) throws IOException {
    byte[] frame = new byte[width * height * 3 / 2];
    double[] start = window(motion.startZoom(), motion.startCenterX(), motion.startCenterY());
    double[] end = window(motion.endZoom(), motion.endCenterX(), motion.endCenterY());
    for (int n = 0; n < frames; n++) {
      double p = frames == 1 ? 0 : (double) n / (frames - 1);
      double left = start[0] + (end[0] - start[0]) * p;
      double top = start[1] + (end[1] - start[1]) * p;
      double right = start[2] + (end[2] - start[2]) * p;
      double bottom = start[3] + (end[3] - start[3]) * p;
      int offset = 0;
      for (int i = 0; i < 3; i++) {
        // Chroma planes are half size in both directions, and so is the window on them.
        double f = i == 0 ? 1 : 0.5;
        int w = i == 0 ? width : width / 2;
        int h = i == 0 ? height : height / 2;
        planes[i].resample(left * f, top * f, right * f, bottom * f, w, h, frame, offset);
        offset += w * h;
      }
      out.write(frame);
    }
  }

  /** The window at a framing, in luma pixels of the still, clamped inside it. */
  private double[] window(double zoom, double cx, double cy) {
    double sw = planes[0].width;
    double sh = planes[0].height;
    double w = sw / zoom;
    double h = sh / zoom;
    double left = Math.max(0, Math.min(sw - w, cx * sw - w / 2));
    double top = Math.max(0, Math.min(sh - h, cy * sh - h / 2));
    return new double[] {left, top, left + w, top + h};
  }

  /** One plane of the still (Y, U or V). */
  private static final class Plane {
    final int width;
    final int height;
    final byte[] samples;

    Plane(int width, int height) {
      this.width = width;
      this.height = height;
      this.samples = new byte[width * height];
    }

    /** BT.601 limited range, as FFmpeg's default RGB to YUV conversion produces. */
    static Plane[] fromRgb(BufferedImage image) {
      int w = image.getWidth() & ~1;
      int h = image.getHeight() & ~1;
      Plane y = new Plane(w, h);
      Plane u = new Plane(w / 2, h / 2);
      Plane v = new Plane(w / 2, h / 2);
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
            y.samples[(r + k / 2) * w + c + (k % 2)] =
                (byte) ((66 * red + 129 * green + 25 * blue + 128 >> 8) + 16);
            sumR += red;
            sumG += green;
            sumB += blue;
          }
          int red = sumR / 4;
          int green = sumG / 4;
          int blue = sumB / 4;
          u.samples[(r / 2) * (w / 2) + c / 2] =
              (byte) ((-38 * red - 74 * green + 112 * blue + 128 >> 8) + 128);
          v.samples[(r / 2) * (w / 2) + c / 2] =
              (byte) ((112 * red - 94 * green - 18 * blue + 128 >> 8) + 128);
        }
      }
      return new Plane[] {y, u, v};
    }

    void resample(
        double left,
        double top,
        double right,
        double bottom,
        int outWidth,
        int outHeight,
        byte[] out,
        int offset) {
      int[] x0 = new int[outWidth];
      int[] fx = new int[outWidth];
      axis(left, (right - left) / outWidth, width, x0, fx);
      int[] y0 = new int[outHeight];
      int[] fy = new int[outHeight];
      axis(top, (bottom - top) / outHeight, height, y0, fy);
      // Separable: blend the two source rows once per output row over the columns the window
      // covers, then blend neighbouring columns of that row per output sample.
      int first = x0[0];
      int last = x0[outWidth - 1] + 1;
      int[] row = new int[last - first + 1];
      byte[] s = samples;
      for (int r = 0; r < outHeight; r++) {
        int rowA = y0[r] * width;
        int rowB = rowA + width;
        int wy = fy[r];
        int iy = ONE - wy;
        for (int x = first; x <= last; x++) {
          row[x - first] = (s[rowA + x] & 0xff) * iy + (s[rowB + x] & 0xff) * wy;
        }
        int o = offset + r * outWidth;
        for (int c = 0; c < outWidth; c++) {
          int i = x0[c] - first;
          int wx = fx[c];
          out[o + c] =
              (byte)
                  ((row[i] * (ONE - wx) + row[i + 1] * wx + (1 << (2 * BITS - 1))) >> (2 * BITS));
        }
      }
    }

    /** Source index and weight for each output position along one axis (pixel centres). */
    private static void axis(double start, double step, int size, int[] index, int[] weight) {
      for (int i = 0; i < index.length; i++) {
        double position = start + (i + 0.5) * step - 0.5;
        position = Math.max(0, Math.min(size - 1.000001, position));
        int base = Math.min((int) position, size - 2);
        index[i] = base;
        weight[i] = (int) Math.round((position - base) * ONE);
      }
    }
  }
}
