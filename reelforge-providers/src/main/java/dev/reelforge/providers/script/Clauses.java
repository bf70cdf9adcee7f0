package dev.reelforge.providers.script;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence too long for one beat, cut into clauses that each fit. Every clause is an exact piece
 * of the sentence, its punctuation the author's: nothing is inserted, capitalised or re-punctuated,
 * so a beat cut after a semicolon ends with that semicolon and the next begins in lower case ("…a
 * quarter of all marine species;" / "they also protect coastlines…"). Captions, subtitles and the
 * manifest then show only what the author wrote; the next clause is marked as depending on the one
 * before, so the script writer keeps them together.
 *
 * <p>Cuts are tried from the strongest boundary down: after a semicolon, a colon or a dash; then
 * after a comma before a conjunction ("…floor, but they…"); then after any comma; and only when a
 * run of words has none of these, at the last space that fits.
 */
final class Clauses {

  private static final List<Pattern> BOUNDARIES =
      List.of(
          Pattern.compile("[;:—–]\\s+"),
          Pattern.compile(
              ",\\s+(?=(?:but|and|so|yet|or|while|which|because|although|though|whereas|where"
                  + "|when)\\s)"),
          Pattern.compile(",\\s+"),
          Pattern.compile("\\s+"));

  private Clauses() {}

  /** {@code sentence} itself when it fits, else its clauses in order; empty when it is blank. */
  static List<String> fit(String sentence, int maxChars) {
    String text = sentence.strip();
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    cut(text, maxChars, 0, parts);
    return parts;
  }

  private static void cut(String text, int maxChars, int level, List<String> into) {
    if (text.length() <= maxChars || level == BOUNDARIES.size()) {
      into.add(level == BOUNDARIES.size() ? hardCut(text, maxChars, into) : text);
      return;
    }
    List<Integer> starts = new ArrayList<>();
    Matcher m = BOUNDARIES.get(level).matcher(text);
    while (m.find()) {
      if (m.end() < text.length()) {
        starts.add(m.end());
      }
    }
    starts.add(text.length());
    int from = 0;
    int fits = -1;
    for (int i = 0; i < starts.size(); i++) {
      int end = starts.get(i);
      if (text.substring(from, end).strip().length() <= maxChars) {
        fits = end;
        continue;
      }
      if (fits > from) {
        into.add(text.substring(from, fits).strip());
        from = fits;
        i--; // the same boundary again, measured from the new start
      } else {
        // Nothing at this level fits from here: cut this stretch at a weaker boundary.
        cut(text.substring(from, end).strip(), maxChars, level + 1, into);
        from = end;
      }
      fits = -1;
    }
    if (from < text.length()) {
      String rest = text.substring(from).strip();
      if (rest.length() <= maxChars) {
        into.add(rest);
      } else {
        cut(rest, maxChars, level + 1, into);
      }
    }
  }

  /** A single word longer than a beat: cut anywhere, as nothing better exists. */
  private static String hardCut(String text, int maxChars, List<String> into) {
    String rest = text;
    while (rest.length() > maxChars) {
      into.add(rest.substring(0, maxChars));
      rest = rest.substring(maxChars);
    }
    return rest;
  }
}
