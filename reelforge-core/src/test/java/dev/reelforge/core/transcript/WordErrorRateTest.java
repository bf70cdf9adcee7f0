package dev.reelforge.core.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WordErrorRateTest {

  @Test
  void identicalTextsUpToCaseAndPunctuationHaveNoErrors() {
    WordErrorRate wer =
        WordErrorRate.between(
            "Don't stop, the Festival starts NOW!", "dont stop the festival starts now");
    assertThat(wer).isEqualTo(new WordErrorRate(0, 0, 0, 6));
    assertThat(wer.rate()).isZero();
  }

  @Test
  void countsSubstitutionsDeletionsAndInsertionsSeparately() {
    assertThat(WordErrorRate.between("the cat sat", "the bat sat"))
        .isEqualTo(new WordErrorRate(1, 0, 0, 3));
    assertThat(WordErrorRate.between("the cat sat", "the sat"))
        .isEqualTo(new WordErrorRate(0, 1, 0, 3));
    assertThat(WordErrorRate.between("the cat sat", "the fat cat sat"))
        .isEqualTo(new WordErrorRate(0, 0, 1, 3));
    // "cat"→"bat", "on" lost, "big" added: three edits in six words, however they are aligned.
    WordErrorRate wer = WordErrorRate.between("the cat sat on the mat", "the bat sat the big mat");
    assertThat(wer.errors()).isEqualTo(3);
    assertThat(wer.rate()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void ratesCanPassOneWhenMoreIsHeardThanSaid() {
    WordErrorRate wer = WordErrorRate.between("hello", "well hello there friend");
    assertThat(wer.insertions()).isEqualTo(3);
    assertThat(wer.rate()).isEqualTo(3.0);
  }

  @Test
  void emptyTexts() {
    assertThat(WordErrorRate.between("", "").rate()).isZero();
    assertThat(WordErrorRate.between("one two", "")).isEqualTo(new WordErrorRate(0, 2, 0, 2));
    assertThat(WordErrorRate.between("...", "a").rate()).isEqualTo(1.0);
  }

  @Test
  void wordsAreNormalised() {
    assertThat(WordErrorRate.words("It's 5 o'clock — Zoë said: \"Go!\""))
        .containsExactly("its", "5", "oclock", "zoë", "said", "go");
  }
}
