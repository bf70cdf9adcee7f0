package dev.reelforge.media.captions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words of one caption line as they are shown, with where each word sits in the line's text (so
 * that the typesetter can colour or box a word whatever the script's direction).
 *
 * @param text the line as drawn
 * @param wordIndexes the timeline index of each word on the line
 * @param wordStarts where each word starts in {@code text}
 * @param wordEnds where each word ends in {@code text}
 */
public record CaptionLine(
    String text, List<Integer> wordIndexes, List<Integer> wordStarts, List<Integer> wordEnds) {

  public CaptionLine {
    wordIndexes = List.copyOf(wordIndexes);
    wordStarts = List.copyOf(wordStarts);
    wordEnds = List.copyOf(wordEnds);
  }

  /** Builds a line from words as spoken, applying the style's case. */
  public static CaptionLine of(List<String> words, List<Integer> indexes, boolean uppercase) {
    StringBuilder text = new StringBuilder();
    List<Integer> starts = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    String previous = null;
    for (String raw : words) {
      String word = uppercase ? capitals(raw.strip()) : raw.strip();
      if (previous != null) {
        text.append(separator(previous, word));
      }
      starts.add(text.length());
      text.append(word);
      ends.add(text.length());
      previous = word;
    }
    return new CaptionLine(text.toString(), indexes, starts, ends);
  }

  /**
   * A word (or a title's whole line) in the capitals of an upper-case style, except where capitals
   * would change what is written: a number and the short unit after it ("3.8 cm", "20th", "5 km/h"
   * — "CM" is not a centimetre) and a dotted abbreviation ("e.g.") keep the author's case.
   */
  static String capitals(String word) {
    String[] parts = word.split(" ", -1);
    StringBuilder out = new StringBuilder(word.length());
    boolean afterNumber = false;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      boolean asWritten =
          NUMBER_WITH_SUFFIX.matcher(part).matches()
              || DOTTED.matcher(part).matches()
              || (afterNumber && UNIT.matcher(part).matches());
      out.append(i == 0 ? "" : " ").append(asWritten ? part : part.toUpperCase(Locale.ROOT));
      // A unit follows a bare number ("3.8 cm"), not one that ends a clause ("1969, at").
      afterNumber = BARE_NUMBER.matcher(part).matches();
    }
    return out.toString();
  }

  /** A number, perhaps with a short suffix of its own: "3.8", "20th", "5km", "$5.99", "10%". */
  private static final Pattern NUMBER_WITH_SUFFIX =
      Pattern.compile(
          "\\p{P}*\\p{Sc}?[\\d.,:]*\\d[\\d.,:]*(?:\\p{L}{1,3}(?:/\\p{L}{1,2})?)?\\p{P}*");

  private static final Pattern BARE_NUMBER = Pattern.compile("\\p{Sc}?\\d[\\d.,]*\\d|\\p{Sc}?\\d");

  private static final Pattern DOTTED = Pattern.compile("\\p{Ps}?(?:\\p{Ll}\\.){2,}\\p{P}*");

  /** A unit symbol as written after a number: "cm", "km/h", "kB", "ms" (not "centimetres"). */
  private static final Pattern UNIT = Pattern.compile("\\p{L}{1,3}(?:/\\p{L}{1,2})?\\p{P}*");

  /** Chinese and Japanese are written without spaces between words; everything else gets one. */
  static String separator(String before, String after) {
    if (before.isEmpty() || after.isEmpty()) {
      return " ";
    }
    int last = before.codePointBefore(before.length());
    int first = after.codePointAt(0);
    return unspaced(last) && unspaced(first) ? "" : " ";
  }

  private static boolean unspaced(int codePoint) {
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || Character.getType(codePoint) == Character.OTHER_PUNCTUATION && codePoint > 0x2FFF;
  }

  public int size() {
    return wordIndexes.size();
  }
}
