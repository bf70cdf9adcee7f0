package dev.reelforge.providers.brand;

import dev.reelforge.core.brand.BrandAnalysis.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The dominant colours: k-means in CIE Lab (k-means++ seeding from a fixed seed, so the same
 * picture always gives the same palette) over a sample of the pixels, then every pixel assigned to
 * its nearest centre. Each colour is reported as the mean sRGB of its pixels, so a flat logo colour
 * comes back as itself. Clusters closer than {@link #MERGE_DELTA_E} are merged; clusters under
 * {@link #MIN_SHARE} (anti-aliased edges, specks) give their pixels to the nearest kept colour. A
 * colour whose pixels are mostly background is a background colour.
 */
final class PaletteExtractor {

  static final int K = 8;
  static final int MAX_COLOURS = 6;
  static final double MERGE_DELTA_E = 8;
  static final double MIN_SHARE = 0.01;

  private static final int MAX_SAMPLES = 65_536;
  private static final int ITERATIONS = 15;
  private static final long SEED = 0x5EED_B4A9DL;

  private PaletteExtractor() {}

  static List<Swatch> extract(Raster raster, LabPlanes lab, BackgroundModel background) {
    int n = lab.pixels();
    int stride = Math.max(1, (int) Math.ceil((double) n / MAX_SAMPLES));
    double[][] centres = seed(lab, stride);
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      double[][] sums = new double[centres.length][3];
      int[] counts = new int[centres.length];
      for (int i = 0; i < n; i += stride) {
        int c = nearest(lab, i, centres);
        sums[c][0] += lab.l[i];
        sums[c][1] += lab.a[i];
        sums[c][2] += lab.b[i];
        counts[c]++;
      }
      boolean moved = false;
      for (int c = 0; c < centres.length; c++) {
        if (counts[c] == 0) {
          continue;
        }
        double[] mean = {sums[c][0] / counts[c], sums[c][1] / counts[c], sums[c][2] / counts[c]};
        moved |= Math.abs(mean[0] - centres[c][0]) + Math.abs(mean[1] - centres[c][1]) > 0.01;
        centres[c] = mean;
      }
      if (!moved) {
        break;
      }
    }
    List<Cluster> clusters = assign(raster, lab, background, centres);
    clusters = merge(clusters);
    return keep(clusters, n);
  }

  /** k-means++: each next centre drawn with probability proportional to squared distance. */
  private static double[][] seed(LabPlanes lab, int stride) {
    SplittableRandom random = new SplittableRandom(SEED);
    int samples = (lab.pixels() + stride - 1) / stride;
    List<double[]> centres = new ArrayList<>();
    int first = random.nextInt(samples) * stride;
    centres.add(new double[] {lab.l[first], lab.a[first], lab.b[first]});
    double[] nearest = new double[samples];
    Arrays.fill(nearest, Double.MAX_VALUE);
    while (centres.size() < K) {
      double[] last = centres.getLast();
      double total = 0;
      for (int s = 0; s < samples; s++) {
        int i = s * stride;
        nearest[s] = Math.min(nearest[s], lab.distanceSquared(i, last[0], last[1], last[2]));
        total += nearest[s];
      }
      // Fewer distinct colours than K: every pixel already sits on a centre.
      if (total < 1e-6) {
        break;
      }
      double target = random.nextDouble() * total;
      int pick = samples - 1;
      for (int s = 0; s < samples; s++) {
        target -= nearest[s];
        if (target <= 0) {
          pick = s;
          break;
        }
      }
      int i = pick * stride;
      centres.add(new double[] {lab.l[i], lab.a[i], lab.b[i]});
    }
    return centres.toArray(double[][]::new);
  }

  private static int nearest(LabPlanes lab, int i, double[][] centres) {
    int best = 0;
    double bestDistance = Double.MAX_VALUE;
    for (int c = 0; c < centres.length; c++) {
      double d = lab.distanceSquared(i, centres[c][0], centres[c][1], centres[c][2]);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best;
  }

  private static List<Cluster> assign(
      Raster raster, LabPlanes lab, BackgroundModel background, double[][] centres) {
    Cluster[] clusters = new Cluster[centres.length];
    for (int c = 0; c < centres.length; c++) {
      clusters[c] = new Cluster();
    }
    for (int i = 0; i < lab.pixels(); i++) {
      clusters[nearest(lab, i, centres)].add(raster, i, background.mask[i]);
    }
    List<Cluster> out = new ArrayList<>();
    for (Cluster cluster : clusters) {
      if (cluster.pixels > 0) {
        out.add(cluster);
      }
    }
    return out;
  }

  /** Merges the closest pair below {@link #MERGE_DELTA_E} until none is left. */
  private static List<Cluster> merge(List<Cluster> clusters) {
    List<Cluster> list = new ArrayList<>(clusters);
    while (true) {
      int bestA = -1;
      int bestB = -1;
      double best = MERGE_DELTA_E;
      for (int x = 0; x < list.size(); x++) {
        for (int y = x + 1; y < list.size(); y++) {
          double d = list.get(x).lab().distance(list.get(y).lab());
          if (d < best) {
            best = d;
            bestA = x;
            bestB = y;
          }
        }
      }
      if (bestA < 0) {
        return list;
      }
      list.get(bestA).absorb(list.remove(bestB));
    }
  }

  private static List<Swatch> keep(List<Cluster> clusters, int pixels) {
    List<Cluster> byShare =
        clusters.stream().sorted(Comparator.comparingLong((Cluster c) -> -c.pixels)).toList();
    List<Cluster> kept = new ArrayList<>();
    for (Cluster cluster : byShare) {
      if (kept.size() < MAX_COLOURS && (kept.isEmpty() || cluster.pixels >= MIN_SHARE * pixels)) {
        kept.add(cluster);
      }
    }
    // Dropped clusters' pixels count towards the kept colour nearest to them.
    long[] counts = new long[kept.size()];
    long[] backgroundCounts = new long[kept.size()];
    for (Cluster cluster : byShare) {
      int target = 0;
      double best = Double.MAX_VALUE;
      for (int k = 0; k < kept.size(); k++) {
        double d = kept.get(k).lab().distance(cluster.lab());
        if (d < best) {
          best = d;
          target = k;
        }
      }
      counts[target] += cluster.pixels;
      backgroundCounts[target] += cluster.background;
    }
    List<Swatch> swatches = new ArrayList<>();
    for (int k = 0; k < kept.size(); k++) {
      Cluster cluster = kept.get(k);
      Role role = backgroundCounts[k] * 2 > counts[k] ? Role.BACKGROUND : Role.SUBJECT;
      swatches.add(new Swatch(cluster.hex(), cluster.lab(), (double) counts[k] / pixels, role));
    }
    swatches.sort(Comparator.comparingDouble((Swatch s) -> -s.share()));
    return List.copyOf(swatches);
  }

  /** Running sums of one cluster's pixels, in sRGB (for its reported colour). */
  private static final class Cluster {
    double red;
    double green;
    double blue;
    long pixels;
    long background;

    void add(Raster raster, int i, boolean isBackground) {
      red += raster.red[i];
      green += raster.green[i];
      blue += raster.blue[i];
      pixels++;
      if (isBackground) {
        background++;
      }
    }

    void absorb(Cluster other) {
      red += other.red;
      green += other.green;
      blue += other.blue;
      pixels += other.pixels;
      background += other.background;
    }

    Lab lab() {
      return Lab.fromRgb(red / pixels, green / pixels, blue / pixels);
    }

    String hex() {
      return Lab.hex(red / pixels, green / pixels, blue / pixels);
    }
  }
}
