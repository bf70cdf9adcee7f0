package dev.reelforge.clips.internal.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A clip's title in the creator's list: its opening sentence when that is a hook short enough to
 * read at a glance, else its strongest keywords, else its opening cut at a word. Never longer than
 * {@link #MAX_CHARS}, never starting on a filler ("so, um, and …").
 */
public final class Titles {

  public static final int MAX_CHARS = 60;

  private static final Set<String> LEADING_FILLER =
      Set.of("so", "and", "but", "well", "okay", "ok", "um", "uh", "like", "now", "yeah", "right");

  private Titles() {}

  public static String of(String firstSentence, boolean openingIsHook, List<String> keywords) {
    String opening = clean(firstSentence);
    if (openingIsHook && opening.length() <= MAX_CHARS && opening.split(" ").length >= 3) {
      return opening;
    }
    if (keywords.size() >= 2) {
      String joined = joinKeywords(keywords);
      if (joined.length() <= MAX_CHARS) {
        return joined;
      }
    }
    if (opening.length() <= MAX_CHARS) {
      return opening.isEmpty() ? "Untitled clip" : opening;
    }
    int cut = opening.lastIndexOf(' ', MAX_CHARS - 1);
    String head = opening.substring(0, cut > 0 ? cut : MAX_CHARS - 1);
    return stripTrailingMarks(head) + "…";
  }

  /** "battery", "charge", "heat" → "Battery, charge and heat". */
  static String joinKeywords(List<String> keywords) {
    List<String> top = keywords.subList(0, Math.min(3, keywords.size()));
    String joined =
        top.size() == 1
            ? top.get(0)
            : String.join(", ", top.subList(0, top.size() - 1)) + " and " + top.getLast();
    return capitalise(joined);
  }

  /** Single spaces, no leading filler words, no trailing full stop or comma, a capital first. */
  static String clean(String sentence) {
    String text = sentence.strip().replaceAll("\\s+", " ");
    while (!text.isEmpty()) {
      int space = text.indexOf(' ');
      if (space < 0) {
        break;
      }
      String first = Terms.normalise(text.substring(0, space));
      if (!LEADING_FILLER.contains(first)) {
        break;
      }
      text = text.substring(space + 1);
    }
    return capitalise(stripTrailingMarks(text));
  }

  private static String stripTrailingMarks(String text) {
    int end = text.length();
    while (end > 0 && ".,;:-– ".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return text.substring(0, end);
  }

  private static String capitalise(String text) {
    if (text.isEmpty()) {
      return text;
    }
    return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }
}
