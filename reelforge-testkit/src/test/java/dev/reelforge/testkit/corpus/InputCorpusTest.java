package dev.reelforge.testkit.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.script.InputKind;
import org.junit.jupiter.api.Test;

class InputCorpusTest {

  @Test
  void everyFileIsOnTheClassPathAndNotEmpty() {
    assertThat(InputCorpus.all()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(InputCorpus.all()).allSatisfy(input -> assertThat(input.text()).isNotBlank());
    assertThat(InputCorpus.prose()).hasSizeGreaterThanOrEqualTo(20);
  }

  @Test
  void everyKindIsRepresentedAndLongTextsGoInAsArticles() {
    for (InputCorpus.Kind kind : InputCorpus.Kind.values()) {
      assertThat(InputCorpus.ofKind(kind)).as(kind.name()).isNotEmpty();
    }
    assertThat(InputCorpus.named("26").inputKind()).isEqualTo(InputKind.ARTICLE);
    assertThat(InputCorpus.named("01").inputKind()).isEqualTo(InputKind.PARAGRAPH);
    assertThat(InputCorpus.named("02-octopus-script.txt").inputKind()).isEqualTo(InputKind.MANUAL);
  }

  @Test
  void theTrickySentencesAreOnePerLineWithoutComments() {
    assertThat(InputCorpus.trickySentences())
        .hasSizeGreaterThanOrEqualTo(40)
        .contains("The cause is the tide: Earth's oceans bulge toward the Moon.")
        .noneMatch(line -> line.startsWith("#"));
  }
}
