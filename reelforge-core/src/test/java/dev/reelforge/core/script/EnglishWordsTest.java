package dev.reelforge.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The shared function words, a kind of text's own additions to them, and the possessive that
 * keyword pickers strip.
 */
class EnglishWordsTest {

  @Test
  void aListIsTheFunctionWordsAndItsOwnExtras() {
    var list = EnglishWords.functionWordsAnd("subscribe");

    assertThat(list).containsAll(EnglishWords.FUNCTION_WORDS).contains("subscribe");
    assertThat(list).hasSize(EnglishWords.FUNCTION_WORDS.size() + 1);
    assertThat(EnglishWords.FUNCTION_WORDS).contains("the", "would").doesNotContain("battery");
  }

  @Test
  void narrationKeepsItsOwnExtrasOnTopOfTheSharedWords() {
    assertThat(Keywords.isStopWord("The")).isTrue();
    assertThat(Keywords.isStopWord("subscribe")).isTrue();
    assertThat(Keywords.isStopWord("gonna")).as("speech filler is the clips' own").isFalse();
    assertThat(Keywords.of("The battery's charge: battery life, charge time", 2))
        .containsExactly("battery", "charge");
  }

  @Test
  void onlyAPossessiveIsStripped() {
    assertThat(EnglishWords.stripPossessive("battery's")).isEqualTo("battery");
    assertThat(EnglishWords.stripPossessive("batteries")).isEqualTo("batteries");
    assertThat(EnglishWords.stripPossessive("'s")).isEmpty();
  }
}
