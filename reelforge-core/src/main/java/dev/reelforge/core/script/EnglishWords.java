package dev.reelforge.core.script;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * English words that say nothing about what a text is about, shared by the keyword pickers of
 * narration ({@link Keywords}) and of transcribed speech (the clips feature), each of which adds
 * the words peculiar to its own kind of text.
 */
public final class EnglishWords {

  /** Function words (articles, pronouns, auxiliaries, prepositions) and the commonest fillers. */
  public static final Set<String> FUNCTION_WORDS =
      Set.of(
          "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as",
          "at", "be", "because", "been", "before", "being", "but", "by", "can", "could", "did",
          "do", "does", "doing", "down", "during", "each", "even", "ever", "every", "few", "for",
          "from", "get", "gets", "got", "had", "has", "have", "having", "he", "her", "here", "hers",
          "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "know", "let",
          "like", "make", "many", "me", "might", "more", "most", "much", "must", "my", "no", "nor",
          "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "out",
          "over", "own", "really", "same", "say", "see", "she", "should", "so", "some", "still",
          "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "thing",
          "things", "think", "this", "those", "through", "to", "too", "under", "until", "up", "us",
          "very", "was", "way", "we", "well", "were", "what", "when", "where", "which", "while",
          "who", "why", "will", "with", "would", "you", "your", "yours", "want", "need", "going",
          "go", "people", "yes", "okay");

  private EnglishWords() {}

  /** {@link #FUNCTION_WORDS} and {@code extra}: a stop-word list for one kind of text. */
  public static Set<String> functionWordsAnd(String... extra) {
    return Stream.concat(FUNCTION_WORDS.stream(), Stream.of(extra))
        .collect(Collectors.toUnmodifiableSet());
  }

  /** {@code word} without a possessive {@code 's} ("battery's" is "battery"). */
  public static String stripPossessive(String word) {
    return word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
  }
}
