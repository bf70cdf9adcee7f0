package dev.reelforge.media.procedural.icons;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordStemTest {

  @Test
  void pluralsAndVerbFormsMeetTheirBaseWord() {
    assertSameStem("octopuses", "octopus");
    assertSameStem("oceans", "ocean");
    assertSameStem("hearts", "heart");
    assertSameStem("batteries", "battery");
    assertSameStem("leaves", "leaf");
    assertSameStem("glasses", "glass");
    assertSameStem("dishes", "dish");
    assertSameStem("swimming", "swim");
    assertSameStem("running", "run");
    assertSameStem("baking", "bake");
    assertSameStem("baked", "bake");
    assertSameStem("tomatoes", "tomato");
    assertSameStem("Earth's", "earth");
    assertSameStem("children", "child");
    assertSameStem("octopi", "octopus");
  }

  @Test
  void wordsThatOnlyLookInflectedKeepTheirEnding() {
    assertThat(WordStem.of("bus")).isEqualTo("bus");
    assertThat(WordStem.of("status")).isEqualTo("status");
    assertThat(WordStem.of("analysis")).isEqualTo("analysis");
    assertThat(WordStem.of("glass")).isEqualTo("glass");
    assertThat(WordStem.of("king")).isEqualTo("king");
    assertThat(WordStem.of("seed")).isEqualTo("seed");
    assertThat(WordStem.of("coffee")).isEqualTo("coffee");
    assertThat(WordStem.of("falling")).isEqualTo("fall");
  }

  private static void assertSameStem(String word, String base) {
    assertThat(WordStem.of(word)).as(word + " and " + base).isEqualTo(WordStem.of(base));
  }
}
