package dev.reelforge.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {

  @Test
  void aColonNeverEndsASentenceAndItsPunctuationIsKept() {
    assertThat(
            Sentences.split(
                "The cause is the tide: Earth's oceans bulge toward\nthe Moon. Days grow longer."))
        .containsExactly(
            "The cause is the tide: Earth's oceans bulge toward the Moon.", "Days grow longer.");
  }

  @Test
  void decimalsAbbreviationsAndAddressesStayInsideTheirSentence() {
    assertThat(
            Sentences.split(
                "Dr. Ballester says the Moon drifts 3.8 cm a year, e.g. in 2010. The U.S. Navy"
                    + " agrees. See docs.python.org/3 for more. Van Dongen et al. (2003) disagree."))
        .containsExactly(
            "Dr. Ballester says the Moon drifts 3.8 cm a year, e.g. in 2010.",
            "The U.S. Navy agrees.",
            "See docs.python.org/3 for more.",
            "Van Dongen et al. (2003) disagree.");
  }

  @Test
  void anAcronymEndsASentenceBeforeAUsualOpenerAndATimeBeforeAnyCapital() {
    assertThat(
            Sentences.split(
                "They moved to the U.S. The rest stayed. We met at 7 a.m. Dr. Li came."))
        .containsExactly(
            "They moved to the U.S.", "The rest stayed.", "We met at 7 a.m.", "Dr. Li came.");
  }

  @Test
  void monthsAndNumbersKeepTheirNumber() {
    assertThat(
            Sentences.split("The hearing is on Dec. 12 at No. 10 Downing St. in London. It ends."))
        .containsExactly("The hearing is on Dec. 12 at No. 10 Downing St. in London.", "It ends.");
  }

  @Test
  void ellipsesBreakOnlyBeforeACapital() {
    assertThat(
            Sentences.split("I bought one hive... and now I have forty. Then… Everything changed."))
        .containsExactly(
            "I bought one hive... and now I have forty.", "Then…", "Everything changed.");
  }

  @Test
  void aQuotationThatClosesInItsParagraphIsOneSentence() {
    assertThat(
            Sentences.split(
                "She said: \"The figures are a wake-up call. We are not adapting.\" Cities try."
                    + " “Only in July. Then I forget,” she says."))
        .containsExactly(
            "She said: \"The figures are a wake-up call. We are not adapting.\"",
            "Cities try.",
            "“Only in July. Then I forget,” she says.");
  }

  @Test
  void anUnbalancedQuoteDoesNotSwallowTheParagraph() {
    assertThat(Sentences.split("He wrote \"one. Two sentences follow. Three."))
        .containsExactly("He wrote \"one.", "Two sentences follow.", "Three.");
  }

  @Test
  void blankLinesEndASentenceEvenWithoutAMark() {
    assertThat(Sentences.split("A title without a stop\n\nThe text. More text\n\n\n"))
        .containsExactly("A title without a stop", "The text.", "More text");
    assertThat(Sentences.split("  \n ")).isEmpty();
  }
}
