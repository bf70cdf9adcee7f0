package dev.reelforge.clips.internal.text;

import java.util.Locale;
import java.util.Set;

/**
 * Turns a transcript word into the term the scorers count: lower case, without punctuation or a
 * possessive {@code 's}, and nothing at all for a stopword — so that "Battery," and "battery's"
 * count as one content word while "the" and "really" count as none.
 */
public final class Terms {

  /**
   * English function words and the filler of speech ("um", "yeah", "gonna"). Small on purpose: a
   * word missing here only costs a little keyword weight, while TF-IDF already discounts words that
   * occur everywhere.
   */
  static final Set<String> STOPWORDS =
      Set.of(
          "a",
          "about",
          "above",
          "after",
          "again",
          "all",
          "also",
          "am",
          "an",
          "and",
          "any",
          "are",
          "around",
          "as",
          "at",
          "back",
          "be",
          "because",
          "been",
          "before",
          "being",
          "below",
          "between",
          "both",
          "but",
          "by",
          "can",
          "could",
          "did",
          "do",
          "does",
          "doing",
          "done",
          "down",
          "during",
          "each",
          "even",
          "ever",
          "every",
          "few",
          "for",
          "from",
          "further",
          "get",
          "gets",
          "getting",
          "go",
          "goes",
          "going",
          "gonna",
          "got",
          "had",
          "has",
          "have",
          "having",
          "he",
          "her",
          "here",
          "hers",
          "herself",
          "him",
          "himself",
          "his",
          "how",
          "i",
          "if",
          "in",
          "into",
          "is",
          "it",
          "its",
          "itself",
          "just",
          "know",
          "like",
          "lot",
          "make",
          "many",
          "me",
          "mean",
          "might",
          "more",
          "most",
          "much",
          "must",
          "my",
          "myself",
          "need",
          "no",
          "nor",
          "not",
          "now",
          "of",
          "off",
          "ok",
          "okay",
          "on",
          "once",
          "one",
          "only",
          "or",
          "other",
          "our",
          "ours",
          "ourselves",
          "out",
          "over",
          "own",
          "people",
          "pretty",
          "quite",
          "really",
          "right",
          "said",
          "same",
          "say",
          "see",
          "she",
          "should",
          "so",
          "some",
          "something",
          "such",
          "sure",
          "than",
          "that",
          "the",
          "their",
          "theirs",
          "them",
          "themselves",
          "then",
          "there",
          "these",
          "they",
          "thing",
          "things",
          "think",
          "this",
          "those",
          "through",
          "to",
          "too",
          "under",
          "until",
          "up",
          "us",
          "very",
          "want",
          "was",
          "way",
          "we",
          "well",
          "were",
          "what",
          "when",
          "where",
          "which",
          "while",
          "who",
          "whom",
          "why",
          "will",
          "with",
          "would",
          "yeah",
          "yes",
          "you",
          "your",
          "yours",
          "yourself",
          "um",
          "uh",
          "oh",
          "hmm",
          "actually",
          "basically",
          "kind",
          "sort",
          "stuff",
          "let",
          "lets",
          "thats",
          "dont",
          "doesnt",
          "didnt",
          "cant",
          "wont",
          "isnt",
          "arent",
          "wasnt",
          "im",
          "ive",
          "youre",
          "theyre",
          "weve",
          "hes",
          "shes",
          "gotta",
          "wanna",
          "maybe",
          "still",
          "already",
          "yet",
          "though",
          "however");

  private Terms() {}

  /** The word as written, lower case, with letters, digits and inner apostrophes only. */
  public static String normalise(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
      } else if ((c == '\'' || c == '’') && out.length() > 0) {
        out.append('\'');
      }
    }
    String s = out.toString();
    if (s.endsWith("'s")) {
      s = s.substring(0, s.length() - 2);
    }
    return s.replace("'", "");
  }

  /**
   * The content term of a word, or {@code null} for a stopword, a number or a word of fewer than
   * three letters, which say little about what a passage is about.
   */
  public static String contentTerm(String word) {
    String s = normalise(word);
    if (s.length() < 3 || STOPWORDS.contains(s) || !Character.isLetter(s.charAt(0))) {
      return null;
    }
    return s;
  }
}
