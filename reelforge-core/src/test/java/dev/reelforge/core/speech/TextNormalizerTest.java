package dev.reelforge.core.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  @Test
  void numbersAreSpelledAsANarratorReadsThem() {
    assertThat(TextNormalizer.normalize("It moves 4 cm a year, about 3.8 cm."))
        .isEqualTo("It moves four centimetres a year, about three point eight centimetres.");
    assertThat(TextNormalizer.normalize("1,250 people"))
        .isEqualTo("one thousand two hundred fifty people");
    assertThat(TextNormalizer.normalize("In 1969 and 2005 and 2026."))
        .isEqualTo("In nineteen sixty-nine and two thousand five and twenty twenty-six.");
    assertThat(TextNormalizer.normalize("the 21st and 3rd time"))
        .isEqualTo("the twenty-first and third time");
    assertThat(TextNormalizer.normalize("$1.50, €20 and 45%"))
        .isEqualTo("one dollar fifty cents, twenty euros and forty-five percent");
  }

  @Test
  void linksAbbreviationsAndEmojiAreMadeSpeakable() {
    assertThat(TextNormalizer.normalize("See https://www.NASA.gov/moon/facts now 🚀🌕!"))
        .isEqualTo("See nasa dot gov now!");
    assertThat(TextNormalizer.normalize("Dr. Smith, e.g. at 60 km/h vs. 5 mph"))
        .isEqualTo(
            "Doctor Smith, for example at sixty kilometres per hour versus five miles per hour");
    assertThat(TextNormalizer.normalize("write to team@reel.dev"))
        .isEqualTo("write to team at reel dot dev");
    assertThat(TextNormalizer.normalize("salt & pepper 👍🏽")).isEqualTo("salt and pepper");
  }

  @Test
  void wordsThatLookLikeUnitsAreLeftAlone() {
    assertThat(TextNormalizer.normalize("The kmart skim")).isEqualTo("The kmart skim");
  }

  @Test
  void cleaningForOtherLanguagesKeepsNumbersAndDropsEmojiAndLinks() {
    assertThat(TextNormalizer.clean("Es kostet 12 Euro 🚀 — siehe https://example.de/preise ."))
        .isEqualTo("Es kostet 12 Euro — siehe.");
  }
}
