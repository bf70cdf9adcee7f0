package dev.reelforge.media.procedural;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPhraseTest {

  @Test
  void theClauseWithTheMostKeywordsInTheAuthorsWords() {
    assertThat(
            KeyPhrase.of(
                "The cause is the tide: Earth's oceans bulge toward the Moon.",
                List.of("moon", "earth", "cause", "tide")))
        .isEqualTo("Earth's oceans bulge toward the Moon");
  }

  @Test
  void aLongClauseIsCutToTheWindowAroundItsKeywordsKeepingNumbers() {
    assertThat(
            KeyPhrase.of(
                "The Moon is drifting away from Earth by about 3.8 centimetres every year.",
                List.of("moon", "earth", "centimetres", "year")))
        .isEqualTo("Moon is drifting away from Earth");
    assertThat(
            KeyPhrase.of(
                "Hundreds of millions of years ago a day lasted only about twenty-two hours.",
                List.of("day", "hundreds", "millions", "years")))
        .hasSizeLessThanOrEqualTo(60)
        .contains("day");
  }

  @Test
  void leadingConjunctionsAndTrailingFunctionWordsGo() {
    assertThat(
            KeyPhrase.of(
                "And because Earth spins faster than the Moon orbits, that bulge runs ahead.",
                List.of("moon", "earth", "orbits", "bulge")))
        .isEqualTo("Earth spins faster than the Moon");
    assertThat(
            KeyPhrase.of(
                "Octopuses have three hearts and blue blood.",
                List.of("blood", "octopuses", "hearts")))
        .isEqualTo("Octopuses have three hearts and blue blood");
  }

  @Test
  void withoutALineTheKeywordsAreThePhrase() {
    assertThat(KeyPhrase.of("", List.of("moon", "tides", "orbit", "earth")))
        .isEqualTo("moon tides orbit");
  }
}
