package dev.reelforge.media.frames;

/**
 * One 8-bit plane of a picture — luma, a chroma plane or an alpha mask — that can be resampled
 * through a window at fractional positions.
 *
 * <p>A window has no rotation, so resampling is a separable bilinear interpolation: per output
 * column and row one source index and one weight, computed once per call, then four multiply-adds
 * per sample. That keeps a moving camera smooth (no whole-pixel steps, as FFmpeg's {@code zoompan}
 * has) at a fraction of the encoder's own cost per frame.
 */
public final class SamplePlane {

  /** Fixed-point precision of the interpolation weights. */
  private static final int BITS = 8;

  private static final int ONE = 1 << BITS;

  private final int width;
  private final int height;
  private final byte[] samples;

  /** A black (or fully transparent) plane. */
  public SamplePlane(int width, int height) {
    this(width, height, new byte[width * height]);
  }

  /**
   * @param samples row-major, {@code width × height} values; kept, not copied (planes are large and
   *     filled once by whoever makes them)
   */
  public SamplePlane(int width, int height, byte[] samples) {
    if (width < 2 || height < 2 || samples.length != width * height) {
      throw new IllegalArgumentException(
          "a plane of " + width + "×" + height + " needs that many samples, at least 2×2");
    }
    this.width = width;
    this.height = height;
    this.samples = samples;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The sample at a column and row, 0 to 255. */
  public int at(int x, int y) {
    return samples[y * width + x] & 0xff;
  }

  /** Sets the sample at a column and row (clamped to 0 to 255). */
  public void set(int x, int y, int value) {
    samples[y * width + x] = (byte) Math.max(0, Math.min(255, value));
  }

  /** The plane at half the size in both directions, each sample the mean of four. */
  public SamplePlane half() {
    int w = width / 2;
    int h = height / 2;
    byte[] out = new byte[w * h];
    for (int r = 0; r < h; r++) {
      int a = 2 * r * width;
      int b = a + width;
      for (int c = 0; c < w; c++) {
        int sum =
            (samples[a + 2 * c] & 0xff)
                + (samples[a + 2 * c + 1] & 0xff)
                + (samples[b + 2 * c] & 0xff)
                + (samples[b + 2 * c + 1] & 0xff);
        out[r * w + c] = (byte) ((sum + 2) >> 2);
      }
    }
    return new SamplePlane(w, h, out);
  }

  /**
   * Resamples the part of this plane inside {@code window} (in this plane's pixels; it may reach
   * outside the plane, whose edge samples then repeat) to {@code outWidth × outHeight} samples,
   * written row by row into {@code out} from {@code offset}.
   */
  public void resample(Window window, int outWidth, int outHeight, byte[] out, int offset) {
    int[] x0 = new int[outWidth];
    int[] fx = new int[outWidth];
    axis(window.left(), window.width() / outWidth, width, x0, fx);
    int[] y0 = new int[outHeight];
    int[] fy = new int[outHeight];
    axis(window.top(), window.height() / outHeight, height, y0, fy);
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
            (byte) ((row[i] * (ONE - wx) + row[i + 1] * wx + (1 << (2 * BITS - 1))) >> (2 * BITS));
      }
    }
  }

  /**
   * Resamples as {@link #resample} does, with each output sample's source moved sideways by {@code
   * shift} (in this plane's pixels) times the weight {@code field} has there (0 to 255; a plane of
   * this plane's size, read at the nearest sample, as it is smooth): a displacement map. Where the
   * field is 255 the picture moves by {@code shift}, where it is 0 it stays, and in between it
   * stretches — the parallax of a near subject over its background without the hole a cut-out layer
   * would leave behind it. Rows are not displaced.
   */
  public void resampleDisplaced(
      Window window,
      SamplePlane field,
      double shift,
      int outWidth,
      int outHeight,
      byte[] out,
      int offset) {
    if (field.width != width || field.height != height) {
      throw new IllegalArgumentException("the field must be the plane's size");
    }
    int[] y0 = new int[outHeight];
    int[] fy = new int[outHeight];
    axis(window.top(), window.height() / outHeight, height, y0, fy);
    double step = window.width() / outWidth;
    int first = (int) Math.max(0, Math.floor(Math.min(window.left(), window.left() + shift)) - 1);
    int last =
        (int) Math.min(width - 1, Math.ceil(Math.max(window.right(), window.right() + shift)) + 1);
    if (last - first < 1) {
      first = Math.max(0, last - 1);
      last = first + 1;
    }
    int[] base = new int[outWidth];
    int[] nearest = new int[outWidth];
    for (int c = 0; c < outWidth; c++) {
      double x = window.left() + (c + 0.5) * step - 0.5;
      base[c] = (int) Math.round(x * ONE);
      nearest[c] = (int) Math.max(0, Math.min(width - 1, Math.round(x)));
    }
    // The displacement of each field value, in fixed point, computed once per call.
    int[] displacement = new int[256];
    for (int v = 0; v < 256; v++) {
      displacement[v] = (int) Math.round(shift * v / 255 * ONE);
    }
    int lowest = first * ONE;
    int highest = last * ONE - 1;
    int[] row = new int[last - first + 1];
    byte[] s = samples;
    byte[] weights = field.samples;
    for (int r = 0; r < outHeight; r++) {
      int rowA = y0[r] * width;
      int rowB = rowA + width;
      int wy = fy[r];
      int iy = ONE - wy;
      for (int x = first; x <= last; x++) {
        row[x - first] = (s[rowA + x] & 0xff) * iy + (s[rowB + x] & 0xff) * wy;
      }
      int fieldRow = wy < ONE / 2 ? rowA : rowB;
      int o = offset + r * outWidth;
      for (int c = 0; c < outWidth; c++) {
        int position = base[c] + displacement[weights[fieldRow + nearest[c]] & 0xff];
        position = Math.max(lowest, Math.min(highest, position));
        int i = (position >> BITS) - first;
        int wx = position & (ONE - 1);
        out[o + c] =
            (byte) ((row[i] * (ONE - wx) + row[i + 1] * wx + (1 << (2 * BITS - 1))) >> (2 * BITS));
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
