package dev.reelforge.clips;

import dev.reelforge.core.vision.FaceBox;
import dev.reelforge.core.vision.GrayFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Measures how much each face's mouth moves from one analysed frame to the next: the mean absolute
 * change of luma over the face's mouth region ({@link FaceBox#mouthRegion()}). A speaking face's
 * lower third changes from frame to frame while a listening one stays still, which is how the
 * reframer tells who speaks without a lip-reading model.
 *
 * <p>The previous frame's region is read at the same place relative to that frame's matching face,
 * so a head that moves does not count as a mouth that moves. Faces are matched between frames by
 * the nearest centre, within {@link #MATCH_DISTANCE} face widths; a face with no match (it has just
 * appeared) has motion 0.
 *
 * <p>Stateful: frames arrive in batches (the analysis decodes a few seconds at a time) and the last
 * frame of one batch is the previous frame of the next. Not thread-safe; one per analysed video.
 */
public final class MouthMotion {

  /** How far, in widths of the face, its centre may move between two frames and still match. */
  static final double MATCH_DISTANCE = 1.0;

  /** Samples per mouth region at most: a large face on a full-size frame needs no more. */
  static final int MAX_SAMPLES = 4_096;

  private GrayFrame previousFrame;
  private List<FaceBox> previousFaces = List.of();

  /**
   * The faces of a batch of frames with their mouth motion.
   *
   * @param batch frames in time order
   * @param faces for each frame (same order), the faces found in it
   */
  public List<FrameFaces> add(List<GrayFrame> batch, List<List<FaceBox>> faces) {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(faces, "faces");
    if (batch.size() != faces.size()) {
      throw new IllegalArgumentException(
          batch.size() + " frames but faces for " + faces.size() + " frames");
    }
    List<FrameFaces> out = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      GrayFrame frame = batch.get(i);
      List<FaceBox> current = List.copyOf(faces.get(i));
      List<Double> motion = new ArrayList<>(current.size());
      for (FaceBox face : current) {
        FaceBox before = previousFrame == null ? null : nearest(face, previousFaces);
        motion.add(before == null ? 0.0 : change(previousFrame, before, frame, face));
      }
      out.add(new FrameFaces(frame.timeMillis(), current, motion));
      previousFrame = frame;
      previousFaces = current;
    }
    return out;
  }

  private static FaceBox nearest(FaceBox face, List<FaceBox> candidates) {
    FaceBox best = null;
    double bestDistance = MATCH_DISTANCE * Math.max(face.width(), face.height());
    for (FaceBox other : candidates) {
      double d = Math.hypot(face.centerX() - other.centerX(), face.centerY() - other.centerY());
      if (d <= bestDistance) {
        bestDistance = d;
        best = other;
      }
    }
    return best;
  }

  /**
   * Mean |luma now − luma before| over the mouth region, on a grid of the current region's size in
   * pixels, each grid point read at the same place relative to the mouth in both frames.
   */
  private static double change(GrayFrame before, FaceBox faceBefore, GrayFrame now, FaceBox face) {
    FaceBox mouth = face.mouthRegion();
    FaceBox mouthBefore = faceBefore.mouthRegion();
    int columns = Math.max(1, (int) Math.round(mouth.width() * now.width()));
    int rows = Math.max(1, (int) Math.round(mouth.height() * now.height()));
    int stride = Math.max(1, (int) Math.ceil(Math.sqrt((double) columns * rows / MAX_SAMPLES)));
    long sum = 0;
    int samples = 0;
    for (int r = 0; r < rows; r += stride) {
      double v = (r + 0.5) / rows;
      int y = pixel(mouth.y() + v * mouth.height(), now.height());
      int yBefore = pixel(mouthBefore.y() + v * mouthBefore.height(), before.height());
      for (int c = 0; c < columns; c += stride) {
        double u = (c + 0.5) / columns;
        int x = pixel(mouth.x() + u * mouth.width(), now.width());
        int xBefore = pixel(mouthBefore.x() + u * mouthBefore.width(), before.width());
        sum += Math.abs(now.luma(x, y) - before.luma(xBefore, yBefore));
        samples++;
      }
    }
    return samples == 0 ? 0 : (double) sum / samples;
  }

  /**
   * The pixel holding a fraction of the frame; the tiny bias keeps a fraction that is a whole pixel
   * in exact arithmetic (0.29 × 200) on that pixel despite rounding in binary.
   */
  private static int pixel(double fraction, int size) {
    return clamp((int) Math.floor(fraction * size + 1e-6), size - 1);
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(max, v));
  }
}
