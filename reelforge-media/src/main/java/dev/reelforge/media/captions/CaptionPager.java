package dev.reelforge.media.captions;

import dev.reelforge.core.timeline.CaptionWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Groups word-timed captions into pages of at most two lines that fit a width. A page also ends at
 * the end of a sentence and at a pause, so that a caption never runs ahead of the voice into the
 * next thought.
 */
public final class CaptionPager {

  /** Lines per page. Three lines cover too much of the picture on a phone. */
  public static final int MAX_LINES = 2;

  /** A silence this long between words starts a new page. */
  public static final long PAUSE_MILLIS = 600;

  /** How long a page stays up after its last word when nothing follows at once. */
  public static final long HOLD_MILLIS = 500;

  /** Short-form captions read best in small bites even when the width would allow more. */
  public static final int MAX_WORDS_PER_LINE = 4;

  private final CaptionTypesetter typesetter;
  private final boolean uppercase;
  private final double maxWidth;

  public CaptionPager(CaptionTypesetter typesetter, boolean uppercase, double maxWidth) {
    this.typesetter = typesetter;
    this.uppercase = uppercase;
    this.maxWidth = maxWidth;
  }

  public List<CaptionPage> paginate(List<CaptionWord> words) {
    return paginate(words, Set.of());
  }

  /**
   * Pages as {@link #paginate(List)} makes them, with a new page also at each word of {@code
   * pageStarts} (where the render starts or stops showing captions).
   */
  public List<CaptionPage> paginate(List<CaptionWord> words, Set<Integer> pageStarts) {
    List<List<List<Integer>>> pages = new ArrayList<>();
    List<List<Integer>> page = new ArrayList<>();
    List<Integer> line = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      boolean newPage = i > 0 && (pageStarts.contains(i) || startsNewPage(words, i));
      if (!line.isEmpty() && (newPage || !fits(words, line, i))) {
        page.add(line);
        line = new ArrayList<>();
        if (newPage || page.size() == MAX_LINES) {
          pages.add(page);
          page = new ArrayList<>();
        }
      }
      line.add(i);
    }
    if (!line.isEmpty()) {
      page.add(line);
    }
    if (!page.isEmpty()) {
      pages.add(page);
    }
    return timed(pages, words);
  }

  private boolean startsNewPage(List<CaptionWord> words, int i) {
    CaptionWord previous = words.get(i - 1);
    String text = previous.text().strip();
    boolean sentenceEnd = !text.isEmpty() && ".!?。！？؟".indexOf(text.charAt(text.length() - 1)) >= 0;
    return sentenceEnd || words.get(i).startMillis() - previous.endMillis() >= PAUSE_MILLIS;
  }

  private boolean fits(List<CaptionWord> words, List<Integer> line, int candidate) {
    if (line.size() >= MAX_WORDS_PER_LINE) {
      return false;
    }
    List<Integer> extended = new ArrayList<>(line);
    extended.add(candidate);
    return typesetter.width(line(words, extended).text()) <= maxWidth;
  }

  private CaptionLine line(List<CaptionWord> words, List<Integer> indexes) {
    return CaptionLine.of(
        indexes.stream().map(i -> words.get(i).text()).toList(), indexes, uppercase);
  }

  private List<CaptionPage> timed(List<List<List<Integer>>> pages, List<CaptionWord> words) {
    List<CaptionPage> timed = new ArrayList<>();
    for (int p = 0; p < pages.size(); p++) {
      List<CaptionLine> lines = pages.get(p).stream().map(l -> line(words, l)).toList();
      int first = lines.getFirst().wordIndexes().getFirst();
      int last = lines.getLast().wordIndexes().getLast();
      long start = words.get(first).startMillis();
      long end = words.get(last).endMillis() + HOLD_MILLIS;
      if (p + 1 < pages.size()) {
        long nextStart = words.get(pages.get(p + 1).getFirst().getFirst()).startMillis();
        end = Math.min(end, nextStart);
      }
      timed.add(new CaptionPage(lines, start, Math.max(end, words.get(last).endMillis())));
    }
    return timed;
  }
}
