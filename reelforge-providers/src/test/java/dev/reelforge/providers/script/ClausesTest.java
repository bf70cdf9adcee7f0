package dev.reelforge.providers.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClausesTest {

  private static final String TIDE =
      "The cause is the tide: Earth's oceans bulge toward the Moon, and because Earth spins faster"
          + " than the Moon orbits, that bulge runs slightly ahead and tugs the Moon forward.";

  @Test
  void aSentenceThatFitsIsLeftWhole() {
    assertThat(Clauses.fit("  The cause is the tide: oceans bulge.  ", 160))
        .containsExactly("The cause is the tide: oceans bulge.");
    assertThat(Clauses.fit("   ", 160)).isEmpty();
  }

  @Test
  void aLongSentenceIsCutIntoPiecesOfItselfWithNothingInserted() {
    List<String> parts = Clauses.fit(TIDE, 160);
    assertThat(parts)
        .containsExactly(
            "The cause is the tide:",
            "Earth's oceans bulge toward the Moon, and because Earth spins faster than the Moon"
                + " orbits, that bulge runs slightly ahead and tugs the Moon forward.");
    assertThat(String.join(" ", parts)).isEqualTo(TIDE);
  }

  @Test
  void weakerBoundariesAreUsedOnlyWhenStrongerOnesDoNotFit() {
    String text =
        "Coral reefs cover less than one percent of the ocean floor, but they shelter about a"
            + " quarter of all marine species, and they protect coastlines from storms.";
    List<String> parts = Clauses.fit(text, 90);
    assertThat(parts)
        .containsExactly(
            "Coral reefs cover less than one percent of the ocean floor,",
            "but they shelter about a quarter of all marine species,",
            "and they protect coastlines from storms.");
    assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(90));
  }

  @Test
  void aRunWithoutPunctuationIsCutBetweenWordsAndEveryPieceFits() {
    String text = "word ".repeat(60).strip() + ".";
    List<String> parts = Clauses.fit(text, 50);
    assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(50));
    assertThat(String.join(" ", parts)).isEqualTo(text);
  }

  @Test
  void everyPieceOfEveryTrickyLongSentenceIsExactlyTheAuthors() {
    List<String> sentences =
        List.of(
            "Dr. Ballester, who led the study at ISGlobal in Barcelona, said: \"The figures are a"
                + " wake-up call. We are not adapting fast enough,\" and the U.S. agreed — at 5.25%.",
            "A buyer borrowing $400,000 over 30 years at 6.9% pays about $2,634 a month; that is"
                + " about $950 more than at the 3% rates of early 2021... see https://x.example/a.");
    for (String sentence : sentences) {
      List<String> parts = Clauses.fit(sentence, 80);
      assertThat(parts).allSatisfy(p -> assertThat(sentence).contains(p));
      assertThat(String.join(" ", parts)).isEqualTo(sentence);
    }
  }
}
