package dev.reelforge.providers.speech;

import dev.reelforge.core.speech.WordTiming;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Word timings estimated from the audio, for engines that return none (OpenAI TTS). The audio is
 * cut into voiced regions (10 ms frames above a level relative to the loud frames; gaps under 120
 * ms are stops inside speech, not pauses). Each pause is placed at the word boundary nearest its
 * position in the text, weighting words by their letters and drawing pauses to punctuation, and
 * inside a region words share the time by the same weights. Sentence pauses therefore land between
 * the right words; timings within a phrase are estimates, good for captions that highlight word by
 * word.
 */
public final class VoicedTimings {

  static final int FRAME_MILLIS = 10;
  static final int MIN_PAUSE_MILLIS = 120;

  private VoicedTimings() {}

  /** Timings for {@code words} over 16-bit little-endian mono {@code pcm}. */
  public static List<WordTiming> estimate(byte[] pcm, int sampleRate, List<String> words) {
    List<long[]> regions = voicedRegions(pcm, sampleRate);
    long totalMillis = Math.round(pcm.length / 2 * 1000.0 / sampleRate);
    if (regions.isEmpty()) {
      regions = List.of(new long[] {0, totalMillis});
    }
    double[] cumulative = cumulativeWeights(words);
    double totalWeight = cumulative[words.size()];
    long voiced = regions.stream().mapToLong(r -> r[1] - r[0]).sum();
    // Word index at which each region ends: the boundary nearest the region's share of the voice.
    int[] ends = new int[regions.size()];
    long voicedSoFar = 0;
    int previous = 0;
    for (int r = 0; r < regions.size(); r++) {
      voicedSoFar += regions.get(r)[1] - regions.get(r)[0];
      double target = totalWeight * voicedSoFar / voiced;
      int nearest = nearest(cumulative, target, words);
      ends[r] = r == regions.size() - 1 ? words.size() : Math.max(previous, nearest);
      previous = ends[r];
    }
    List<WordTiming> timings = new ArrayList<>(words.size());
    int first = 0;
    for (int r = 0; r < regions.size(); r++) {
      int last = ends[r];
      long start = regions.get(r)[0];
      long length = regions.get(r)[1] - start;
      double from = cumulative[first];
      double span = Math.max(1e-9, cumulative[last] - from);
      for (int w = first; w < last; w++) {
        long wordStart = start + Math.round(length * (cumulative[w] - from) / span);
        long wordEnd = start + Math.round(length * (cumulative[w + 1] - from) / span);
        timings.add(
            new WordTiming(
                words.get(w), wordStart, Math.min(totalMillis, Math.max(wordEnd, wordStart + 1))));
      }
      first = last;
    }
    return timings;
  }

  private static double[] cumulativeWeights(List<String> words) {
    double[] cumulative = new double[words.size() + 1];
    for (int i = 0; i < words.size(); i++) {
      long letters = words.get(i).codePoints().filter(Character::isLetterOrDigit).count();
      cumulative[i + 1] = cumulative[i] + Math.max(2, letters);
    }
    return cumulative;
  }

  /**
   * The word boundary nearest {@code target}, where boundaries after a sentence end count as closer
   * (speakers pause there, and lengthen the last word, which letter weights do not see).
   */
  private static int nearest(double[] cumulative, double target, List<String> words) {
    int best = 0;
    double bestDistance = Math.abs(target);
    for (int i = 1; i < cumulative.length; i++) {
      double distance = Math.abs(cumulative[i] - target) * pull(words.get(i - 1));
      if (distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    return best;
  }

  private static double pull(String wordBefore) {
    if (wordBefore.matches(".*[.!?…][\"')\\]]*$")) {
      return 0.3;
    }
    return wordBefore.matches(".*[,;:—–][\"')\\]]*$") ? 0.6 : 1.0;
  }

  /** [start, end) in milliseconds of every stretch of voice. */
  static List<long[]> voicedRegions(byte[] pcm, int sampleRate) {
    int frameSamples = sampleRate * FRAME_MILLIS / 1000;
    int frames = pcm.length / 2 / frameSamples;
    double[] rms = new double[frames];
    for (int f = 0; f < frames; f++) {
      double sum = 0;
      for (int i = 0; i < frameSamples; i++) {
        int at = (f * frameSamples + i) * 2;
        short sample = (short) ((pcm[at] & 0xFF) | (pcm[at + 1] << 8));
        sum += (double) sample * sample;
      }
      rms[f] = Math.sqrt(sum / frameSamples);
    }
    double[] sorted = rms.clone();
    Arrays.sort(sorted);
    double loud = frames == 0 ? 0 : sorted[(int) (frames * 0.95)];
    double threshold = Math.max(60, loud * 0.06);
    List<long[]> regions = new ArrayList<>();
    int f = 0;
    while (f < frames) {
      if (rms[f] <= threshold) {
        f++;
        continue;
      }
      int start = f;
      int quietRun = 0;
      int end = f;
      while (f < frames && quietRun * FRAME_MILLIS < MIN_PAUSE_MILLIS) {
        if (rms[f] > threshold) {
          quietRun = 0;
          end = f + 1;
        } else {
          quietRun++;
        }
        f++;
      }
      regions.add(new long[] {(long) start * FRAME_MILLIS, (long) end * FRAME_MILLIS});
    }
    return regions;
  }
}
