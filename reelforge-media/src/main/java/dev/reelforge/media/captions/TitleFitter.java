package dev.reelforge.media.captions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Fits a title into a box. Two designs compete, each over every size in the box's range:
 *
 * <ul>
 *   <li>every line at one size, broken by {@link TitleBreaker};
 *   <li>a headline and a kicker: the title split at a phrase boundary, its opening large (at most
 *       two lines) and the rest under it at about half the size, in the accent colour — how a
 *       designer sets a long hook that would otherwise shrink to a paragraph.
 * </ul>
 *
 * Each costs what its breaks cost plus how far it shrank from the largest size; the cheapest wins,
 * so a slightly smaller title that breaks between phrases beats a larger one that leaves "BY"
 * hanging. A title that cannot fit even at the smallest size, or that has more than {@link
 * #MAX_WORDS} words, is shortened to its longest opening that ends at a phrase boundary (its first
 * sentence or clause): never cut mid-phrase and never given an ellipsis. A title that arrives
 * already cut (ending in "…") is treated the same way.
 */
public final class TitleFitter {

  /** What shrinking from the largest size to nothing would cost, in break-cost units. */
  static final double SIZE_WEIGHT = 12;

  /** What a headline and kicker cost over one size: chosen only when one size would be small. */
  static final double TIERED = 1.5;

  /** A kicker's size as a fraction of its headline's, largest first. */
  private static final double[] KICKER_RATIOS = {0.6, 0.55, 0.5};

  /** A kicker is never smaller than this fraction of the box's smallest size. */
  private static final double KICKER_SMALLEST = 0.7;

  /** A headline says something: "In 2010," is not one. */
  private static final int MIN_HEADLINE_WORDS = 3;

  /** Lines a headline or a kicker may take. */
  private static final int TIER_LINES = 2;

  /** Sizes tried, as steps of this fraction of the largest. */
  private static final double SIZE_STEP = 0.02;

  /** A title is shortened to fewer words than this only when nothing longer fits. */
  private static final int MIN_SHORTENED_WORDS = 2;

  /** A clause this long stands as a title on its own ("In 2010," does not). */
  private static final int MIN_CLAUSE_WORDS = 4;

  /**
   * The most words a title shows: about what a viewer reads in the four seconds a hook is up. A
   * longer title is shortened at a phrase boundary, as one too wide for its box is.
   */
  public static final int MAX_WORDS = 14;

  private static final String ELLIPSIS = "…";

  private final FontLibrary fonts;

  /** Titles are set in capitals in the library's title face ({@link FontLibrary#title()}). */
  public TitleFitter(FontLibrary fonts) {
    this.fonts = fonts;
  }

  /**
   * @param maxWidth the widest a line may be, outline included
   * @param maxHeight the tallest the block of lines may be, outline included
   * @param largest the largest font size, in pixels
   * @param smallest the smallest font size, in pixels (a kicker may go somewhat below it)
   */
  public record Box(double maxWidth, double maxHeight, float largest, float smallest) {
    public Box {
      if (smallest <= 0 || largest < smallest) {
        throw new IllegalArgumentException("0 < smallest <= largest is needed");
      }
    }

    /** The same box, {@code by} pixels narrower. */
    public Box narrowed(double by) {
      return new Box(maxWidth - by, maxHeight, largest, smallest);
    }
  }

  /** The title laid out in {@code box}; see the class comment for what is shown. */
  public TitleLayout fit(String title, Box box) {
    String text = title.strip();
    boolean cut = text.endsWith(ELLIPSIS);
    if (cut) {
      text = text.substring(0, text.length() - ELLIPSIS.length()).strip();
    }
    List<String> words = Phrasing.words(text);
    if (words.isEmpty()) {
      return new TitleLayout("", List.of());
    }
    Fitting fitting = new Fitting(box);
    boolean tooLong = words.size() > MAX_WORDS;
    if (!cut && !tooLong) {
      Optional<Candidate> whole = fitting.best(words);
      if (whole.isPresent()) {
        return whole.get().layout();
      }
    }
    int longest = tooLong ? MAX_WORDS : words.size() - 1;
    for (int end : phraseEnds(words, longest)) {
      Optional<Candidate> shorter = fitting.best(words.subList(0, end));
      if (shorter.isPresent()) {
        return shorter.get().layout();
      }
    }
    return fitting.squeezed(words);
  }

