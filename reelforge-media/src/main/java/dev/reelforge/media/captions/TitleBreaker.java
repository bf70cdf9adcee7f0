package dev.reelforge.media.captions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Breaks a title's words into lines as a designer would: every way of breaking is weighed (a title
 * has few words), each line must fit the width, no line is a lone word when there are three or
 * more, and among those the breaks at phrase boundaries ({@link Phrasing}) and lines of even width
 * win.
 */
public final class TitleBreaker {

  /** How much an uneven line costs: its shortfall from the longest line, squared, times this. */
  static final double RAGGEDNESS = 4;

  /** Each line past the first: fewer lines read faster when nothing else differs. */
  static final double PER_EXTRA_LINE = 0.6;

  /** Lines in which the last is wider than this fraction of the first read as top-light. */
  private static final double TOP_LIGHT_RATIO = 1.25;

  private TitleBreaker() {}

  /**
   * The best lines for {@code words}.
   *
   * @param join how the words of one line are joined into its text (spaces, or none in Chinese)
   * @param width the width of a line's text
   * @return the lines and their cost, or empty when no breaking fits in {@code maxLines}
   */
  public static Optional<Broken> best(
      List<String> words,
      java.util.function.Function<List<String>, String> join,
      ToDoubleFunction<String> width,
      double maxWidth,
      int maxLines) {
    int n = words.size();
    if (n == 0 || maxLines < 1) {
      return Optional.empty();
    }
    // widths[i][j]: the width of words i..j-1 on one line, or infinity when they do not fit.
    double[][] widths = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j <= n; j++) {
        double w = width.applyAsDouble(join.apply(words.subList(i, j)));
        widths[i][j] = w <= maxWidth ? w : Double.POSITIVE_INFINITY;
        if (w > maxWidth) {
          for (int k = j + 1; k <= n; k++) {
            widths[i][k] = Double.POSITIVE_INFINITY;
          }
          break;
        }
      }
    }
    Search search = new Search(words, widths, maxWidth, maxLines);
    search.from(0, new ArrayList<>(), 0);
    if (search.bestEnds == null) {
      return Optional.empty();
    }
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int end : search.bestEnds) {
      lines.add(join.apply(words.subList(start, end)));
      start = end;
    }
    return Optional.of(new Broken(lines, search.bestCost));
  }

  /**
   * @param lines the text of each line
   * @param cost how badly it reads: the sum of its breaks' costs, unevenness and extra lines
   */
  public record Broken(List<String> lines, double cost) {
    public Broken {
      lines = List.copyOf(lines);
    }
  }

  /** A depth-first walk over every breaking, keeping the cheapest. */
  private static final class Search {
    private final List<String> words;
    private final double[][] widths;
    private final double maxWidth;
    private final int maxLines;
    private List<Integer> bestEnds;
    private double bestCost = Double.POSITIVE_INFINITY;

    Search(List<String> words, double[][] widths, double maxWidth, int maxLines) {
      this.words = words;
      this.widths = widths;
      this.maxWidth = maxWidth;
      this.maxLines = maxLines;
    }

    void from(int start, List<Integer> ends, double breakCost) {
      int n = words.size();
      if (breakCost >= bestCost) {
        return;
      }
      if (start == n) {
        consider(ends, breakCost);
        return;
      }
      if (ends.size() == maxLines) {
        return;
      }
      for (int end = start + 1; end <= n; end++) {
        if (Double.isInfinite(widths[start][end])) {
          break;
        }
        // A lone word on a line of a longer title reads as a leftover.
        if (end - start == 1 && n >= 3) {
          continue;
        }
        double cost =
            end == n ? 0 : Phrasing.breakCost(words.get(end - 1), words.get(end)) + PER_EXTRA_LINE;
        if (Double.isInfinite(cost)) {
          continue;
        }
        ends.add(end);
        from(end, ends, breakCost + cost);
        ends.removeLast();
      }
    }

    private void consider(List<Integer> ends, double breakCost) {
      double longest = 0;
      int start = 0;
      List<Double> lineWidths = new ArrayList<>();
      for (int end : ends) {
        double w = widths[start][end];
        lineWidths.add(w);
        longest = Math.max(longest, w);
        start = end;
      }
      double ragged = 0;
      for (double w : lineWidths) {
        double shortfall = (longest - w) / maxWidth;
        ragged += shortfall * shortfall * RAGGEDNESS;
      }
      // A short first line over a long last one looks like an afterthought on top.
      if (lineWidths.size() > 1 && lineWidths.getLast() > lineWidths.getFirst() * TOP_LIGHT_RATIO) {
        ragged += 1;
      }
      double cost = breakCost + ragged;
      if (cost < bestCost) {
        bestCost = cost;
        bestEnds = List.copyOf(ends);
      }
    }
  }
}
