package dev.reelforge.providers.script;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Long sentences cut at clause boundaries (semicolon, colon, dash, or a comma before a conjunction)
 * so that each part fits a beat; the parts are capitalised and end with a full stop, otherwise they
 * are the text's own words.
 */
final class Clauses {

  private static final Pattern BOUNDARY =
      Pattern.compile("(?<=;|:|—|–)\\s+|,\\s+(?=(?:but|and|so|while|which|because|although)\\s)");

  private Clauses() {}

  /** {@code sentence} itself when it fits, else its clauses; empty when it is blank. */
  static List<String> fit(String sentence, int maxChars) {
    if (sentence.isBlank()) {
      return List.of();
    }
    if (sentence.length() <= maxChars) {
      return List.of(sentence);
    }
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String piece : BOUNDARY.split(sentence)) {
      String trimmed = piece.strip();
      if (!current.isEmpty() && current.length() + 1 + trimmed.length() > maxChars) {
        parts.add(tidy(current.toString()));
        current.setLength(0);
      }
      if (!current.isEmpty()) {
        current.append(", ");
      }
      current.append(trimmed);
    }
    if (!current.isEmpty()) {
      parts.add(tidy(current.toString()));
    }
    return parts;
  }

  private static String tidy(String clause) {
    String stripped = clause.strip().replaceAll("[;:,—–]+$", "").strip();
    if (stripped.isEmpty()) {
      return stripped;
    }
    String capitalised = Character.toUpperCase(stripped.charAt(0)) + stripped.substring(1);
    return capitalised.matches("(?s).*[.!?\"”)]$") ? capitalised : capitalised + ".";
  }
}
