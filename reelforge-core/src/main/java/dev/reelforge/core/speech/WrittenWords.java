package dev.reelforge.core.speech;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Puts the author's words back under the speech engine's: the engine says "three point eight
 * centimetres", the caption shows "3.8 cm" for as long as those three words are heard.
 *
 * <p>The written text is cut into {@linkplain WrittenUnits units} and each unit's spoken form is
 * the one {@link TextNormalizer} gave the engine, so both sides reduce to the same string of
 * letters and digits; each unit then takes the time from the spoken word holding its first letter
 * to the one holding its last (a unit that shares an engine word with another splits it by
 * letters). Engines that were given {@link TextNormalizer#clean} text (voices in other languages)
 * are matched the same way against the cleaned units. When neither lines up (an engine that expands
 * something itself, or drops a word), units are placed by the proportion of letters before them,
 * which keeps their order and stays inside the spoken span: the words are still all there, only
 * their times are estimates.
 *
 * <p>A unit with nothing spoken (a dash standing alone, "…", a link a non-English voice skips) is
 * not a caption of its own: it is shown with the word before it (or after it, at the start), so no
 * written word is lost and no caption stands on silence. Emoji and pictographs are left out of the
 * captions, as they are out of the speech: caption fonts do not draw them.
 */
public final class WrittenWords {

  /** How the spoken words were matched to the written ones. */
  public enum Match {
    /** Exactly, against the normalised text ({@link TextNormalizer#normalize}). */
    NORMALISED,
    /** Exactly, against the cleaned text ({@link TextNormalizer#clean}). */
    CLEANED,
    /** By the proportion of letters: the engine said something other than what it was given. */
    PROPORTIONAL,
    /** Nothing to match: no written unit or no spoken word with a letter. */
    NONE
  }

  /**
   * @param words the written words, each timed from the first to the last of its spoken words
   * @param match how they were matched
   */
  public record Alignment(List<WordTiming> words, Match match) {

    public Alignment {
      words = List.copyOf(words);
    }
  }

  private static final Pattern CLOSING_MARKS = Pattern.compile("[.,!?;:…)\\]\"'»]+");

  private WrittenWords() {}

  /** The written words of {@code writtenText}, timed by the engine's {@code spokenWords}. */
  public static List<WordTiming> of(String writtenText, List<WordTiming> spokenWords) {
    return align(writtenText, spokenWords).words();
  }

  /** As {@link #of}, saying how the words were matched. */
  public static Alignment align(String writtenText, List<WordTiming> spokenWords) {
    List<String> units = WrittenUnits.of(writtenText);
    SpokenLetters spoken = new SpokenLetters(spokenWords);
    if (units.isEmpty() || spoken.length() == 0) {
      return new Alignment(List.of(), Match.NONE);
    }
    int[] normalised = letterCounts(units, TextNormalizer::speak);
    if (spoken.matches(units, TextNormalizer::speak)) {
      return new Alignment(timed(units, normalised, spoken), Match.NORMALISED);
    }
    int[] cleaned = letterCounts(units, TextNormalizer::cleanUnit);
    if (spoken.matches(units, TextNormalizer::cleanUnit)) {
      return new Alignment(timed(units, cleaned, spoken), Match.CLEANED);
    }
    // The reading whose length is nearer the engine's is the better guess at where words fall.
    int[] counts =
        Math.abs(sum(normalised) - spoken.length()) <= Math.abs(sum(cleaned) - spoken.length())
            ? normalised
            : cleaned;
    if (sum(counts) == 0) {
      counts = letterCounts(units, UnaryOperator.identity());
    }
    if (sum(counts) == 0) {
      Arrays.fill(counts, 1);
    }
    return new Alignment(timed(units, counts, spoken), Match.PROPORTIONAL);
  }

  /**
   * Times each unit by its letters' place among {@code counts}, scaled onto the spoken letters (a
   * scale of one when they match), then shows the silent units with a neighbour.
   */
  private static List<WordTiming> timed(List<String> units, int[] counts, SpokenLetters spoken) {
    double scale = (double) spoken.length() / sum(counts);
    List<String> texts = new ArrayList<>();
    List<long[]> times = new ArrayList<>();
    String pending = ""; // silent units before the first spoken one
    long previousEnd = 0;
    int at = 0;
    for (int u = 0; u < units.size(); u++) {
      String shown = TextNormalizer.stripPictographs(units.get(u)).strip();
      if (counts[u] == 0) {
        if (shown.isEmpty()) {
          continue;
        }
        // "Phasen 🌙." shows as "Phasen.": the mark belonged to the emoji that is left out.
        String space = glued(units.get(u), shown) ? "" : " ";
        if (texts.isEmpty()) {
          pending = pending.isEmpty() ? shown : pending + space + shown;
        } else {
          texts.set(texts.size() - 1, texts.getLast() + space + shown);
        }
        continue;
      }
      if (shown.isEmpty()) {
        at += counts[u]; // spoken, but nothing a caption can show
        continue;
      }
      long start = Math.max(previousEnd, spoken.startAt(at * scale));
      long end = Math.max(start, spoken.endAt((at + counts[u]) * scale));
      at += counts[u];
      texts.add(texts.isEmpty() && !pending.isEmpty() ? pending + " " + shown : shown);
      times.add(new long[] {start, end});
      previousEnd = end;
    }
    if (texts.isEmpty() && !pending.isEmpty()) {
      // Only marks to show, over something the engine said anyway: they take its whole span.
      texts.add(pending);
      times.add(new long[] {spoken.startAt(0), spoken.endAt(spoken.length())});
    }
    List<WordTiming> words = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      words.add(new WordTiming(texts.get(i), times.get(i)[0], times.get(i)[1]));
    }
    return words;
  }

  private static boolean glued(String unit, String shown) {
    return !shown.equals(unit.strip()) && CLOSING_MARKS.matcher(shown).matches();
  }

  private static int[] letterCounts(List<String> units, UnaryOperator<String> spokenForm) {
    int[] counts = new int[units.size()];
    for (int u = 0; u < units.size(); u++) {
      counts[u] = letters(spokenForm.apply(units.get(u))).length();
    }
    return counts;
  }

  private static int sum(int[] counts) {
    int total = 0;
    for (int count : counts) {
      total += count;
    }
    return total;
  }

  /** Lower-case letters and digits only: what both sides are compared by. */
  static String letters(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /**
   * The engine's words as one string of letters, with the time at any position in it: inside a
   * word, time is shared by letters; at the boundary between two words, a unit that ends there ends
   * with the first and one that starts there starts with the second.
   */
  private static final class SpokenLetters {

    private final List<WordTiming> words = new ArrayList<>();
    private final List<Integer> firstLetter = new ArrayList<>();
    private final StringBuilder letters = new StringBuilder();
    private int[] owner = new int[0];

    SpokenLetters(List<WordTiming> spokenWords) {
      List<Integer> owners = new ArrayList<>();
      for (WordTiming word : spokenWords) {
        String own = letters(word.text());
        if (own.isEmpty()) {
          continue; // a mark the engine reported as a word is not heard
        }
        firstLetter.add(letters.length());
        letters.append(own);
        for (int c = 0; c < own.length(); c++) {
          owners.add(words.size());
        }
        words.add(word);
      }
      owner = owners.stream().mapToInt(Integer::intValue).toArray();
    }

    int length() {
      return letters.length();
    }

    boolean matches(List<String> units, UnaryOperator<String> spokenForm) {
      StringBuilder expected = new StringBuilder(letters.length());
      for (String unit : units) {
        expected.append(letters(spokenForm.apply(unit)));
      }
      return expected.toString().contentEquals(letters);
    }

    long startAt(double position) {
      int letter = (int) Math.clamp(Math.floor(position), 0, owner.length - 1);
      return timeAt(owner[letter], position);
    }

    long endAt(double position) {
      int letter = (int) Math.clamp(Math.ceil(position) - 1, 0, owner.length - 1);
      return timeAt(owner[letter], position);
    }

    private long timeAt(int w, double position) {
      WordTiming word = words.get(w);
      int first = firstLetter.get(w);
      int end = w + 1 < words.size() ? firstLetter.get(w + 1) : letters.length();
      double share = (Math.clamp(position, first, end) - first) / (end - first);
      return word.startMillis() + Math.round((word.endMillis() - word.startMillis()) * share);
    }
  }
}
