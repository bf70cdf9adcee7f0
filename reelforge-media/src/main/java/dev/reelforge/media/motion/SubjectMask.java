package dev.reelforge.media.motion;

import dev.reelforge.media.frames.Pictures;
import dev.reelforge.media.frames.SamplePlane;
import java.awt.image.BufferedImage;

/**
 * Guesses a picture's subject without a segmentation model (none can be had offline): whatever
 * differs clearly from the background the picture's border suggests. The background model is a
 * Coons patch through the four borders — for each pixel, a blend of the border colours on its row
 * and column — so a gradient or a vignette behind the subject is background too. When that finds no
 * plausible subject (nothing, nearly everything, or a "subject" spilling over the border, as on a
 * busy photograph), the middle of the picture stands in for it, where subjects usually are, with a
 * field that falls off gently to the border.
 *
 * <p>What the orbit needs is not the mask itself but a displacement field: 1 over the whole
 * subject, falling to 0 over a band of background around it. Moving the field's 1s with the subject
 * and its 0s with the background keeps the subject whole and crisp and stretches the band between
 * them, so no hole opens behind the subject (a cut-out layer over a painted-out plate showed a
 * smeared blank there on busy pictures).
 *
 * <p>The work is done on a copy at most {@value #WORK_SIZE} pixels wide, then scaled up: the field
 * is soft anyway, and a 1080p still is measured in milliseconds.
 */
final class SubjectMask {

  /** The longer side of the copy the mask is estimated on. */
  static final int WORK_SIZE = 160;

  /** The band of background that stretches around the subject, as a share of the longer side. */
  static final double BAND = 0.1;

  /** Colour distances below this just inside the border mean a plain backdrop. */
  static final float QUIET_BORDER = 12;

  /** How the subject was found. */
  enum Method {
    /** It stands out from the background the border suggests. */
    BORDER,
    /** Nothing plausible stood out; the middle of the picture stands in. */
    CENTRE
  }

  /**
   * The subject of a picture.
   *
   * @param field how far each pixel moves with the subject rather than the background, 0 to 255, at
   *     the picture's size (even)
   * @param method how the subject was found
   */
  record Subject(SamplePlane field, Method method) {}

  private SubjectMask() {}

  /**
   * @param shift how far the subject's window moves from the background's at most, as a share of
   *     the picture's width ({@link MotionPath#subjectShift}); frames read the picture at {@code x
   *     + field(x) × shift}
   */
  static Subject find(BufferedImage picture, double shift) {
    int width = picture.getWidth() & ~1;
    int height = picture.getHeight() & ~1;
    double f = WORK_SIZE / (double) Math.max(width, height);
    int w = Math.max(16, (int) Math.round(width * f));
    int h = Math.max(16, (int) Math.round(height * f));
    float[][] rgb = channels(Pictures.resize(picture, w, h));
    float[][] background = coonsPatch(rgb, w, h);
    float noise = borderNoise(rgb, background, w, h);
    float[] alpha = standingOut(rgb, background, noise, w, h);
    float[] field;
    Method method;
    if (plausible(alpha, w, h)) {
      method = Method.BORDER;
      // 1 over the subject, falling to 0 over a band of background around it. A textured
      // background gets a wider band, so that its texture stretches less.
      double band = (noise < QUIET_BORDER ? BAND : 2.5 * BAND) * Math.max(w, h);
      float[] distance = distanceOutside(alpha, w, h);
      field = new float[w * h];
      for (int i = 0; i < field.length; i++) {
        field[i] = 1 - smoothstep(0, (float) band, distance[i]);
      }
    } else {
      method = Method.CENTRE;
      field = centreWeight(w, h);
    }
    fadeAtBorder(field, w, h);
    float[] carried = carriedAlong(field, w, h, shift * w);
    // Smoothed, so that lines crossing the band bend in curves rather than kinks; where the field
    // was 1 it stays 1, so the subject still moves whole.
    float[] smooth = blur(carried, w, h, 3, 2);
    for (int i = 0; i < smooth.length; i++) {
      smooth[i] = carried[i] >= 1 ? 1 : Math.min(smooth[i], 0.999f);
    }
    return new Subject(upscale(smooth, w, h, width, height), method);
  }

