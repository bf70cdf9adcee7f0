package dev.reelforge.clips.internal.faces;

import java.util.List;

/**
 * Decides, frame by frame, which of a scene's faces the crop follows: the one whose mouth moves
 * most while the audio says someone is speaking.
 *
 * <p>Mouth motion is averaged over a window centred on each frame, counting only frames loud enough
 * to be speech (a face chewing or smiling in silence speaks no words). A face leads when its
 * average beats every other's by {@link #LEAD_MARGIN}; it takes over once it has led for {@link
 * #CONFIRM_MILLIS} and the current choice has been held for the minimum hold time — the switch then
 * dates from when it began to lead, as an editor cuts on the new speaker's first words. When the
 * followed face is gone for {@link #LOST_MILLIS}, the choice moves to a face that is there at once,
 * hold or not.
 */
public final class SpeakerChoice {

  /** How much more mouth motion the leader needs than any other face. */
  static final double LEAD_MARGIN = 1.25;

  /** Mean luma change below which no mouth counts as moving (sensor noise, compression). */
  static final double MIN_MOTION = 0.5;

  /** How long a face must lead before the crop switches to it. */
  static final long CONFIRM_MILLIS = 400;

  /** How long the followed face may be missing before another is followed instead. */
  static final long LOST_MILLIS = 1_000;

  private SpeakerChoice() {}

  /**
   * For each frame, the index in {@code tracks} of the face to follow.
   *
   * @param loud for each frame, whether the audio there is loud enough to be speech
   */
  public static int[] choose(
      List<FaceTrack> tracks, long[] times, boolean[] loud, long holdMillis, long windowMillis) {
    int frames = times.length;
    int[] chosen = new int[frames];
    if (tracks.size() <= 1 || frames == 0) {
      return chosen;
    }
    double[][] average = new double[tracks.size()][];
    for (int k = 0; k < tracks.size(); k++) {
      average[k] = windowedMotion(tracks.get(k), times, loud, windowMillis / 2);
    }
    int current = initial(tracks, times, average, holdMillis);
    long since = times[0];
    int lastSeenOfCurrent = -1;
    int pending = -1;
    int pendingFrom = 0;
    for (int i = 0; i < frames; i++) {
      if (tracks.get(current).seenAt(i)) {
        lastSeenOfCurrent = i;
      }
      long missing = times[i] - (lastSeenOfCurrent < 0 ? times[0] : times[lastSeenOfCurrent]);
      int leader = leaderAt(average, i);
      if (!tracks.get(current).seenAt(i) && missing > LOST_MILLIS) {
        int present = presentAt(tracks, average, i, leader);
        if (present >= 0) {
          current = present;
          since = times[i];
          lastSeenOfCurrent = i;
          pending = -1;
        }
      } else if (leader >= 0 && leader != current) {
        if (pending != leader) {
          pending = leader;
          pendingFrom = i;
        }
        if (times[i] - times[pendingFrom] >= CONFIRM_MILLIS && times[i] - since >= holdMillis) {
          // Date the switch from when the new speaker began to lead, but not inside the hold.
          int from = pendingFrom;
          while (from < i && times[from] - since < holdMillis) {
            from++;
          }
          for (int k = from; k < i; k++) {
            chosen[k] = leader;
          }
          current = leader;
          since = times[from];
          lastSeenOfCurrent = i;
          pending = -1;
        }
      } else {
        pending = -1;
      }
      chosen[i] = current;
    }
    return chosen;
  }

  /** The face that speaks most over the first hold time; the steadiest one if none speaks. */
  private static int initial(
      List<FaceTrack> tracks, long[] times, double[][] average, long holdMillis) {
    int best = 0;
    double bestMotion = -1;
    int bestSeen = -1;
    for (int k = 0; k < tracks.size(); k++) {
      double motion = 0;
      for (int i = 0; i < times.length && times[i] - times[0] <= Math.max(holdMillis, 1); i++) {
        motion += average[k][i];
      }
      int seen = tracks.get(k).seenCount();
      if (motion > bestMotion + 1e-9
          || (Math.abs(motion - bestMotion) <= 1e-9 && seen > bestSeen)) {
        best = k;
        bestMotion = motion;
        bestSeen = seen;
      }
    }
    return best;
  }

  private static int leaderAt(double[][] average, int frame) {
    int best = -1;
    double first = 0;
    double second = 0;
    for (int k = 0; k < average.length; k++) {
      double v = average[k][frame];
      if (v > first) {
        second = first;
        first = v;
        best = k;
      } else if (v > second) {
        second = v;
      }
    }
    return first >= MIN_MOTION && first >= LEAD_MARGIN * second ? best : -1;
  }

  private static int presentAt(List<FaceTrack> tracks, double[][] average, int frame, int leader) {
    if (leader >= 0 && tracks.get(leader).seenAt(frame)) {
      return leader;
    }
    int best = -1;
    for (int k = 0; k < tracks.size(); k++) {
      if (tracks.get(k).seenAt(frame) && (best < 0 || average[k][frame] > average[best][frame])) {
        best = k;
      }
    }
    return best;
  }

  /** Mean mouth motion over loud frames where the face was seen, within ±half of each frame. */
  private static double[] windowedMotion(
      FaceTrack track, long[] times, boolean[] loud, long halfWindow) {
    int n = times.length;
    double[] sum = new double[n + 1];
    int[] count = new int[n + 1];
    for (int i = 0; i < n; i++) {
      boolean counts = loud[i] && track.seenAt(i);
      sum[i + 1] = sum[i] + (counts ? track.motionAt(i) : 0);
      count[i + 1] = count[i] + (counts ? 1 : 0);
    }
    double[] out = new double[n];
    int lo = 0;
    int hi = 0;
    for (int i = 0; i < n; i++) {
      while (times[lo] < times[i] - halfWindow) {
        lo++;
      }
      while (hi < n && times[hi] <= times[i] + halfWindow) {
        hi++;
      }
      int c = count[hi] - count[lo];
      out[i] = c == 0 ? 0 : (sum[hi] - sum[lo]) / c;
    }
    return out;
  }
}
