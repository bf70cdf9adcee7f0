package dev.reelforge.providers.brand;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.Scores;
import dev.reelforge.core.brand.StyleReference;
import dev.reelforge.core.brand.StyleReferencer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * The offline style reference ({@link StyleReference#LOCAL_DERIVATIVE}): the upload cropped to its
 * subject, denoised and gently colour-normalised, written as a PNG.
 *
 * <ol>
 *   <li><b>Subject crop</b>: the bounding box of the pixels the border-connected {@link
 *       BackgroundModel} does not call background, widened by {@value #MARGIN} of its size on each
 *       side; the whole picture when there is no separable background or the subject fills it.
 *   <li><b>Denoise</b>: a 3×3 median per channel, which removes grain and JPEG specks but keeps
 *       edges.
 *   <li><b>Colour normalisation</b>: a levels stretch per channel from its 1st to its 99th
 *       percentile, kept gentle so brand colours survive: a black or white point moves by at most
 *       {@value #MAX_LEVEL_SHIFT} levels, and the result is blended half-way with its input.
 * </ol>
 *
 * <p>Every step is deterministic: the same upload gives the same bytes. The seed draws nothing
 * here; it is stored with the reference (and names its file) so that the record matches the img2img
 * adapter's, where it does. {@code strength} is measured, not chosen: the mean absolute change per
 * channel between the cropped upload and the reference, over 255 (denoising and levels move a clean
 * logo by about 0.01, a grainy, dull photograph by more).
 */
public final class LocalStyleReferencer implements StyleReferencer {

  public static final String NAME = "local";

  static final double MARGIN = 0.08;
  static final int MAX_LEVEL_SHIFT = 16;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StyleReference reference(
      Path original, BrandAnalysis analysis, long seed, Path directory) {
    Raster upload = Raster.read(original);
    Raster cropped = crop(upload, subjectBox(upload));
    Raster reference =
        new Raster(
            cropped.width,
            cropped.height,
            normalised(median(cropped.red, cropped.width, cropped.height)),
            normalised(median(cropped.green, cropped.width, cropped.height)),
            normalised(median(cropped.blue, cropped.width, cropped.height)));
    Path file = directory.resolve("style-reference-" + Long.toUnsignedString(seed, 16) + ".png");
    write(reference, file);
    return new StyleReference(
        file, StyleReference.LOCAL_DERIVATIVE, Scores.round2(change(cropped, reference)), seed);
  }

  /** {@code [x0, y0, x1, y1)} of the subject in the upload's pixels. */
  static int[] subjectBox(Raster upload) {
    Raster small = upload.downscaledTo(PixelBrandAnalyzer.WORK_SIDE);
    BackgroundModel background = BackgroundModel.of(new LabPlanes(small));
    int minX = small.width;
    int minY = small.height;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < small.height; y++) {
      for (int x = 0; x < small.width; x++) {
        if (!background.mask[y * small.width + x]) {
          minX = Math.min(minX, x);
          minY = Math.min(minY, y);
          maxX = Math.max(maxX, x);
          maxY = Math.max(maxY, y);
        }
      }
    }
    if (maxX < 0 || background.backgroundPixels == 0) {
      return new int[] {0, 0, upload.width, upload.height};
    }
    double scaleX = (double) upload.width / small.width;
    double scaleY = (double) upload.height / small.height;
    int margin = (int) Math.ceil(MARGIN * Math.max(maxX - minX + 1, maxY - minY + 1));
    return new int[] {
      (int) Math.floor(Math.max(0, minX - margin) * scaleX),
      (int) Math.floor(Math.max(0, minY - margin) * scaleY),
      (int) Math.ceil(Math.min(small.width, maxX + 1 + margin) * scaleX),
      (int) Math.ceil(Math.min(small.height, maxY + 1 + margin) * scaleY)
    };
  }

  private static Raster crop(Raster raster, int[] box) {
    int x0 = box[0];
    int y0 = box[1];
    int w = Math.max(1, Math.min(raster.width, box[2]) - x0);
    int h = Math.max(1, Math.min(raster.height, box[3]) - y0);
    float[] r = new float[w * h];
    float[] g = new float[w * h];
    float[] b = new float[w * h];
    for (int y = 0; y < h; y++) {
      int from = (y0 + y) * raster.width + x0;
      System.arraycopy(raster.red, from, r, y * w, w);
      System.arraycopy(raster.green, from, g, y * w, w);
      System.arraycopy(raster.blue, from, b, y * w, w);
    }
    return new Raster(w, h, r, g, b);
  }

  /** A 3×3 median, edge pixels repeated beyond the border. */
  static float[] median(float[] plane, int w, int h) {
    float[] out = new float[plane.length];
    for (int y = 0; y < h; y++) {
      int up = Math.max(0, y - 1) * w;
      int row = y * w;
      int down = Math.min(h - 1, y + 1) * w;
      for (int x = 0; x < w; x++) {
        int left = Math.max(0, x - 1);
        int right = Math.min(w - 1, x + 1);
        out[row + x] =
            medianOf9(
                plane[up + left],
                plane[up + x],
                plane[up + right],
                plane[row + left],
                plane[row + x],
                plane[row + right],
                plane[down + left],
                plane[down + x],
                plane[down + right]);
      }
    }
    return out;
  }

  /**
   * The median of nine by the classic 19-exchange network (Paeth; Devillard's {@code opt_med9}):
   * branch-free minimum and maximum, several times quicker than sorting on grainy pictures.
   */
  static float medianOf9(
      float p0, float p1, float p2, float p3, float p4, float p5, float p6, float p7, float p8) {
    float t;
    t = Math.min(p1, p2);
    p2 = Math.max(p1, p2);
    p1 = t;
    t = Math.min(p4, p5);
    p5 = Math.max(p4, p5);
    p4 = t;
    t = Math.min(p7, p8);
    p8 = Math.max(p7, p8);
    p7 = t;
    t = Math.min(p0, p1);
    p1 = Math.max(p0, p1);
    p0 = t;
    t = Math.min(p3, p4);
    p4 = Math.max(p3, p4);
    p3 = t;
    t = Math.min(p6, p7);
    p7 = Math.max(p6, p7);
    p6 = t;
    t = Math.min(p1, p2);
    p2 = Math.max(p1, p2);
    p1 = t;
    t = Math.min(p4, p5);
    p5 = Math.max(p4, p5);
    p4 = t;
    t = Math.min(p7, p8);
    p8 = Math.max(p7, p8);
    p7 = t;
    p3 = Math.max(p0, p3);
    p5 = Math.min(p5, p8);
    t = Math.min(p4, p7);
    p7 = Math.max(p4, p7);
    p4 = t;
    p6 = Math.max(p3, p6);
    p4 = Math.max(p1, p4);
    p2 = Math.min(p2, p5);
    p4 = Math.min(p4, p7);
    t = Math.min(p4, p2);
    p2 = Math.max(p4, p2);
    p4 = t;
    p4 = Math.max(p6, p4);
    return Math.min(p4, p2);
  }

  /** The gentle levels stretch of one channel, described in the class comment. */
  static float[] normalised(float[] plane) {
    int[] histogram = new int[256];
    for (float v : plane) {
      histogram[Raster.byte8(v)]++;
    }
    int low = percentile(histogram, plane.length, 0.01);
    int high = percentile(histogram, plane.length, 0.99);
    double black = Math.min(low, MAX_LEVEL_SHIFT);
    double white = Math.max(high, 255 - MAX_LEVEL_SHIFT);
    double gain = 255 / Math.max(1, white - black);
    float[] out = new float[plane.length];
    for (int i = 0; i < plane.length; i++) {
      double stretched = Math.max(0, Math.min(255, (plane[i] - black) * gain));
      out[i] = (float) (plane[i] + 0.5 * (stretched - plane[i]));
    }
    return out;
  }

  private static int percentile(int[] histogram, int total, double fraction) {
    long target = (long) Math.ceil(fraction * total);
    long seen = 0;
    for (int v = 0; v < 256; v++) {
      seen += histogram[v];
      if (seen >= target) {
        return v;
      }
    }
    return 255;
  }

  /** Mean absolute change per channel, over 255, as the written 8-bit reference has it. */
  private static double change(Raster before, Raster after) {
    double sum = 0;
    for (int i = 0; i < before.pixels(); i++) {
      sum += Math.abs(Raster.byte8(after.red[i]) - Raster.byte8(before.red[i]));
      sum += Math.abs(Raster.byte8(after.green[i]) - Raster.byte8(before.green[i]));
      sum += Math.abs(Raster.byte8(after.blue[i]) - Raster.byte8(before.blue[i]));
    }
    return Math.min(1, sum / (3.0 * before.pixels() * 255));
  }

  private static void write(Raster raster, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path partial = file.resolveSibling(file.getFileName() + ".part");
      if (!ImageIO.write(raster.toImage(), "png", partial.toFile())) {
        throw new IOException("no PNG writer");
      }
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw Raster.writeFailure(file, e);
    }
  }
}
