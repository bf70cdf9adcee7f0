package dev.reelforge.clips.internal.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the talk changes subject, found as TextTiling does (Hearst, 1997): at every gap between two
 * sentences, compare the words of a block before it with the words of a block after it; where the
 * two share few words compared with the gaps around (a deep "valley" of lexical cohesion), a new
 * topic starts. A clip that starts just after such a valley and ends just before the next one tells
 * a whole story, which is why the finder rewards it.
 */
public final class TopicShifts {

  /** Content words on each side of a gap: about 30–60 s of speech, as TextTiling's blocks are. */
  static final int BLOCK_TERMS = 40;

  /** A valley shallower than this is noise in word choice, not a change of subject. */
  static final double MIN_DEPTH = 0.08;

  /** strength[s]: how clearly a new topic starts at sentence s, in [0,1]; 1 at the very start. */
  private final double[] strength;

  private TopicShifts(double[] strength) {
    this.strength = strength;
  }

  /**
   * The topic shifts between {@code sentenceTerms}: for each sentence, the ids of its content
   * words.
   */
  public static TopicShifts of(List<int[]> sentenceTerms) {
    int n = sentenceTerms.size();
    double[] strength = new double[n + 1];
    if (n == 0) {
      return new TopicShifts(new double[] {1});
    }
    strength[0] = 1;
    strength[n] = 1;
    if (n < 3) {
      return new TopicShifts(strength);
    }
    double[] similarity = new double[n];
    for (int gap = 1; gap < n; gap++) {
      similarity[gap] = cosine(block(sentenceTerms, gap - 1, -1), block(sentenceTerms, gap, +1));
    }
    // No smoothing of the curve, unlike TextTiling over token windows: each block already spans
    // several sentences, and averaging neighbouring gaps moves a valley off its sentence.
    double[] smooth = similarity;
    double[] depth = new double[n];
    double sum = 0;
    double sumSquares = 0;
    int valleys = 0;
    for (int gap = 1; gap < n; gap++) {
      boolean valley =
          (gap == 1 || smooth[gap] <= smooth[gap - 1])
              && (gap == n - 1 || smooth[gap] <= smooth[gap + 1]);
      if (!valley) {
        continue;
      }
      depth[gap] = peak(smooth, gap, -1) + peak(smooth, gap, +1) - 2 * smooth[gap];
      if (depth[gap] > 0) {
        sum += depth[gap];
        sumSquares += depth[gap] * depth[gap];
        valleys++;
      }
    }
    if (valleys == 0) {
      return new TopicShifts(strength);
    }
    // TextTiling's liberal cut-off: a valley deeper than the mean less half a deviation.
    double mean = sum / valleys;
    double deviation = Math.sqrt(Math.max(0, sumSquares / valleys - mean * mean));
    double cutoff = Math.max(MIN_DEPTH, mean - deviation / 2);
    double deepest = 0;
    for (double d : depth) {
      deepest = Math.max(deepest, d);
    }
    for (int gap = 1; gap < n; gap++) {
      if (depth[gap] >= cutoff && deepest > 0) {
        strength[gap] = depth[gap] / deepest;
      }
    }
    return new TopicShifts(strength);
  }

  /** How clearly a new topic starts at sentence {@code s} (1 at the transcript's start). */
  public double startsAt(int sentence) {
    return strength[sentence];
  }

  /** How clearly the topic changes right after sentence {@code s} (1 at the transcript's end). */
  public double endsAfter(int sentence) {
    return strength[sentence + 1];
  }

  /** The term counts of the sentences from {@code from} walking in {@code direction}. */
  private static Map<Integer, Integer> block(List<int[]> sentenceTerms, int from, int direction) {
    Map<Integer, Integer> counts = new HashMap<>();
    int taken = 0;
    for (int s = from; s >= 0 && s < sentenceTerms.size() && taken < BLOCK_TERMS; s += direction) {
      for (int term : sentenceTerms.get(s)) {
        counts.merge(term, 1, Integer::sum);
        taken++;
      }
    }
    return counts;
  }

  private static double cosine(Map<Integer, Integer> a, Map<Integer, Integer> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    double dot = 0;
    for (Map.Entry<Integer, Integer> e : a.entrySet()) {
      Integer other = b.get(e.getKey());
      if (other != null) {
        dot += (double) e.getValue() * other;
      }
    }
    return dot / (norm(a) * norm(b));
  }

  private static double norm(Map<Integer, Integer> counts) {
    double sum = 0;
    for (int c : counts.values()) {
      sum += (double) c * c;
    }
    return Math.sqrt(sum);
  }

  /** The top of the hill next to a valley, climbing while cohesion keeps rising. */
  private static double peak(double[] smooth, int gap, int direction) {
    int k = gap;
    while (k + direction >= 1
        && k + direction < smooth.length
        && smooth[k + direction] >= smooth[k]) {
      k += direction;
    }
    return smooth[k];
  }
}