  /**
   * Where a title shortened to at most {@code longest} words may end, best first, each kind longest
   * first: after a whole sentence; after a clause of a few words; before a new phrase; after a
   * shorter clause. Failing all, any word that does not need the next.
   */
  private static List<Integer> phraseEnds(List<String> words, int longest) {
    List<Integer> sentences = new ArrayList<>();
    List<Integer> clauses = new ArrayList<>();
    List<Integer> phrases = new ArrayList<>();
    List<Integer> shortClauses = new ArrayList<>();
    List<Integer> others = new ArrayList<>();
    for (int end = Math.min(longest, words.size() - 1); end >= 1; end--) {
      double cost = Phrasing.breakCost(words.get(end - 1), words.get(end));
      if (end < MIN_SHORTENED_WORDS) {
        others.add(end);
      } else if (cost <= Phrasing.AFTER_SENTENCE) {
        sentences.add(end);
      } else if (cost <= Phrasing.AFTER_CLAUSE) {
        (end >= MIN_CLAUSE_WORDS ? clauses : shortClauses).add(end);
      } else if (cost <= Phrasing.BEFORE_PHRASE) {
        phrases.add(end);
      } else if (cost < Phrasing.AFTER_FUNCTION_WORD) {
        others.add(end);
      }
    }
    List<Integer> ends = new ArrayList<>(sentences);
    ends.addAll(clauses);
    ends.addAll(phrases);
    ends.addAll(shortClauses);
    ends.addAll(others);
    return ends;
  }

  /** A layout and what it costs. */
  private record Candidate(TitleLayout layout, double cost) {}

  /** One fitting: the box, the reference measures and the widths measured so far. */
  private final class Fitting {
    private final Box box;
    private final TitleMetrics reference;
    private final Map<String, Double> widths = new HashMap<>();

    Fitting(Box box) {
      this.box = box;
      this.reference = TitleMetrics.of(typesetter(box.largest()), true);
    }

    /** The cheaper of the two designs for {@code words}, if either fits. */
    Optional<Candidate> best(List<String> words) {
      List<String> shown = new ArrayList<>(words);
      shown.set(shown.size() - 1, lastShown(shown.getLast(), words.size()));
      String text = join(shown);
      Optional<Candidate> single = single(shown, text);
      Optional<Candidate> tiered = tiered(shown, text);
      if (single.isEmpty()) {
        return tiered;
      }
      if (tiered.isEmpty()) {
        return single;
      }
      return Optional.of(tiered.get().cost() < single.get().cost() ? tiered.get() : single.get());
    }

    /** Every line at one size. */
    private Optional<Candidate> single(List<String> words, String text) {
      Candidate best = null;
      for (double scale : scales()) {
        double sizeCost = SIZE_WEIGHT * (1 - scale);
        if (best != null && sizeCost >= best.cost()) {
          break;
        }
        TitleMetrics metrics = reference.scaled(scale);
        int lines = Math.min(TitleLayout.MAX_LINES, linesIn(box.maxHeight(), metrics));
        Optional<TitleLayout.Tier> tier = tier(words, metrics, lines, false);
        if (tier.isPresent()) {
          double cost = tier.get().cost() + sizeCost;
          if (best == null || cost < best.cost()) {
            best = new Candidate(TitleLayout.stack(text, List.of(tier.get())), cost);
          }
        }
      }
      return Optional.ofNullable(best);
    }

