package dev.reelforge.media.captions;

import java.util.List;

/**
 * One to two lines of caption shown together, from when its first word is spoken until the next
 * page takes over (or a short hold after its last word).
 */
public record CaptionPage(List<CaptionLine> lines, long startMillis, long endMillis) {

  public CaptionPage {
    lines = List.copyOf(lines);
  }

  public int firstWord() {
    return lines.getFirst().wordIndexes().getFirst();
  }

  public int lastWord() {
    return lines.getLast().wordIndexes().getLast();
  }
}
