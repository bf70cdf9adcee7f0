package dev.reelforge.media.captions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The line breaker on tricky hooks, measured in characters (every character one unit wide) so that
 * what is tested is where lines break, not the font.
 */
class TitleBreakerTest {

  private static final String MOON =
      "The Moon is drifting away from Earth by about 3.8 centimetres every year";

  @Test
  void theReadmeHookBreaksBetweenPhrasesNeverAfterByOrAboutNorInsideTheNumber() {
    // From 26 characters a line can hold "by about 3.8 centimetres" whole; narrower, something
    // has to give.
    for (int width = 26; width <= 40; width++) {
      List<String> lines = lines(MOON, width, 4);
      assertThat(lines).as("width %d", width).isNotEmpty();
      assertThat(String.join(" ", lines)).isEqualTo(MOON);
      for (String line : lines) {
        assertThat(line.length()).isLessThanOrEqualTo(width);
        assertThat(line).doesNotEndWith(" by").doesNotEndWith(" about").doesNotEndWith(" 3.8");
        assertThat(line).as("no orphan").contains(" ");
      }
    }
    // Two lines, split where the phrase "by about 3.8 centimetres every year" starts.
    assertThat(lines(MOON, 36, 3))
        .containsExactly(
            "The Moon is drifting away from Earth", "by about 3.8 centimetres every year");
  }

  @Test
  void aNumberStaysWithItsUnitEvenWhenThatCostsBalance() {
    String title = "Glaciers here lose 12 metres of ice every single year";
    for (int width = 14; width <= 30; width++) {
      for (String line : lines(title, width, 4)) {
        assertThat(line).as("width %d", width).doesNotEndWith("12").doesNotStartWith("metres");
      }
    }
    assertThat(Phrasing.breakCost("3.8", "cm")).isInfinite();
    assertThat(Phrasing.breakCost("10,994", "m")).isInfinite();
    assertThat(Phrasing.breakCost("twenty-two", "hours")).isInfinite();
    assertThat(Phrasing.breakCost("45", "%")).isInfinite();
    assertThat(Phrasing.breakCost("In 2010,", "scientists")).isLessThan(Phrasing.BETWEEN_WORDS);
  }

  @Test
  void aDateReadsAsOnePhrase() {
    assertThat(Phrasing.breakCost("On July", "20,")).isInfinite();
    assertThat(Phrasing.breakCost("On July 20,", "1969,")).isInfinite();
    assertThat(Phrasing.breakCost("Dec.", "14")).isInfinite();
    assertThat(Phrasing.phraseEnds("On July 20, 1969,", "at")).isTrue();
    String title = "On July 20, 1969, at 20:17 UTC";
    for (int width = 12; width <= 30; width++) {
      for (String line : lines(title, width, 4)) {
        assertThat(line).as("width %d", width).doesNotEndWith("July").doesNotEndWith("20,");
      }
    }
  }

  @Test
  void punctuationIsTheBestPlaceToBreak() {
    String title = "The cause is the tide: oceans bulge toward the Moon";
    assertThat(lines(title, 34, 2))
        .containsExactly("The cause is the tide:", "oceans bulge toward the Moon");
    assertThat(lines("It was not magic. It was the tide", 20, 2))
        .containsExactly("It was not magic.", "It was the tide");
  }

  @Test
  void aShortHookNeverLeavesOneWordAlone() {
    String title = "Octopuses have three hearts";
    for (int width = 15; width <= 26; width++) {
      Optional<TitleBreaker.Broken> broken = broken(title, width, 3);
      broken.ifPresent(
          b -> assertThat(b.lines()).allSatisfy(line -> assertThat(line).contains(" ")));
    }
    assertThat(lines(title, 16, 3)).containsExactly("Octopuses have", "three hearts");
    // Two words may sit one to a line: neither is left over.
    assertThat(lines("Black holes", 6, 2)).containsExactly("Black", "holes");
  }

  @Test
  void linesBalanceAndStartAtAPhraseRatherThanFillingGreedily() {
    // Greedy filling gives "Honeybees communicate distance through" / "waggle dances".
    assertThat(lines("Honeybees communicate distance through waggle dances", 40, 2))
        .containsExactly("Honeybees communicate distance", "through waggle dances");
  }

  @Test
  void nothingComesBackWhenTheTitleCannotFit() {
    assertThat(broken(MOON, 12, 4)).isEmpty();
    assertThat(broken("Incomprehensibilities", 10, 4)).isEmpty();
  }

  @Test
  void chineseBreaksBetweenCharactersWithoutSpaces() {
    List<String> words = Phrasing.words("月亮正在慢慢远离地球");
    assertThat(words).hasSize(10);
    List<String> lines =
        TitleBreaker.best(words, TitleBreakerTest::join, String::length, 6, 2)
            .orElseThrow()
            .lines();
    assertThat(String.join("", lines)).isEqualTo("月亮正在慢慢远离地球");
    assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l.length()).isBetween(2, 6));
  }

  @Test
  void loneMarksStayWithTheWordBeforeThem() {
    assertThat(Phrasing.words("Earth — and the Moon"))
        .containsExactly("Earth —", "and", "the", "Moon");
    assertThat(Phrasing.breakCost("Earth —", "and")).isEqualTo(Phrasing.AFTER_CLAUSE);
  }

  private static List<String> lines(String title, int width, int maxLines) {
    return broken(title, width, maxLines).map(TitleBreaker.Broken::lines).orElse(List.of());
  }

  private static Optional<TitleBreaker.Broken> broken(String title, int width, int maxLines) {
    return TitleBreaker.best(
        Phrasing.words(title), TitleBreakerTest::join, String::length, width, maxLines);
  }

  private static String join(List<String> words) {
    return CaptionLine.of(words, IntStream.range(0, words.size()).boxed().toList(), false).text();
  }
}
