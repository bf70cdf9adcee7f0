package dev.reelforge.providers.brand;

import dev.reelforge.core.brand.SceneScript;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles a scene's cinematography prompt from labelled clauses ({@code Camera: …. Lighting: ….})
 * so that an edit can replace one clause and keep the rest, and keeps it within {@link
 * SceneScript#MAX_PROMPT_CHARS}: earlier directions are dropped first, then the description is
 * shortened.
 */
final class ScenePrompt {

  static final String CAMERA = "Camera: ";
  static final String LIGHTING = "Lighting: ";
  static final String DIRECTION = "Direction: ";
  static final String FEATURING = "Featuring ";
  static final String WITHOUT = "Without: ";
  static final int MAX_DIRECTION_CHARS = 200;

  private ScenePrompt() {}

  static String camera(String prompt, String camera) {
    return replaceClause(prompt, CAMERA, camera);
  }

  static String lighting(String prompt, String lighting) {
    return replaceClause(prompt, LIGHTING, lighting);
  }

  /** Replaces the {@code label} clause's text, or appends the clause when the prompt has none. */
  static String replaceClause(String prompt, String label, String text) {
    int start = prompt.indexOf(label);
    if (start < 0) {
      return join(prompt, label + text + ".");
    }
    int end = prompt.indexOf(". ", start);
    end = end < 0 ? (prompt.endsWith(".") ? prompt.length() - 1 : prompt.length()) : end;
    return prompt.substring(0, start + label.length()) + text + prompt.substring(end);
  }

  /**
   * Takes {@code thing} out: drops the clauses that feature it and names it in the {@code Without:}
   * clause, beside what was taken out before.
   */
  static String without(String prompt, String thing) {
    List<String> kept = new ArrayList<>();
    for (String clause : prompt.split("(?<=\\.) ")) {
      boolean features = clause.startsWith(FEATURING);
      if (!(features && clause.toLowerCase(java.util.Locale.ROOT).contains(thing))) {
        kept.add(clause);
      }
    }
    String out = String.join(" ", kept);
    int start = out.indexOf(WITHOUT);
    if (start < 0) {
      return join(out, WITHOUT + thing);
    }
    int end = out.indexOf(". ", start);
    String before = out.substring(start + WITHOUT.length(), end < 0 ? out.length() : end);
    before = before.endsWith(".") ? before.substring(0, before.length() - 1) : before;
    return replaceClause(out, WITHOUT, before + ", " + thing);
  }

  /** Appends a clause, separated by a space, ending with a full stop. */
  static String join(String prompt, String clause) {
    String base = prompt.strip();
    if (!base.isEmpty() && !base.endsWith(".")) {
      base += ".";
    }
    String tail = clause.strip();
    if (!tail.endsWith(".")) {
      tail += ".";
    }
    return base.isEmpty() ? tail : base + " " + tail;
  }

  static String direction(String feedback) {
    // One clause: sentence breaks inside the feedback become semicolons.
    String clean = feedback.replaceAll("\\s+", " ").strip().replace(". ", "; ");
    if (clean.length() > MAX_DIRECTION_CHARS) {
      clean = clean.substring(0, MAX_DIRECTION_CHARS - 1).strip() + "…";
    }
    while (clean.endsWith(".")) {
      clean = clean.substring(0, clean.length() - 1);
    }
    return DIRECTION + clean;
  }

  /** The prompt within the limit: oldest directions dropped first, then the text cut at a word. */
  static String fitted(String prompt) {
    String out = prompt;
    while (out.length() > SceneScript.MAX_PROMPT_CHARS) {
      int first = out.indexOf(DIRECTION);
      int last = out.lastIndexOf(DIRECTION);
      if (first < 0 || first == last) {
        break;
      }
      int end = out.indexOf(". ", first);
      out = out.substring(0, first) + out.substring(end + 2);
    }
    if (out.length() > SceneScript.MAX_PROMPT_CHARS) {
      int cut = out.lastIndexOf(' ', SceneScript.MAX_PROMPT_CHARS - 1);
      out = out.substring(0, cut < 0 ? SceneScript.MAX_PROMPT_CHARS - 1 : cut) + "…";
    }
    return out;
  }

  /** Splits comma-separated notes (lighting) into phrases. */
  static List<String> phrases(String notes) {
    List<String> out = new ArrayList<>();
    for (String part : notes.split(",")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }
}
