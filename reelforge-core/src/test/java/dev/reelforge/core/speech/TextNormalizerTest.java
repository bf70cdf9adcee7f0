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
  void timesDataSizesAndShortMonthsAreRead() {
    assertThat(TextNormalizer.normalize("At 20:17 UTC, then 9:05 and 14:00, and 7:00."))
        .isEqualTo(
            "At twenty seventeen UTC, then nine oh five and fourteen hundred, and seven o'clock.");
    assertThat(TextNormalizer.normalize("It had 72 KB of memory and a 2 GB card, 40 ms later."))
        .isEqualTo(
            "It had seventy-two kilobytes of memory and a two gigabytes card, forty milliseconds"
                + " later.");
    assertThat(TextNormalizer.normalize("since Dec. 14, 1972, and Sept. 3"))
        .isEqualTo("since December fourteen, nineteen seventy-two, and September three");
    // Each is one written unit, so its caption shows it as written.
    assertThat(WrittenUnits.of("had 72 KB at 20:17 UTC")).contains("72 KB", "20:17");
  }

  @Test
  void degreesAreReadNotDropped() {
    assertThat(TextNormalizer.normalize("It was 20°C, then 45.5 °F and 90° turns."))
        .isEqualTo(
            "It was twenty degrees Celsius, then forty-five point five degrees Fahrenheit and"
                + " ninety degrees turns.");
  }

  /** Captions map spoken words back to written units; that needs the text spoken unit by unit. */
  @Test
  void theNormalisedTextIsItsWrittenUnitsSpokenOneByOne() {
    String text =
        "In 2010 the price rose 10 % to $5.99 , e.g. at Dr. Who's 21st shop — 3.8 cm away 🚀!";
    assertThat(WrittenUnits.of(text))
        .containsExactly(
            "In", "2010", "the", "price", "rose", "10 %", "to", "$5.99", ",", "e.g.", "at", "Dr.",
            "Who's", "21st", "shop", "—", "3.8 cm", "away", "🚀!");
    assertThat(WrittenUnits.of(text).stream().map(TextNormalizer::speak))
        .containsExactly(
            "In",
            "twenty ten",
            "the",
            "price",
            "rose",
            "ten percent",
            "to",
            "five dollars ninety-nine cents",
            ",",
            "for example",
            "at",
            "Doctor",
            "Who's",
            "twenty-first",
            "shop",
            "—",
            "three point eight centimetres",
            "away",
            "!");
    assertThat(TextNormalizer.normalize(text))
        .isEqualTo(
            "In twenty ten the price rose ten percent to five dollars ninety-nine cents, for"
                + " example at Doctor Who's twenty-first shop — three point eight centimetres"
                + " away!");
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
