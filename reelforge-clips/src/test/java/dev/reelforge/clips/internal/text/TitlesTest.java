package dev.reelforge.clips.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TitlesTest {

  @Test
  void aShortHookIsItsOwnTitleWithoutFillerOrFullStop() {
    assertThat(Titles.of("so, um, why does the battery die?", true, List.of("battery", "cold")))
        .isEqualTo("Why does the battery die?");
    assertThat(Titles.of("and   here's why it   matters.", true, List.of()))
        .isEqualTo("Here's why it matters");
  }

  @Test
  void otherwiseTheStrongestKeywordsMakeTheTitle() {
    assertThat(Titles.of("My phone was on the table.", false, List.of("battery", "charge", "heat")))
        .isEqualTo("Battery, charge and heat");
    assertThat(Titles.of("My phone was on the table.", false, List.of("battery", "charge")))
        .isEqualTo("Battery and charge");
  }

  @Test
  void aLongOpeningIsCutAtAWordWithinSixtyCharacters() {
    String long_ =
        "When I first started making videos about batteries I had no idea what I was doing at all.";

    String title = Titles.of(long_, false, List.of("battery"));

    assertThat(title).hasSizeLessThanOrEqualTo(60).endsWith("…").startsWith("When I first started");
    assertThat(title.substring(0, title.length() - 1)).doesNotEndWith(" ");
    assertThat(Titles.of("...", false, List.of())).isEqualTo("Untitled clip");
  }

  @Test
  void termsAreLowerCaseWithoutPunctuationAndStopwordsAreNone() {
    assertThat(Terms.contentTerm("Battery's,")).isEqualTo("battery");
    assertThat(Terms.contentTerm("\"Charge!\"")).isEqualTo("charge");
    assertThat(Terms.contentTerm("the")).isNull();
    assertThat(Terms.contentTerm("Really.")).isNull();
    assertThat(Terms.contentTerm("42")).isNull();
    assertThat(Terms.contentTerm("ok")).isNull();
  }
}
