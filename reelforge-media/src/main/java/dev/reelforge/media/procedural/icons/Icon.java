package dev.reelforge.media.procedural.icons;

import java.util.List;

/**
 * One icon of a set.
 *
 * @param name its name in the set, e.g. {@code moon}, {@code earth-americas}
 * @param label its display name, e.g. {@code Earth Americas}
 * @param codePoint the glyph's code point in the set's font
 * @param terms the set's search terms for it, lower case
 * @param categories the set's categories it belongs to, e.g. {@code astronomy}
 */
public record Icon(
    String name, String label, int codePoint, List<String> terms, List<String> categories) {

  public Icon {
    terms = List.copyOf(terms);
    categories = List.copyOf(categories);
  }
}
