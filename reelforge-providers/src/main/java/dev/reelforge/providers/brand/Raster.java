package dev.reelforge.providers.brand;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * An RGB picture as three float planes (0–255), the form every measure works on. Transparent pixels
 * are composited over white, as a logo with an alpha channel is shown on a page.
 */
final class Raster {

  final int width;
  final int height;
  final float[] red;
  final float[] green;
  final float[] blue;

  Raster(int width, int height, float[] red, float[] green, float[] blue) {
    this.width = width;
    this.height = height;
    this.red = red;
    this.green = green;
    this.blue = blue;
  }

  static Raster read(Path file) {
    BufferedImage image;
    try {
      image = Files.isRegularFile(file) ? ImageIO.read(file.toFile()) : null;
    } catch (IOException e) {
      throw ReelForgeException.invalidField("image", "could not read " + file.getFileName());
    }
    if (image == null) {
      throw ReelForgeException.invalidField("image", "not a readable image: " + file.getFileName());
    }
    return of(image);
  }

  static Raster of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    float[] r = new float[w * h];
    float[] g = new float[w * h];
    float[] b = new float[w * h];
    if (!readInterleavedBytes(image, r, g, b)) {
      boolean alpha = image.getColorModel().hasAlpha();
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        image.getRGB(0, y, w, 1, row, 0, w);
        for (int x = 0; x < w; x++) {
          int p = row[x];
          set(
              r,
              g,
              b,
              y * w + x,
              (p >> 16) & 0xff,
              (p >> 8) & 0xff,
              p & 0xff,
              alpha ? p >>> 24 : 255);
        }
      }
    }
    return new Raster(w, h, r, g, b);
  }

  /**
   * Reads the byte layouts PNG decoding gives (BGR, ABGR) straight from the pixel buffer: about
   * three times quicker than colour-model conversion pixel by pixel, which would cost more than the
   * decoding itself on a 2048-pixel upload.
   */
  private static boolean readInterleavedBytes(
      BufferedImage image, float[] r, float[] g, float[] b) {
    int type = image.getType();
    if ((type != BufferedImage.TYPE_3BYTE_BGR && type != BufferedImage.TYPE_4BYTE_ABGR)
        || !(image.getRaster().getDataBuffer() instanceof DataBufferByte buffer)
        || image.getRaster().getParent() != null) {
      return false;
    }
    byte[] data = buffer.getData();
    int stride = type == BufferedImage.TYPE_3BYTE_BGR ? 3 : 4;
    int n = r.length;
    if (data.length < n * stride) {
      return false;
    }
    for (int i = 0, o = 0; i < n; i++, o += stride) {
      if (stride == 3) {
        set(r, g, b, i, data[o + 2] & 0xff, data[o + 1] & 0xff, data[o] & 0xff, 255);
      } else {
        set(r, g, b, i, data[o + 3] & 0xff, data[o + 2] & 0xff, data[o + 1] & 0xff, data[o] & 0xff);
      }
    }
    return true;
  }

  /** Stores one pixel, composited over white by its alpha. */
  private static void set(
      float[] r, float[] g, float[] b, int i, int red, int green, int blue, int alpha) {
    if (alpha == 255) {
      r[i] = red;
      g[i] = green;
      b[i] = blue;
    } else {
      float a = alpha / 255f;
      r[i] = red * a + 255 * (1 - a);
      g[i] = green * a + 255 * (1 - a);
      b[i] = blue * a + 255 * (1 - a);
    }
  }

  int pixels() {
    return width * height;
  }

  int shortSide() {
    return Math.min(width, height);
  }

  /** Rec. 601 luma, 0–255. */
  float[] luma() {
    float[] y = new float[pixels()];
    for (int i = 0; i < y.length; i++) {
      y[i] = 0.299f * red[i] + 0.587f * green[i] + 0.114f * blue[i];
    }
    return y;
  }

  /**
   * This picture with its long side at most {@code maxSide}, each new pixel the average of the
   * pixels it covers (area averaging: no aliasing, and a flat colour stays exactly that colour).
   */
  Raster downscaledTo(int maxSide) {
    int longSide = Math.max(width, height);
    if (longSide <= maxSide) {
      return this;
    }
    double scale = (double) maxSide / longSide;
    int w = Math.max(1, (int) Math.round(width * scale));
    int h = Math.max(1, (int) Math.round(height * scale));
    return new Raster(
        w,
        h,
        area(red, width, height, w, h),
        area(green, width, height, w, h),
        area(blue, width, height, w, h));
  }

  /** Area-averages one plane, rows first then columns. */
  static float[] area(float[] plane, int w, int h, int tw, int th) {
    float[] rows = new float[tw * h];
    for (int y = 0; y < h; y++) {
      for (int tx = 0; tx < tw; tx++) {
        int x0 = (int) ((long) tx * w / tw);
        int x1 = Math.max(x0 + 1, (int) ((long) (tx + 1) * w / tw));
        float sum = 0;
        for (int x = x0; x < x1; x++) {
          sum += plane[y * w + x];
        }
        rows[y * tw + tx] = sum / (x1 - x0);
      }
    }
    float[] out = new float[tw * th];
    for (int ty = 0; ty < th; ty++) {
      int y0 = (int) ((long) ty * h / th);
      int y1 = Math.max(y0 + 1, (int) ((long) (ty + 1) * h / th));
      for (int tx = 0; tx < tw; tx++) {
        float sum = 0;
        for (int y = y0; y < y1; y++) {
          sum += rows[y * tw + tx];
        }
        out[ty * tw + tx] = sum / (y1 - y0);
      }
    }
    return out;
  }

  /** The picture as 8-bit RGB, each channel rounded and clamped. */
  BufferedImage toImage() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] rgb = new int[pixels()];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = (byte8(red[i]) << 16) | (byte8(green[i]) << 8) | byte8(blue[i]);
    }
    image.setRGB(0, 0, width, height, rgb, 0, width);
    return image;
  }

  static int byte8(float value) {
    return Math.max(0, Math.min(255, Math.round(value)));
  }

  static ReelForgeException writeFailure(Path file, IOException e) {
    return new ReelForgeException(ErrorCode.INTERNAL_ERROR, "could not write " + file, e);
  }
}
