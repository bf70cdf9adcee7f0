package dev.reelforge.clips.internal.faces;

import dev.reelforge.core.vision.FaceBox;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the crop sits through one scene, given the face it follows in each frame.
 *
 * <p>The followed face's centre is smoothed by a median over a window centred on each frame (a
 * stray or jittery detection moves a median not at all). The crop then stays still while that
 * centre stays inside the safe zone — the middle of the crop — and the whole face inside the crop.
 * When the same face leaves, the crop pans to centre it again, no faster than the speed limit; when
 * the crop switches to another face outside the zone, it cuts there at once, as an editor cuts
 * between speakers. Nothing else moves it, which is what keeps it from jittering.
 */
public final class CropPath {

  /**
   * A move smaller than this (in source widths) is not worth making: the viewer would not see it.
   */
  static final double MIN_MOVE = 0.01;

  /** The shortest pan: a faster one reads as a jump. */
  static final long MIN_PAN_MILLIS = 300;

  /**
   * How much of the face's width is kept free on each side of it before the crop follows: the path
   * is checked at sampled frames only, and a pan starts from where the crop is, so a crop that
   * waited until the face touched its edge would cut off a cheek while it catches up. (Twice what
   * {@code media.vision.FaceInCrop} asks for.)
   */
  static final double FACE_MARGIN = 0.2;

  /**
   * One stretch of the path: still when {@code fromX == toX}, else a pan.
   *
   * @param fromX the crop centre at the start, in source widths (already clamped into the picture)
   * @param toX the crop centre at the end
   */
  public record Segment(long start, long end, double fromX, double toX, String reason) {}

  private CropPath() {}

  /**
   * The path over {@code [from, to)}.
   *
   * @param chosen for each frame, the index in {@code tracks} of the followed face
   * @param firstReason the reason of the scene's first segment
   */
  public static List<Segment> plan(
      long from,
      long to,
      long[] times,
      List<FaceTrack> tracks,
      int[] chosen,
      double cropWidth,
      double safeZone,
      double maxPanPerSecond,
      long smoothingMillis,
      String firstReason) {
    double[] x = smoothedCentre(times, tracks, chosen, smoothingMillis / 2);
    double halfSafe = safeZone * cropWidth / 2;
    List<Segment> segments = new ArrayList<>();
    double current = clamp(x[0], cropWidth);
    long segmentStart = from;
    String reason = firstReason;
    long panUntil = Long.MIN_VALUE;
    int followed = chosen.length == 0 ? 0 : chosen[0];
    for (int i = 1; i < times.length; i++) {
      long t = times[i];
      if (t < panUntil || t <= segmentStart) {
        continue;
      }
      boolean switched = chosen[i] != followed;
      followed = chosen[i];
      double target = clamp(x[i], cropWidth);
      double halfFace = tracks.get(chosen[i]).medianWidth() * (0.5 + FACE_MARGIN);
      boolean outside =
          Math.abs(x[i] - current) > halfSafe
              || x[i] - halfFace < current - cropWidth / 2
              || x[i] + halfFace > current + cropWidth / 2;
      if (!outside || Math.abs(target - current) < MIN_MOVE) {
        continue;
      }
      segments.add(new Segment(segmentStart, t, current, current, reason));
      if (switched) {
        current = target;
        segmentStart = t;
        reason = "speaker changed";
        continue;
      }
      long panMillis =
          Math.max(
              MIN_PAN_MILLIS,
              (long) Math.ceil(Math.abs(target - current) / maxPanPerSecond * 1000));
      long panEnd = Math.min(to, t + panMillis);
      double reached = current + (target - current) * (panEnd - t) / panMillis;
      segments.add(new Segment(t, panEnd, current, reached, "following the subject"));
      current = reached;
      segmentStart = panEnd;
      panUntil = panEnd;
      reason = "subject moved";
    }
    if (segmentStart < to) {
      segments.add(new Segment(segmentStart, to, current, current, reason));
    }
    return segments;
  }

  /**
   * The followed face's centre in each frame: the median of its detections within ±half a window
   * (only the frames following the same face, so a switch of speaker is not blurred into a pan).
   */
  static double[] smoothedCentre(long[] times, List<FaceTrack> tracks, int[] chosen, long half) {
    int n = times.length;
    double[] raw = new double[n];
    boolean[] seen = new boolean[n];
    for (int i = 0; i < n; i++) {
      FaceBox box = tracks.get(chosen[i]).boxAt(i);
      if (box != null) {
        raw[i] = box.centerX();
        seen[i] = true;
      }
    }
    double[] out = new double[n];
    double[] window = new double[n];
    for (int i = 0; i < n; i++) {
      int count = 0;
      for (int j = i; j >= 0 && times[i] - times[j] <= half && chosen[j] == chosen[i]; j--) {
        if (seen[j]) {
          window[count++] = raw[j];
        }
      }
      for (int j = i + 1; j < n && times[j] - times[i] <= half && chosen[j] == chosen[i]; j++) {
        if (seen[j]) {
          window[count++] = raw[j];
        }
      }
      out[i] = count == 0 ? Double.NaN : median(window, count);
    }
    fillGaps(out);
    return out;
  }

  /** A frame where the face was missed all window long keeps its nearest known position. */
  private static void fillGaps(double[] x) {
    double last = Double.NaN;
    for (int i = 0; i < x.length; i++) {
      if (Double.isNaN(x[i])) {
        x[i] = last;
      } else {
        last = x[i];
      }
    }
    double next = 0.5;
    for (int i = x.length - 1; i >= 0; i--) {
      if (Double.isNaN(x[i])) {
        x[i] = next;
      } else {
        next = x[i];
      }
    }
  }

  private static double median(double[] values, int count) {
    double[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
  }

  /** Keeps the crop inside the picture, as the render would. */
  static double clamp(double x, double cropWidth) {
    return Math.max(cropWidth / 2, Math.min(1 - cropWidth / 2, x));
  }
}
