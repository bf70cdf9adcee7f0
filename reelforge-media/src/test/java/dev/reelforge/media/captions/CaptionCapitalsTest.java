package dev.reelforge.media.captions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionCapitalsTest {

  @Test
  void anUpperCaseStyleKeepsNumbersWithTheirUnitsAndAbbreviationsAsWritten() {
    CaptionLine line =
        CaptionLine.of(
            List.of("about", "3.8 cm", "a", "year,", "e.g.", "in", "2010,", "the", "20th"),
            List.of(0, 1, 2, 3, 4, 5, 6, 7, 8),
            true);
    assertThat(line.text()).isEqualTo("ABOUT 3.8 cm A YEAR, e.g. IN 2010, THE 20th");
    assertThat(CaptionLine.capitals("U.S.")).isEqualTo("U.S.");
    assertThat(CaptionLine.capitals("Earth's")).isEqualTo("EARTH'S");
    // A title's line is one piece: only the number and its unit keep their case.
    assertThat(CaptionLine.capitals("by about 3.8 centimetres every year"))
        .isEqualTo("BY ABOUT 3.8 CENTIMETRES EVERY YEAR");
    assertThat(CaptionLine.capitals("drifts 3.8 cm a year at 60 km/h"))
        .isEqualTo("DRIFTS 3.8 cm A YEAR AT 60 km/h");
    assertThat(CaptionLine.capitals("1969, at 20:17 UTC")).isEqualTo("1969, AT 20:17 UTC");
    assertThat(CaptionLine.capitals("a 26-year-old controller"))
        .isEqualTo("A 26-YEAR-OLD CONTROLLER");
  }
}
