package dev.reelforge.core.ingest;

import java.util.List;
import java.util.Objects;

/**
 * A text made speakable: what a script writer may narrate, with what was left out of it.
 *
 * @param text paragraphs separated by blank lines; each heading kept as a sentence and each list
 *     item is a paragraph of its own, ending with a full stop
 * @param format what the input was written in
 * @param leftOut what was not narrated, in words a user understands, e.g. {@code "a code block (6
 *     lines)"}, {@code "a table (3 rows)"}; empty when nothing was
 */
public record Prose(String text, TextFormat format, List<String> leftOut) {

  public Prose {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(format, "format");
    leftOut = List.copyOf(leftOut);
  }

  /** Whether anything is left to narrate. */
  public boolean isEmpty() {
    return text.isBlank();
  }

  /**
   * The sentence that tells the user what was left out, e.g. {@code "Left out of the narration: a
   * code block (6 lines), a table (3 rows)."}; empty when nothing was.
   */
  public String notice() {
    return leftOut.isEmpty()
        ? ""
        : "Left out of the narration: " + String.join(", ", leftOut) + ".";
  }
}
