package dev.reelforge.media.captions;

import java.util.ArrayList;
import java.util.List;

/**
 * A title as it will be drawn: the words shown (the whole title, or its opening up to a phrase
 * boundary when the whole does not fit) in lines stacked from the top of a block. Either every line
 * takes one size, or the title is set as a headline and a smaller kicker under it (in the accent
 * colour); a line is never larger than the one above it.
 *
 * @param text the words shown, as written
 * @param lines the lines, top to bottom
 */
public record TitleLayout(String text, List<Line> lines) {

  /** More lines than this stop reading as a title. */
  public static final int MAX_LINES = 4;

  public TitleLayout {
    lines = List.copyOf(lines);
  }

  /**
   * One line.
   *
   * @param text as written (the painter sets it in capitals)
   * @param width the width of its text as drawn, outline not included
   * @param metrics its size and spacing
   * @param accent whether it is drawn in the accent colour (a kicker)
   * @param baseline from the top of the block
   */
  public record Line(
      String text, double width, TitleMetrics metrics, boolean accent, double baseline) {}

  /**
   * A group of lines at one size: a whole title, a headline or a kicker.
   *
   * @param lines the text of each line
   * @param widths the width of each line's text
   * @param cost how well its lines break ({@link TitleBreaker.Broken#cost()})
   */
  record Tier(
      List<String> lines, List<Double> widths, TitleMetrics metrics, boolean accent, double cost) {}

  /** Stacks tiers: below each line, the same space its own tier leaves between its lines. */
  static TitleLayout stack(String text, List<Tier> tiers) {
    List<Line> lines = new ArrayList<>();
    double baseline = 0;
    TitleMetrics previous = null;
    for (Tier tier : tiers) {
      TitleMetrics m = tier.metrics();
      for (int i = 0; i < tier.lines().size(); i++) {
        baseline =
            previous == null
                ? m.outline() + m.ascent()
                : baseline + (previous.pitch() - previous.ascent()) + m.ascent();
        lines.add(new Line(tier.lines().get(i), tier.widths().get(i), m, tier.accent(), baseline));
        previous = m;
      }
    }
    return new TitleLayout(text, lines);
  }

  /** The size of the first (largest) line. */
  public float size() {
    return lines.isEmpty() ? 0 : lines.getFirst().metrics().size();
  }

  /** Whether the title is set as a headline with a smaller kicker. */
  public boolean tiered() {
    return lines.stream().anyMatch(Line::accent);
  }

  /** The width of the widest line, outline included. */
  public double width() {
    return lines.stream().mapToDouble(l -> l.width() + 2 * l.metrics().outline()).max().orElse(0);
  }

  /** The height of the block, outline included. */
  public double height() {
    if (lines.isEmpty()) {
      return 0;
    }
    Line last = lines.getLast();
    return last.baseline() + last.metrics().descent() + last.metrics().outline();
  }
}
