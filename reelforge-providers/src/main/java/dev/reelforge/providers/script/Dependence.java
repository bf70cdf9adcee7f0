package dev.reelforge.providers.script;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a sentence leans on the one before it, so that read first, or after a gap, it confuses:
 * it opens with a pronoun or a demonstrative ("It", "They", "This", "That is why", "Their blood"),
 * a connective ("Yet", "But", "However", "So", "Also", "Then", "For example"), a reference to
 * something already named ("The same", "The other", "The rest", "The third"), a number standing for
 * things already counted ("Two of them", "Two pump blood through the gills"), a word at its end
 * that points back ("six hours later", "fading too"), or a "he" or "she" before any name; or it is
 * the continuation of a long sentence cut into clauses, or it starts in lower case.
 */
final class Dependence {

  private static final Set<String> PRONOUNS =
      Set.of(
          "it", "its", "they", "them", "their", "theirs", "this", "these", "those", "that", "he",
          "she", "his", "her", "him", "hers", "such", "both", "neither", "either", "others",
          "another");

  private static final Set<String> CONNECTIVES =
      Set.of(
          "yet",
          "but",
          "however",
          "so",
          "also",
          "and",
          "then",
          "or",
          "nor",
          "still",
          "instead",
          "meanwhile",
          "moreover",
          "furthermore",
          "besides",
          "otherwise",
          "thus",
          "therefore",
          "hence",
          "likewise",
          "similarly",
          "finally",
          "consequently",
          "accordingly",
          "plus",
          "too",
          "nevertheless",
          "nonetheless",
          "afterwards",
          "conversely");

  private static final List<String> PHRASES =
      List.of(
          "the same ",
          "the other ",
          "the others ",
          "the rest ",
          "the latter ",
          "the former ",
          "the second ",
          "the third ",
          "the fourth ",
          "the last of ",
          "for example",
          "for instance",
          "as a result",
          "in turn",
          "in contrast",
          "by contrast",
          "on the other hand",
          "even so",
          "in addition",
          "of these",
          "of them",
          "after that",
          "at that point");

  private static final Set<String> NUMBER_WORDS =
      Set.of(
          "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "half", "most", "some", "many", "all", "none", "each");

  /** A last word that points back: "six and a half hours later", "fading too", "though". */
  private static final Pattern POINTS_BACK_AT_END =
      Pattern.compile(
          "(?i).*\\b(later|afterwards|too|instead|though|either|as well|by then|at the time)"
              + "[\"”’')]*[.!?…][\"”’')]*$");

  /** He, she and theirs: a person named before, unless a name comes first in the sentence. */
  private static final Set<String> PERSONAL = Set.of("he", "she", "him", "her", "his", "hers");

  private Dependence() {}

  static boolean onPrevious(OpenNlpText.Sentence sentence) {
    if (sentence.continuation()) {
      return true;
    }
    String text = sentence.text().replaceFirst("^[\"“‘'(\\[«]+", "");
    if (text.isEmpty() || Character.isLowerCase(text.charAt(0))) {
      return true;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (String phrase : PHRASES) {
      if (lower.startsWith(phrase)) {
        return true;
      }
    }
    List<String> tokens = words(sentence);
    if (tokens.isEmpty()) {
      return false;
    }
    String first = tokens.getFirst();
    if (PRONOUNS.contains(first) || CONNECTIVES.contains(first)) {
      return true;
    }
    // "Two of the hearts…", "Most of them…": a share of something counted before.
    if (NUMBER_WORDS.contains(first) && tokens.size() > 1 && tokens.get(1).equals("of")) {
      return true;
    }
    // "Two pump blood…": a number word used as the subject, its noun left in the sentence before.
    if (NUMBER_WORDS.contains(first) && startsWithVerbAfterNumber(sentence)) {
      return true;
    }
    return POINTS_BACK_AT_END.matcher(text).matches() || personBeforeName(sentence);
  }

  /** "The first winter, she lost half her bees": who she is was said before. */
  private static boolean personBeforeName(OpenNlpText.Sentence sentence) {
    List<String> tokens = sentence.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      if (sentence.tags().get(i).startsWith("NNP")) {
        return false;
      }
      if (PERSONAL.contains(tokens.get(i).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithVerbAfterNumber(OpenNlpText.Sentence sentence) {
    List<String> tags = sentence.tags();
    int at = firstWordIndex(sentence);
    if (at < 0 || at + 1 >= tags.size()) {
      return false;
    }
    String next = tags.get(at + 1);
    return next.startsWith("VB") || next.equals("MD");
  }

  /** The sentence's words in lower case, quotes and brackets skipped. */
  private static List<String> words(OpenNlpText.Sentence sentence) {
    int at = firstWordIndex(sentence);
    if (at < 0) {
      return List.of();
    }
    return sentence.tokens().subList(at, sentence.tokens().size()).stream()
        .map(t -> t.toLowerCase(Locale.ROOT).replaceAll("[,;:]$", ""))
        .toList();
  }

  private static int firstWordIndex(OpenNlpText.Sentence sentence) {
    List<String> tokens = sentence.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      if (Character.isLetterOrDigit(tokens.get(i).charAt(0))) {
        return i;
      }
    }
    return -1;
  }
}
