package dev.reelforge.media.procedural;

import dev.reelforge.core.script.Keywords;
import dev.reelforge.media.procedural.icons.WordStem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The few words of a beat's line a typography card shows: the clause that holds the most of the
 * beat's keywords, cut to a window of at most {@link #MAX_WORDS} words around them, in the author's
 * own words and spelling ("3.8", "Earth's"). Leading conjunctions and trailing function words are
 * dropped so the card does not read "and because Earth spins".
 */
final class KeyPhrase {

  static final int MAX_WORDS = 6;

  /** A clause of up to this many words is shown whole rather than cut to a window. */
  private static final int WHOLE_CLAUSE_WORDS = 7;

  private static final Set<String> LEADING =
      Set.of(
          "and",
          "but",
          "or",
          "so",
          "because",
          "yet",
          "while",
          "that",
          "which",
          "then",
          "when",
          "if",
          "as",
          "although",
          "though",
          "since",
          "whereas");

  private KeyPhrase() {}

  /**
   * @param text the beat's line; when blank, the first keywords are the phrase
   * @param keywords the beat's keywords, most important first
   */
  static String of(String text, List<String> keywords) {
    if (text == null || text.isBlank()) {
      return String.join(" ", keywords.stream().limit(3).toList());
    }
    List<String> stems = keywords.stream().map(WordStem::of).toList();
    List<String> best = List.of();
    double bestScore = -1;
    // A clause ends at punctuation followed by a space (not inside "3.8") or at a dash.
    for (String clause : text.strip().split("(?<=[,;:!?.)])\\s+|\\s+[—–-]\\s+|\\s*[()]\\s*")) {
      List<String> words = words(clause);
      double score = score(words, stems);
      if (!words.isEmpty() && score > bestScore) {
        best = words;
        bestScore = score;
      }
    }
    List<String> phrase = best.size() <= WHOLE_CLAUSE_WORDS ? best : window(best, stems);
    return String.join(" ", trimmed(phrase));
  }

  private static List<String> words(String clause) {
    List<String> words = new ArrayList<>();
    for (String raw : clause.strip().split("\\s+")) {
      // Punctuation around a word goes; inside it ("3.8", "Earth's", "twenty-two") it stays.
      String word = raw.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}%]+$", "");
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  /** Keywords in {@code words}, the first keyword counting most. */
  private static double score(List<String> words, List<String> stems) {
    double score = 0;
    for (int k = 0; k < stems.size(); k++) {
      for (String word : words) {
        if (WordStem.of(word).equals(stems.get(k))) {
          score += 1.0 / (1 + k);
          break;
        }
      }
    }
    return score;
  }

  /**
   * The {@link #MAX_WORDS}-word stretch of {@code words} with the most keywords, earliest first.
   */
  private static List<String> window(List<String> words, List<String> stems) {
    List<String> best = words.subList(0, MAX_WORDS);
    double bestScore = score(best, stems);
    for (int from = 1; from + MAX_WORDS <= words.size(); from++) {
      List<String> candidate = words.subList(from, from + MAX_WORDS);
      double score = score(candidate, stems);
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  private static List<String> trimmed(List<String> phrase) {
    int from = 0;
    int to = phrase.size();
    while (to - from > 2
        && (LEADING.contains(phrase.get(from).toLowerCase(java.util.Locale.ROOT))
            || Keywords.isStopWord(phrase.get(from)))) {
      from++;
    }
    while (to - from > 2 && Keywords.isStopWord(phrase.get(to - 1))) {
      to--;
    }
    return phrase.subList(from, to);
  }
}
