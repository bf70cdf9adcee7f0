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

  /** English function words and the fillers narration is full of (calls to action, "today"). */
  static final Set<String> STOP_WORDS =
      EnglishWords.functionWordsAnd(
          "it's",
          "let's",
          "makes",
          "never",
          "new",
          "often",
          "that's",
          "you're",
          "today",
          "here's",
          "what's",
          "don't",
          "can't",
          "won't",
          "isn't",
          "didn't",
          "there's",
          "take",
          "look",
          "use",
          "used",
          "using",
          "time",
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
      counts.merge(EnglishWords.stripPossessive(word), 1, Integer::sum);
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

  /** Longer words are more specific, but only coarsely: 3–5, 6–8, 9+ letters. */
  private static int lengthBucket(String word) {
    return Math.min(word.length(), 9) / 3;
  }
}
