package dev.reelforge.core.story;

import dev.reelforge.core.speech.WordTiming;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each beat's narration starts and ends. The narration is synthesised in one piece (so the
 * voice flows across beats); its words are shared among the beats by how many words each beat has,
 * and each cut between two beats is put in the middle of the pause between them, so that a picture
 * never changes in the middle of a word.
 */
public final class BeatSpans {

  /** Silence kept after the last word, so the video does not end on a clipped syllable. */
  public static final long TAIL_MILLIS = 400;

  private BeatSpans() {}

  /**
   * @param wordsPerBeat how many of {@code words} each beat has (when the total differs from {@code
   *     words}, beats get a proportional share)
   * @param words the narration's words with their times
   * @param audioMillis the narration's length
   * @return per beat {start, end} in milliseconds: contiguous, from 0 to the audio's end plus
   *     {@link #TAIL_MILLIS}, each at least a second long
   */
  public static List<long[]> of(
      List<Integer> wordsPerBeat, List<WordTiming> words, long audioMillis) {
    int beats = wordsPerBeat.size();
    if (beats == 0) {
      throw new IllegalArgumentException("a story needs at least one beat");
    }
    int[] firstWord = firstWords(wordsPerBeat, words.size());
    long end = audioMillis + TAIL_MILLIS;
    long[] cuts = new long[beats + 1];
    cuts[0] = 0;
    cuts[beats] = end;
    for (int b = 1; b < beats; b++) {
      int first = firstWord[b];
      if (first <= 0 || first >= words.size()) {
        cuts[b] = end * b / beats;
      } else {
        long previousEnd = words.get(first - 1).endMillis();
        long nextStart = words.get(first).startMillis();
        cuts[b] = (previousEnd + Math.max(previousEnd, nextStart)) / 2;
      }
    }
    List<long[]> spans = new ArrayList<>(beats);
    for (int b = 0; b < beats; b++) {
      spans.add(new long[] {cuts[b], Math.max(cuts[b + 1], cuts[b] + 1000)});
      if (b + 1 < beats) {
        cuts[b + 1] = Math.max(cuts[b + 1], cuts[b] + 1000);
      }
    }
    return spans;
  }

  /** The index of each beat's first word among {@code total} words. */
  static int[] firstWords(List<Integer> wordsPerBeat, int total) {
    int beats = wordsPerBeat.size();
    long counted = wordsPerBeat.stream().mapToLong(Integer::longValue).sum();
    int[] first = new int[beats];
    long before = 0;
    for (int b = 0; b < beats; b++) {
      first[b] =
          counted == total || counted == 0
              ? (int) before
              : (int) Math.round((double) before * total / counted);
      before += wordsPerBeat.get(b);
    }
    return first;
  }
}
