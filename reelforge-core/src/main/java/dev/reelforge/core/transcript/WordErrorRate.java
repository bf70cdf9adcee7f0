package dev.reelforge.core.transcript;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How far a heard text is from what was said: the word-level edit distance (substitutions,
 * deletions, insertions) over the number of reference words. Both texts are normalised first —
 * lower case, punctuation and apostrophes removed ({@code "Don't,"} and {@code "dont"} are the same
 * word) — so that a transcriber is not charged for punctuation it never claims to hear.
 *
 * @param substitutions reference words heard as another word
 * @param deletions reference words not heard at all
 * @param insertions words heard that were never said
 * @param referenceWords how many words the reference has
 */
public record WordErrorRate(int substitutions, int deletions, int insertions, int referenceWords) {

  private static final Pattern NOT_A_WORD_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}']+");

  /** Compares {@code hypothesis} (what a transcriber heard) with {@code reference} (the truth). */
  public static WordErrorRate between(String reference, String hypothesis) {
    return between(words(reference), words(hypothesis));
  }

  /**
   * The errors over the reference's length; 0 for two empty texts, errors alone for an empty one.
   */
  public double rate() {
    return (substitutions + deletions + insertions) / (double) Math.max(1, referenceWords);
  }

  public int errors() {
    return substitutions + deletions + insertions;
  }

  /** The words as compared: lower case, without punctuation. */
  public static List<String> words(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return Arrays.stream(NOT_A_WORD_CHARACTER.split(lower))
        .map(w -> w.replace("'", ""))
        .filter(w -> !w.isEmpty())
        .toList();
  }

  /**
   * Levenshtein distance over words, two rows at a time (a long transcript against its reference
   * needs no quadratic memory), counting each kind of edit along the cheapest path.
   */
  private static WordErrorRate between(List<String> reference, List<String> hypothesis) {
    int columns = hypothesis.size() + 1;
    Cell[] previous = new Cell[columns];
    previous[0] = new Cell(0, 0, 0);
    for (int j = 1; j < columns; j++) {
      previous[j] = previous[j - 1].insert();
    }
    for (String said : reference) {
      Cell[] current = new Cell[columns];
      current[0] = previous[0].delete();
      for (int j = 1; j < columns; j++) {
        Cell diagonal =
            said.equals(hypothesis.get(j - 1)) ? previous[j - 1] : previous[j - 1].substitute();
        Cell best = diagonal;
        Cell deleted = previous[j].delete();
        if (deleted.cost() < best.cost()) {
          best = deleted;
        }
        Cell inserted = current[j - 1].insert();
        if (inserted.cost() < best.cost()) {
          best = inserted;
        }
        current[j] = best;
      }
      previous = current;
    }
    Cell end = previous[columns - 1];
    return new WordErrorRate(end.substitutions, end.deletions, end.insertions, reference.size());
  }

  private record Cell(int substitutions, int deletions, int insertions) {
    int cost() {
      return substitutions + deletions + insertions;
    }

    Cell substitute() {
      return new Cell(substitutions + 1, deletions, insertions);
    }

    Cell delete() {
      return new Cell(substitutions, deletions + 1, insertions);
    }

    Cell insert() {
      return new Cell(substitutions, deletions, insertions + 1);
    }
  }
}
