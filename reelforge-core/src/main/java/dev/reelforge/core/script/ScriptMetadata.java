package dev.reelforge.core.script;

import dev.reelforge.core.ingest.Sentences;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Title, description and hashtags derived from beats, for writers that do not write their own. */
public final class ScriptMetadata {

  /** YouTube's title limit; the strictest of the platforms. */
  public static final int MAX_TITLE_CHARS = 100;

  /** Kept short so that it reads whole on every platform. */
  public static final int MAX_DESCRIPTION_CHARS = 500;

  /** More tags than this reads as spam on short-video platforms. */
  public static final int MAX_HASHTAGS = 5;

  private ScriptMetadata() {}

  /**
   * A title from the hook: its first sentence (split as {@link Sentences} splits, so that "The U.S.
   * Federal Reserve…" is not cut after "U.S."), cut at a word boundary, without a final full stop
   * (or the colon, semicolon or comma a clause cut from a long sentence ends with).
   */
  public static String title(String hook) {
    List<String> sentences = Sentences.split(hook);
    String sentence = sentences.isEmpty() ? hook.strip() : sentences.getFirst();
    // A full stop, or the colon or comma of a clause cut from a long sentence, does not end a
    // title;
    // an ellipsis, a question, an exclamation or an abbreviation ("10 a.m.") keeps its mark.
    boolean keepsMark = sentence.endsWith("...") || sentence.matches("(?s).*\\b(?:\\p{L}\\.){2,}$");
    String title = keepsMark ? sentence : sentence.replaceFirst("(?<=\\S)[.:;,]$", "");
    return phrase(title, MAX_TITLE_CHARS);
  }

  /** A clause boundary: a comma, colon, semicolon or dash, but not the comma in "July 20, 1969". */
  private static final Pattern CLAUSE_END = Pattern.compile("\\s*(?:[,;:]|\\s[—–-])(?=\\s+\\D)");

  /** Words a phrase starts with: cutting just before one leaves whole phrases. */
  private static final Pattern PHRASE_START =
      Pattern.compile(
          "\\s+(?=(?:with|and|after|before|while|because|from|for|to|in|on|at|by|of|that|which|who"
              + "|but|or|as|than|into|over|under|during|until|since)\\s)");

  /**
   * {@code text} when it fits in {@code max} characters, else its longest leading part that ends
   * where a phrase does — a clause ("…the hottest on record", not "…killed more people than any…"),
   * or failing a long enough clause, just before a preposition or conjunction — so a title reads as
   * the author's words without a cut-off mid-phrase; an ellipsis only when the text has neither.
   */
  static String phrase(String text, int max) {
    String stripped = text.strip();
    if (stripped.length() <= max) {
      return stripped;
    }
    int clause = lastEnd(CLAUSE_END, stripped, max);
    if (clause >= max * 2 / 5) {
      return stripped.substring(0, clause).strip();
    }
    int phrase = lastEnd(PHRASE_START, stripped, max);
    if (phrase >= max * 3 / 10) {
      return stripped.substring(0, phrase).strip().replaceFirst("[,;:]$", "");
    }
    return cut(stripped, max);
  }

  /** Where the last match of {@code boundary} starting at or before {@code max} starts, or -1. */
  private static int lastEnd(Pattern boundary, String text, int max) {
    Matcher m = boundary.matcher(text);
    int best = -1;
    while (m.find() && m.start() <= max) {
      best = m.start();
    }
    return best;
  }

  /** A description: the beats after the hook, joined, then the hashtags. */
  public static String description(List<Beat> beats, List<String> hashtags) {
    String tags =
        hashtags.isEmpty()
            ? ""
            : "\n\n" + String.join(" ", hashtags.stream().map(tag -> "#" + tag).toList());
    String body =
        String.join(" ", beats.stream().skip(beats.size() > 1 ? 1 : 0).map(Beat::text).toList());
    return cut(body, MAX_DESCRIPTION_CHARS - tags.length()) + tags;
  }

  /** Hashtags from the beats' keywords, most frequent first, letters and digits only. */
  public static List<String> hashtags(List<Beat> beats) {
    List<String> all = new ArrayList<>();
    beats.forEach(beat -> all.addAll(beat.keywords()));
    String joined = String.join(" ", all);
    Set<String> tags = new LinkedHashSet<>();
    for (String word : Keywords.of(joined, MAX_HASHTAGS * 2)) {
      String tag = word.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
      if (tag.length() >= 3) {
        tags.add(tag);
      }
      if (tags.size() == MAX_HASHTAGS) {
        break;
      }
    }
    return List.copyOf(tags);
  }

  /** {@code text} cut to at most {@code max} characters at a word boundary, with an ellipsis. */
  public static String cut(String text, int max) {
    String stripped = text.strip();
    if (stripped.length() <= max) {
      return stripped;
    }
    int space = stripped.lastIndexOf(' ', max - 1);
    return stripped.substring(0, space > max / 2 ? space : max - 1).strip() + "…";
  }
}
