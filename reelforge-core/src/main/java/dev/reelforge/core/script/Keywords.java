package dev.reelforge.core.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search words from a line of text: content words, most frequent and longest first, with common
 * function words dropped. Used where no part-of-speech tagger is at hand (manual and template
 * scripts, prompts); the extractive writer prefers the nouns its tagger finds.
 */
public final class Keywords {

  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'’-]*");

  /** English function words and the fillers narration is full of. */
  static final Set<String> STOP_WORDS =
      Set.of(
          "a",
          "about",
          "after",
          "again",
          "all",
          "also",
          "am",
          "an",
          "and",
          "any",
          "are",
          "as",
          "at",
          "be",
          "because",
          "been",
          "before",
          "being",
          "but",
          "by",
          "can",
          "could",
          "did",
          "do",
          "does",
          "doing",
          "down",
          "during",
          "each",
          "even",
          "ever",
          "every",
          "few",
          "for",
          "from",
          "get",
          "gets",
          "got",
          "had",
          "has",
          "have",
          "having",
          "he",
          "her",
          "here",
          "hers",
          "him",
          "his",
          "how",
          "i",
          "if",
          "in",
          "into",
          "is",
          "it",
          "its",
          "it's",
          "just",
          "know",
          "let",
          "let's",
          "like",
          "make",
          "makes",
          "many",
          "me",
          "might",
          "more",
          "most",
          "much",
          "must",
          "my",
          "never",
          "new",
          "no",
          "nor",
          "not",
          "now",
          "of",
          "off",
          "often",
          "on",
          "once",
          "one",
          "only",
          "or",
          "other",
          "our",
          "out",
          "over",
          "own",
          "really",
          "same",
          "say",
          "see",
          "she",
          "should",
          "so",
          "some",
          "still",
          "such",
          "than",
          "that",
          "that's",
          "the",
          "their",
          "them",
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
          "why",
          "will",
          "with",
          "would",
          "you",
          "your",
          "you're",
          "yours",
          "today",
          "here's",
          "what's",
          "don't",
          "can't",
          "won't",
          "isn't",
          "didn't",
          "there's",
          "want",
          "need",
          "take",
          "look",
          "going",
          "go",
          "use",
          "used",
          "using",
          "time",
          "people",
          "yes",
          "okay",
          "follow",
          "comment",
          "share",
          "subscribe",
          "watch",
          "next",
          "part",
          "video");

  private Keywords() {}

  /** Up to {@code limit} keywords of {@code text}, lower case. */
  public static List<String> of(String text, int limit) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Matcher matcher = WORD.matcher(text);
    while (matcher.find()) {
      String word = matcher.group().toLowerCase(Locale.ROOT).replace('’', '\'');
      if (word.length() < 3 || STOP_WORDS.contains(word)) {
        continue;
      }
      counts.merge(stripPossessive(word), 1, Integer::sum);
    }
    List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
    // Stable sort: ties keep text order, so the first-mentioned subject leads.
    ranked.sort(
        (a, b) ->
            a.getValue().equals(b.getValue())
                ? Integer.compare(lengthBucket(b.getKey()), lengthBucket(a.getKey()))
                : Integer.compare(b.getValue(), a.getValue()));
    return ranked.stream().limit(limit).map(Map.Entry::getKey).toList();
  }

  /** Whether {@code word} carries no subject of its own. */
  public static boolean isStopWord(String word) {
    return STOP_WORDS.contains(word.toLowerCase(Locale.ROOT));
  }

  private static String stripPossessive(String word) {
    return word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
  }

  /** Longer words are more specific, but only coarsely: 3–5, 6–8, 9+ letters. */
  private static int lengthBucket(String word) {
    return Math.min(word.length(), 9) / 3;
  }
}
