package dev.reelforge.clips.internal.text;

import dev.reelforge.core.script.EnglishWords;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a transcript word into the term the scorers count: lower case, without punctuation or a
 * possessive {@code 's}, and nothing at all for a stopword — so that "Battery," and "battery's"
 * count as one content word while "the" and "really" count as none.
 */
public final class Terms {

  /**
   * English function words (core's) and the filler of speech ("um", "yeah", "gonna"). Small on
   * purpose: a word missing here only costs a little keyword weight, while TF-IDF already discounts
   * words that occur everywhere.
   */
  static final Set<String> STOPWORDS =
      EnglishWords.functionWordsAnd(
          "above",
          "around",
          "back",
          "below",
          "between",
          "both",
          "done",
          "further",
          "getting",
          "goes",
          "gonna",
          "herself",
          "himself",
          "itself",
          "lot",
          "mean",
          "myself",
          "ok",
          "ours",
          "ourselves",
          "pretty",
          "quite",
          "right",
          "said",
          "something",
          "sure",
          "theirs",
          "themselves",
          "whom",
          "yeah",
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
    return EnglishWords.stripPossessive(out.toString()).replace("'", "");
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
