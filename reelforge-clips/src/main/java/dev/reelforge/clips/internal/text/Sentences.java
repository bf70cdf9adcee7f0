package dev.reelforge.clips.internal.text;

import dev.reelforge.core.transcript.TranscriptWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a transcript's words into sentences, the only places a clip may start or end.
 *
 * <p>A provided transcript (SRT/VTT, a cloud engine) is punctuated: a sentence ends on a word
 * ending in {@code . ? ! …}. An offline recogniser writes no punctuation at all, so there a pause
 * of {@link #UNPUNCTUATED_PAUSE_MILLIS} or more between words stands for the full stop — speakers
 * breathe between sentences far more often than inside them. Even a punctuated transcript breaks at
 * a long silence, and a "sentence" too long to fit a clip is split at its longest pauses, so that a
 * run-on monologue still yields candidates.
 */
public final class Sentences {

  /** A pause that ends a sentence when the transcript has no punctuation. */
  public static final long UNPUNCTUATED_PAUSE_MILLIS = 700;

  /** A silence that ends a sentence even when the punctuation says otherwise. */
  static final long LONG_SILENCE_MILLIS = 2_000;

  /**
   * A transcript counts as punctuated when at least one word in this many ends a sentence: real
   * speech averages 10–20 words per sentence, so a rarer mark is an accident, not punctuation.
   */
  static final int WORDS_PER_MARK_AT_MOST = 80;

  private static final Set<String> ABBREVIATIONS =
      Set.of("mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "vs.", "e.g.", "i.e.", "approx.");

  private Sentences() {}

  /**
   * The sentences of {@code words}, in order, each no longer than {@code maxSentenceMillis} unless
   * it has no pause left to split at.
   */
  public static List<Sentence> of(List<TranscriptWord> words, long maxSentenceMillis) {
    if (words.isEmpty()) {
      return List.of();
    }
    boolean punctuated = isPunctuated(words);
    long pauseThatEnds = punctuated ? LONG_SILENCE_MILLIS : UNPUNCTUATED_PAUSE_MILLIS;
    List<Sentence> sentences = new ArrayList<>();
    int first = 0;
    for (int i = 0; i < words.size(); i++) {
      boolean last = i == words.size() - 1;
      boolean ends =
          last
              || (punctuated && endsSentence(words.get(i).text()))
              || gapAfter(words, i) >= pauseThatEnds;
      if (ends) {
        split(words, first, i, maxSentenceMillis, sentences);
        first = i + 1;
      }
    }
    return List.copyOf(sentences);
  }

  static boolean isPunctuated(List<TranscriptWord> words) {
    long marks = words.stream().filter(w -> endsSentence(w.text())).count();
    return marks > 0 && marks * WORDS_PER_MARK_AT_MOST >= words.size();
  }

  static boolean endsSentence(String word) {
    String w = stripClosers(word);
    if (ABBREVIATIONS.contains(w.toLowerCase(java.util.Locale.ROOT))) {
      return false;
    }
    return w.endsWith(".") || w.endsWith("?") || w.endsWith("!") || w.endsWith("…");
  }

  /** The word without closing quotes and brackets, which may follow a sentence's mark. */
  static String stripClosers(String word) {
    int end = word.length();
    while (end > 0 && "\"'”’)]»".indexOf(word.charAt(end - 1)) >= 0) {
      end--;
    }
    return word.substring(0, end);
  }

  private static long gapAfter(List<TranscriptWord> words, int i) {
    return i + 1 < words.size() ? words.get(i + 1).startMillis() - words.get(i).endMillis() : 0;
  }

  /** Adds words[from..to] as one sentence, or as several split at the longest pauses. */
  private static void split(
      List<TranscriptWord> words, int from, int to, long maxMillis, List<Sentence> out) {
    long duration = words.get(to).endMillis() - words.get(from).startMillis();
    if (duration <= maxMillis || from == to) {
      out.add(sentence(words, from, to));
      return;
    }
    // The longest pause; among equal ones the one nearest the middle, so that a stretch without
    // any pause is halved rather than peeled one word at a time.
    int at = from;
    long longest = Long.MIN_VALUE;
    int middle = (from + to) / 2;
    for (int i = from; i < to; i++) {
      long gap = gapAfter(words, i);
      if (gap > longest || (gap == longest && Math.abs(i - middle) < Math.abs(at - middle))) {
        longest = gap;
        at = i;
      }
    }
    split(words, from, at, maxMillis, out);
    split(words, at + 1, to, maxMillis, out);
  }

  private static Sentence sentence(List<TranscriptWord> words, int from, int to) {
    StringBuilder text = new StringBuilder();
    for (int i = from; i <= to; i++) {
      if (i > from) {
        text.append(' ');
      }
      text.append(words.get(i).text().strip());
    }
    return new Sentence(
        from, to, words.get(from).startMillis(), words.get(to).endMillis(), text.toString());
  }
}
