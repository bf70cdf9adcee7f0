package dev.reelforge.clips.internal.faces;

import dev.reelforge.core.vision.FaceBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Links a scene's face detections into tracks, one per person: each frame's faces join the live
 * track whose last box is nearest (by centre, within one face width, or overlapping by IoU),
 * nearest pairs first. A track survives {@link #MEMORY_MILLIS} without a detection, because a
 * cascade detector misses a face now and then (a blink, a turn of the head) and a missed frame must
 * not make a new person.
 */
public final class FaceTracker {

  /** How long a track waits for its face to be detected again. */
  static final long MEMORY_MILLIS = 1_500;

  /** Boxes overlapping at least this much (intersection over union) belong to the same face. */
  static final double SAME_FACE_IOU = 0.3;

  /** A track seen in fewer than this share of the frames that hold a face is a false detection. */
  static final double MIN_TRACK_SHARE = 0.2;

  private FaceTracker() {}

  /**
   * The tracks of a scene, false detections left out, in the order they first appeared.
   *
   * @param times the frames' times
   * @param faces the faces of each frame
   * @param motion the mouth motion of each face (same shape as {@code faces})
   */
  public static List<FaceTrack> track(
      long[] times, List<List<FaceBox>> faces, List<List<Double>> motion) {
    int frames = times.length;
    List<FaceTrack> tracks = new ArrayList<>();
    int framesWithFace = 0;
    for (int f = 0; f < frames; f++) {
      List<FaceBox> here = faces.get(f);
      if (!here.isEmpty()) {
        framesWithFace++;
      }
      List<FaceTrack> live = new ArrayList<>();
      for (FaceTrack t : tracks) {
        if (times[f] - times[t.lastSeen()] <= MEMORY_MILLIS) {
          live.add(t);
        }
      }
      List<Pair> pairs = new ArrayList<>();
      for (int i = 0; i < here.size(); i++) {
        for (FaceTrack t : live) {
          FaceBox a = here.get(i);
          FaceBox b = t.last();
          double distance = Math.hypot(a.centerX() - b.centerX(), a.centerY() - b.centerY());
          if (distance <= Math.max(a.width(), b.width()) || iou(a, b) >= SAME_FACE_IOU) {
            pairs.add(new Pair(i, t, distance));
          }
        }
      }
      pairs.sort(Comparator.comparingDouble(Pair::distance).thenComparingInt(p -> p.track.id()));
      boolean[] placed = new boolean[here.size()];
      List<FaceTrack> fed = new ArrayList<>();
      for (Pair p : pairs) {
        if (!placed[p.face] && !fed.contains(p.track)) {
          placed[p.face] = true;
          fed.add(p.track);
          p.track.see(f, here.get(p.face), motion.get(f).get(p.face));
        }
      }
      for (int i = 0; i < here.size(); i++) {
        if (!placed[i]) {
          FaceTrack t = new FaceTrack(tracks.size(), frames);
          t.see(f, here.get(i), motion.get(f).get(i));
          tracks.add(t);
        }
      }
    }
    double minSeen = Math.max(2, MIN_TRACK_SHARE * framesWithFace);
    List<FaceTrack> kept = tracks.stream().filter(t -> t.seenCount() >= minSeen).toList();
    if (kept.isEmpty() && !tracks.isEmpty()) {
      // A scene with only brief detections: the steadiest of them is still better than nothing.
      FaceTrack longest =
          tracks.stream()
              .max(Comparator.comparingInt(FaceTrack::seenCount).thenComparing(t -> -t.id()))
              .orElseThrow();
      return List.of(longest);
    }
    return kept;
  }

  static double iou(FaceBox a, FaceBox b) {
    double w = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
    double h = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
    if (w <= 0 || h <= 0) {
      return 0;
    }
    double intersection = w * h;
    return intersection / (a.width() * a.height() + b.width() * b.height() - intersection);
  }

  private record Pair(int face, FaceTrack track, double distance) {}
}
