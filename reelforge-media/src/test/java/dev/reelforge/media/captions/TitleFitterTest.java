package dev.reelforge.media.captions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Titles fitted with the real title face into boxes shaped like the presets' hook boxes. */
class TitleFitterTest {

  private static final TitleFitter FITTER = new TitleFitter(FontLibrary.shared());

  /** Vertical (TikTok's safe width), square and 16:9 hook boxes, as TitleBoxes makes them. */
  private static final List<TitleFitter.Box> BOXES =
      List.of(
          new TitleFitter.Box(880, 460, 130, 70),
          new TitleFitter.Box(960, 302, 130, 70),
          new TitleFitter.Box(1720, 324, 130, 70),
          new TitleFitter.Box(880, 650, 162, 70));

  static final List<String> HOOKS =
      List.of(
          "The Moon is drifting away from Earth by about 3.8 centimetres every year",
          "Octopuses have three hearts",
          "The cause is the tide: Earth's oceans bulge toward the Moon, and because Earth spins"
              + " faster than the Moon orbits, that…",
          "In 2010, scientists found that the deepest part of the ocean is 10,994 m below the"
              + " surface, deeper than Everest is tall",
          "Is the Moon really leaving us? Here is the surprising answer",
          "Hundreds of millions of years ago a day lasted only about twenty-two hours",
          "Why the tide rises",
          "Black holes",
          "Pneumonoultramicroscopicsilicovolcanoconiosis");

  @Test
  void everyHookFitsItsBoxWithoutEllipsisAndNoLineLargerThanTheOneAbove() {
    for (TitleFitter.Box box : BOXES) {
      for (String hook : HOOKS) {
        TitleLayout layout = FITTER.fit(hook, box);
        String where = box + " " + hook;
        assertThat(layout.lines()).as(where).isNotEmpty().hasSizeLessThanOrEqualTo(4);
        assertThat(layout.text()).as(where).doesNotContain("…").doesNotContain("...");
        assertThat(layout.height()).as(where).isLessThanOrEqualTo(box.maxHeight());
        float previous = Float.MAX_VALUE;
        for (TitleLayout.Line line : layout.lines()) {
          double drawn = line.width() + 2 * line.metrics().outline();
          assertThat(drawn).as(where + " / " + line.text()).isLessThanOrEqualTo(box.maxWidth());
          assertThat(line.metrics().size()).as(where).isLessThanOrEqualTo(previous);
          previous = line.metrics().size();
        }
        // One size for all, or a headline and a kicker: lines of a tier share a size.
        assertThat(layout.lines().stream().map(l -> l.metrics().size()).distinct().count())
            .as(where)
            .isLessThanOrEqualTo(2);
        assertThat(layout.tiered())
            .as(where)
            .isEqualTo(
                layout.lines().stream().map(l -> l.metrics().size()).distinct().count() == 2);
      }
    }
  }

  @Test
  void whatIsShownIsTheTitleOrItsOpeningUpToAPhraseBoundary() {
    for (TitleFitter.Box box : BOXES) {
      for (String hook : HOOKS) {
        TitleLayout layout = FITTER.fit(hook, box);
        List<String> title = words(hook.replace("…", ""));
        List<String> shown = words(layout.text());
        String where = box + " " + hook + " -> " + layout.text();
        assertThat(title.subList(0, shown.size())).as(where).isEqualTo(shown);
        assertThat(String.join(" ", layout.lines().stream().map(TitleLayout.Line::text).toList()))
            .as(where)
            .isEqualTo(layout.text());
        if (shown.size() < title.size()) {
          List<String> raw = Phrasing.words(hook.replace("…", ""));
          int end = shown.size();
          assertThat(Phrasing.breakCost(raw.get(end - 1), raw.get(end)))
              .as(where)
              .isLessThan(Phrasing.AFTER_FUNCTION_WORD);
        }
      }
    }
  }

  @Test
  void aCutTitleShowsAWholeClauseAndALongOneAtMostFourteenWords() {
    TitleFitter.Box vertical = BOXES.getFirst();
    assertThat(FITTER.fit(HOOKS.get(2), vertical).text())
        .isEqualTo("The cause is the tide: Earth's oceans bulge toward the Moon");
    TitleLayout deep = FITTER.fit(HOOKS.get(3), vertical);
    assertThat(words(deep.text())).hasSizeLessThanOrEqualTo(TitleFitter.MAX_WORDS);
    assertThat(deep.text())
        .isEqualTo("In 2010, scientists found that the deepest part of the ocean is 10,994 m");
    // Two sentences: the first one, whole, rather than the second's opening.
    assertThat(FITTER.fit(HOOKS.get(4), new TitleFitter.Box(880, 160, 130, 70)).text())
        .isEqualTo("Is the Moon really leaving us?");
  }

  @Test
  void theReadmeHookKeepsItsNumberAndNeverEndsALineOnAPreposition() {
    for (TitleFitter.Box box : BOXES) {
      TitleLayout layout = FITTER.fit(HOOKS.getFirst(), box);
      assertThat(layout.text()).isEqualTo(HOOKS.getFirst());
      assertThat(layout.lines())
          .as(box.toString())
          .anySatisfy(l -> assertThat(l.text()).contains("3.8 centimetres"))
          .allSatisfy(
              l ->
                  assertThat(l.text().toLowerCase(Locale.ROOT))
                      .doesNotEndWith(" by")
                      .doesNotEndWith(" about")
                      .doesNotEndWith(" the"));
    }
    // In 16:9 the first line is the larger: a headline over its kicker, never the reverse.
    TitleLayout wide = FITTER.fit(HOOKS.getFirst(), BOXES.get(2));
    assertThat(wide.lines().getFirst().metrics().size())
        .isGreaterThanOrEqualTo(wide.lines().getLast().metrics().size());
  }

  @Test
  void aShortHookIsSetLarge() {
    TitleLayout layout = FITTER.fit("Black holes", BOXES.getFirst());
    assertThat(layout.lines()).hasSize(1);
    assertThat(layout.size()).isEqualTo(130f);
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.strip().split("\\s+"))
        .map(w -> w.replaceAll("[.,:;!?]+$", ""))
        .filter(w -> !w.isEmpty())
        .toList();
  }
}
