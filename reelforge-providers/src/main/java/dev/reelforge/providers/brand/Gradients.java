package dev.reelforge.providers.brand;

/** Sobel gradients of a luma plane (0–255), edges replicated at the border. */
final class Gradients {

  /**
   * A Sobel magnitude above this is an edge: about a 20-level step between neighbours (the kernel
   * weighs a step of {@code h} as {@code 4h}).
   */
  static final float EDGE = 80;

  final int width;
  final int height;
  final float[] gx;
  final float[] gy;
  final float[] magnitude;

  Gradients(float[] luma, int width, int height) {
    this.width = width;
    this.height = height;
    int n = width * height;
    gx = new float[n];
    gy = new float[n];
    magnitude = new float[n];
    for (int y = 0; y < height; y++) {
      int up = Math.max(0, y - 1) * width;
      int row = y * width;
      int down = Math.min(height - 1, y + 1) * width;
      for (int x = 0; x < width; x++) {
        int left = Math.max(0, x - 1);
        int right = Math.min(width - 1, x + 1);
        float dx =
            (luma[up + right] + 2 * luma[row + right] + luma[down + right])
                - (luma[up + left] + 2 * luma[row + left] + luma[down + left]);
        float dy =
            (luma[down + left] + 2 * luma[down + x] + luma[down + right])
                - (luma[up + left] + 2 * luma[up + x] + luma[up + right]);
        int i = row + x;
        gx[i] = dx;
        gy[i] = dy;
        magnitude[i] = (float) Math.sqrt(dx * dx + dy * dy);
      }
    }
  }

  boolean edge(int i) {
    return magnitude[i] > EDGE;
  }
}