  /**
   * The field as a frame reads it. A frame takes each pixel from {@code x + field(x) × shift}; read
   * at {@code x} itself, the field would put the subject's moved edge where the field is already
   * falling, and bend it. Taking at each {@code x} the largest field value on the way to {@code x +
   * shift} makes every pixel whose source is in the subject move fully with it — the subject moves
   * whole — and a strip of background beside it is carried along. It is made for the largest shift,
   * so the field stays the same in every frame (a field changing per frame would make it shimmer).
   */
  private static float[] carriedAlong(float[] field, int w, int h, double shift) {
    int reach = (int) Math.ceil(Math.abs(shift));
    int direction = shift < 0 ? -1 : 1;
    float[] out = new float[field.length];
    for (int y = 0; y < h; y++) {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        float most = 0;
        for (int k = 0; k <= reach; k++) {
          int at = Math.max(0, Math.min(w - 1, x + direction * k));
          most = Math.max(most, field[row + at]);
        }
        out[row + x] = most;
      }
    }
    return out;
  }

  /**
   * Each pixel's distance in pixels to the subject (the mask above one half), 0 inside it: two
   * chamfer passes, exact enough for a soft band.
   */
  private static float[] distanceOutside(float[] alpha, int w, int h) {
    float far = w + h;
    float diagonal = (float) Math.sqrt(2);
    float[] d = new float[w * h];
    for (int i = 0; i < d.length; i++) {
      d[i] = alpha[i] > 0.5f ? 0 : far;
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        if (x > 0) {
          d[i] = Math.min(d[i], d[i - 1] + 1);
        }
        if (y > 0) {
          d[i] = Math.min(d[i], d[i - w] + 1);
          if (x > 0) {
            d[i] = Math.min(d[i], d[i - w - 1] + diagonal);
          }
          if (x < w - 1) {
            d[i] = Math.min(d[i], d[i - w + 1] + diagonal);
          }
        }
      }
    }
    for (int y = h - 1; y >= 0; y--) {
      for (int x = w - 1; x >= 0; x--) {
        int i = y * w + x;
        if (x < w - 1) {
          d[i] = Math.min(d[i], d[i + 1] + 1);
        }
        if (y < h - 1) {
          d[i] = Math.min(d[i], d[i + w] + 1);
          if (x < w - 1) {
            d[i] = Math.min(d[i], d[i + w + 1] + diagonal);
          }
          if (x > 0) {
            d[i] = Math.min(d[i], d[i + w - 1] + diagonal);
          }
        }
      }
    }
    return d;
  }

  private static float[][] channels(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
    float[][] rgb = new float[3][w * h];
    for (int i = 0; i < pixels.length; i++) {
      rgb[0][i] = (pixels[i] >> 16) & 0xff;
      rgb[1][i] = (pixels[i] >> 8) & 0xff;
      rgb[2][i] = pixels[i] & 0xff;
    }
    return rgb;
  }

  /** The background each pixel would have if the border's colours simply continued inwards. */
  private static float[][] coonsPatch(float[][] rgb, int w, int h) {
    float[][] out = new float[3][w * h];
    for (int c = 0; c < 3; c++) {
      float[] left = smooth(edge(rgb[c], w, h, 0, true));
      float[] right = smooth(edge(rgb[c], w, h, w - 2, true));
      float[] top = smooth(edge(rgb[c], w, h, 0, false));
      float[] bottom = smooth(edge(rgb[c], w, h, h - 2, false));
      float c00 = (left[0] + top[0]) / 2;
      float c10 = (right[0] + top[w - 1]) / 2;
      float c01 = (left[h - 1] + bottom[0]) / 2;
      float c11 = (right[h - 1] + bottom[w - 1]) / 2;
      for (int y = 0; y < h; y++) {
        float v = y / (float) (h - 1);
        for (int x = 0; x < w; x++) {
          float u = x / (float) (w - 1);
          float ruled = (1 - u) * left[y] + u * right[y] + (1 - v) * top[x] + v * bottom[x];
          float corners =
              (1 - u) * (1 - v) * c00 + u * (1 - v) * c10 + (1 - u) * v * c01 + u * v * c11;
          out[c][y * w + x] = ruled - corners;
        }
      }
    }
    return out;
  }

  /** The mean of two border columns (or rows) from {@code at}, along the border. */
  private static float[] edge(float[] plane, int w, int h, int at, boolean column) {
    int n = column ? h : w;
    float[] line = new float[n];
    for (int i = 0; i < n; i++) {
      line[i] =
          column
              ? (plane[i * w + at] + plane[i * w + at + 1]) / 2
              : (plane[at * w + i] + plane[(at + 1) * w + i]) / 2;
    }
    return line;
  }

  private static float[] smooth(float[] line) {
    float[] out = new float[line.length];
    int r = 3;
    for (int i = 0; i < line.length; i++) {
      float sum = 0;
      int count = 0;
      for (int k = Math.max(0, i - r); k <= Math.min(line.length - 1, i + r); k++) {
        sum += line[k];
        count++;
      }
      out[i] = sum / count;
    }
    return out;
  }

  /**
   * Opacity from the colour distance to the background model, above a threshold set by how much the
   * border itself varies (its noise), then cleaned of specks and holes.
   */
  private static float[] standingOut(
      float[][] rgb, float[][] background, float noise, int w, int h) {
    float[] distance = distances(rgb, background);
    float threshold = Math.max(36, 3 * noise);
    float[] alpha = new float[w * h];
    for (int i = 0; i < alpha.length; i++) {
      alpha[i] = smoothstep(0.6f * threshold, 1.4f * threshold, distance[i]);
    }
    float[] closed = blur(alpha, w, h, 2, 2);
    for (int i = 0; i < closed.length; i++) {
      closed[i] = smoothstep(0.35f, 0.65f, closed[i]);
    }
    return blur(closed, w, h, 1, 1);
  }

  private static float[] distances(float[][] rgb, float[][] background) {
    float[] distance = new float[rgb[0].length];
    for (int i = 0; i < distance.length; i++) {
      float dr = rgb[0][i] - background[0][i];
      float dg = rgb[1][i] - background[1][i];
      float db = rgb[2][i] - background[2][i];
      distance[i] = (float) Math.sqrt(dr * dr + dg * dg + db * db);
    }
    return distance;
  }

  /** How far the pixels just inside the border stray from the border model: its texture. */
  private static float borderNoise(float[][] rgb, float[][] background, int w, int h) {
    return ringPercentile(distances(rgb, background), w, h, 1, 4, 0.8);
  }

  /** A subject covers some of the picture, not all, and does not run along its border. */
  private static boolean plausible(float[] alpha, int w, int h) {
    double sum = 0;
    for (float a : alpha) {
      sum += a;
    }
    double coverage = sum / alpha.length;
    double ring = ringMean(alpha, w, h, 4);
    return coverage >= 0.02 && coverage <= 0.6 && ring <= 0.2;
  }

  /**
   * Without a subject, the middle moves with the subject's path and the field falls off gently all
   * the way to the border, so the picture bends a little rather than stretching in a narrow band.
   */
  private static float[] centreWeight(int w, int h) {
    float[] field = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double dx = (x + 0.5 - 0.5 * w) / (0.5 * w);
        double dy = (y + 0.5 - 0.52 * h) / (0.5 * h);
        float r = (float) Math.sqrt(dx * dx + dy * dy);
        field[y * w + x] = 1 - smoothstep(0.15f, 1.05f, r);
      }
    }
    return field;
  }

  /** Nothing moves at the very border, so that no frame reads past the picture's edge. */
  private static void fadeAtBorder(float[] alpha, int w, int h) {
    float margin = 3;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int d = Math.min(Math.min(x, w - 1 - x), Math.min(y, h - 1 - y));
        alpha[y * w + x] *= smoothstep(0, margin, d);
      }
    }
  }

  /** Bicubic, so that the field's slope has no steps at the small copy's pixel edges. */
  private static SamplePlane upscale(float[] field, int w, int h, int width, int height) {
    BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < field.length; i++) {
      int v = Math.round(Math.max(0, Math.min(1, field[i])) * 255);
      small.setRGB(i % w, i / w, (v << 16) | (v << 8) | v);
    }
    int[] pixels =
        Pictures.resize(small, width, height).getRGB(0, 0, width, height, null, 0, width);
    byte[] out = new byte[width * height];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (pixels[i] & 0xff);
    }
    return new SamplePlane(width, height, out);
  }

  /** Repeated box blurs (three approximate a Gaussian), clamped at the edges. */
  static float[] blur(float[] values, int w, int h, int radius, int passes) {
    float[] current = values.clone();
    float[] temp = new float[values.length];
    for (int pass = 0; pass < passes; pass++) {
      boxPass(current, temp, w, h, radius, true);
      boxPass(temp, current, w, h, radius, false);
    }
    return current;
  }

  private static void boxPass(float[] in, float[] out, int w, int h, int r, boolean across) {
    int lines = across ? h : w;
    int length = across ? w : h;
    int step = across ? 1 : w;
    for (int line = 0; line < lines; line++) {
      int base = across ? line * w : line;
      float sum = 0;
      for (int k = -r; k <= r; k++) {
        sum += in[base + Math.max(0, Math.min(length - 1, k)) * step];
      }
      for (int i = 0; i < length; i++) {
        out[base + i * step] = sum / (2 * r + 1);
        sum += in[base + Math.min(length - 1, i + r + 1) * step];
        sum -= in[base + Math.max(0, i - r) * step];
      }
    }
  }

  private static float ringPercentile(
      float[] values, int w, int h, int from, int to, double percentile) {
    java.util.List<Float> ring = new java.util.ArrayList<>();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int d = Math.min(Math.min(x, w - 1 - x), Math.min(y, h - 1 - y));
        if (d >= from && d < to) {
          ring.add(values[y * w + x]);
        }
      }
    }
    ring.sort(null);
    return ring.get((int) Math.min(ring.size() - 1, Math.floor(ring.size() * percentile)));
  }

  private static double ringMean(float[] values, int w, int h, int depth) {
    double sum = 0;
    int count = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int d = Math.min(Math.min(x, w - 1 - x), Math.min(y, h - 1 - y));
        if (d < depth) {
          sum += values[y * w + x];
          count++;
        }
      }
    }
    return sum / count;
  }

  private static float smoothstep(float from, float to, float value) {
    float t = Math.max(0, Math.min(1, (value - from) / (to - from)));
    return t * t * (3 - 2 * t);
  }
}