    /** A headline of the opening words and a smaller kicker of the rest. */
    private Optional<Candidate> tiered(List<String> words, String text) {
      Candidate best = null;
      float kickerSmallest = (float) (box.smallest() * KICKER_SMALLEST);
      int shortestHead = Math.max(MIN_HEADLINE_WORDS, (words.size() + 2) / 3);
      for (int split = shortestHead; split <= words.size() - 2; split++) {
        double splitCost = Phrasing.breakCost(words.get(split - 1), words.get(split));
        if (splitCost > Phrasing.BEFORE_PHRASE) {
          continue;
        }
        List<String> head = words.subList(0, split);
        List<String> tail = words.subList(split, words.size());
        for (double scale : scales()) {
          double sizeCost = SIZE_WEIGHT * (1 - scale) + TIERED + splitCost;
          if (best != null && sizeCost >= best.cost()) {
            break;
          }
          TitleMetrics headMetrics = reference.scaled(scale);
          Optional<TitleLayout.Tier> headline = tier(head, headMetrics, TIER_LINES, false);
          if (headline.isEmpty()) {
            continue;
          }
          for (double ratio : KICKER_RATIOS) {
            TitleMetrics kickerMetrics = reference.scaled(scale * ratio);
            if (kickerMetrics.size() < kickerSmallest) {
              break;
            }
            Optional<TitleLayout.Tier> kicker = tier(tail, kickerMetrics, TIER_LINES, true);
            if (kicker.isEmpty()) {
              continue;
            }
            TitleLayout layout = TitleLayout.stack(text, List.of(headline.get(), kicker.get()));
            double kickerShrink = SIZE_WEIGHT / 2 * (1 - ratio / KICKER_RATIOS[0]);
            double cost = headline.get().cost() + kicker.get().cost() + sizeCost + kickerShrink;
            if (layout.height() <= box.maxHeight() && (best == null || cost < best.cost())) {
              best = new Candidate(layout, cost);
            }
          }
        }
      }
      return Optional.ofNullable(best);
    }

    /** The sizes tried, as fractions of the largest: in steps, down to exactly the smallest. */
    private double[] scales() {
      double last = box.smallest() / box.largest();
      int steps = (int) Math.ceil((1 - last) / SIZE_STEP);
      double[] scales = new double[steps + 1];
      for (int i = 0; i < steps; i++) {
        scales[i] = 1 - i * SIZE_STEP;
      }
      scales[steps] = last;
      return scales;
    }

    /** {@code words} broken into at most {@code maxLines} lines at {@code metrics}' size. */
    private Optional<TitleLayout.Tier> tier(
        List<String> words, TitleMetrics metrics, int maxLines, boolean accent) {
      double scale = metrics.size() / reference.size();
      return TitleBreaker.best(
              words,
              TitleFitter::join,
              line -> width(line) * scale,
              box.maxWidth() - 2 * metrics.outline(),
              maxLines)
          .map(
              broken ->
                  new TitleLayout.Tier(
                      broken.lines(),
                      broken.lines().stream().map(l -> width(l) * scale).toList(),
                      metrics,
                      accent,
                      broken.cost()));
    }

    /**
     * The last resort, for a title whose first phrase is too wide even at the smallest size (a very
     * long word): its first words one to a line, scaled down until the widest fits.
     */
    TitleLayout squeezed(List<String> words) {
      float smallest = box.smallest();
      double scale = smallest / reference.size();
      int count = Math.max(1, Math.min(TitleLayout.MAX_LINES, words.size()));
      List<String> shown = words.subList(0, count);
      double widest = shown.stream().mapToDouble(w -> width(w) * scale).max().orElse(1);
      TitleMetrics metrics = reference.scaled(scale);
      double fit = Math.min(1, (box.maxWidth() - 2 * metrics.outline()) / Math.max(1, widest));
      TitleMetrics fitted = reference.scaled(scale * fit);
      List<Double> lineWidths = shown.stream().map(w -> width(w) * scale * fit).toList();
      return TitleLayout.stack(
          join(shown), List.of(new TitleLayout.Tier(shown, lineWidths, fitted, false, 0)));
    }

    /** The width of a line's text at the reference (largest) size, in capitals. */
    private double width(String line) {
      return widths.computeIfAbsent(
          line, l -> reference.measure().width(l.toUpperCase(Locale.ROOT)));
    }
  }

  private static int linesIn(double height, TitleMetrics metrics) {
    return 1 + (int) Math.floor((height - metrics.height(1)) / metrics.pitch());
  }

  /**
   * The last word as shown: a shortened title does not end on a comma or a colon, and no title ends
   * on a lone full stop (a title is not a sentence); "?" and "!" are kept.
   */
  private static String lastShown(String last, int count) {
    String shown = Phrasing.withoutTrailingMarks(last);
    return shown.isEmpty() && count == 1 ? last : shown;
  }

  private static String join(List<String> words) {
    return CaptionLine.of(words, IntStream.range(0, words.size()).boxed().toList(), false).text();
  }

  CaptionTypesetter typesetter(float size) {
    return typesetter(fonts, size);
  }

  static CaptionTypesetter typesetter(FontLibrary fonts, float size) {
    return new CaptionTypesetter(fonts, fonts.title().deriveFont(size));
  }
}
