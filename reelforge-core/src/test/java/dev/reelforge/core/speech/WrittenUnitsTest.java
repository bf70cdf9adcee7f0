package dev.reelforge.core.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrittenUnitsTest {

  @Test
  void aNumberAndItsUnitAreOneUnit() {
    assertThat(WrittenUnits.of("about 3.8 cm, 10 % more at 60 km/h for 5 million people"))
        .containsExactly(
            "about", "3.8 cm,", "10 %", "more", "at", "60 km/h", "for", "5 million", "people");
    assertThat(WrittenUnits.of("6 hours; 1 day, 70 days and 2 centuries, 10,935 metres"))
        .containsExactly("6 hours;", "1 day,", "70 days", "and", "2 centuries,", "10,935 metres");
    assertThat(WrittenUnits.of("20 °C at 7 am, 4 GB and 100 m."))
        .containsExactly("20 °C", "at", "7 am,", "4 GB", "and", "100 m.");
  }

  @Test
  void wordsAfterANumberThatAreNotUnitsStayApart() {
    assertThat(WrittenUnits.of("3 cmd files, 2 mice, Apollo 11 landed in 2010"))
        .containsExactly(
            "3", "cmd", "files,", "2", "mice,", "Apollo", "11", "landed", "in", "2010");
    assertThat(WrittenUnits.of("cm 3")).containsExactly("cm", "3");
  }

  @Test
  void unitsJoinedBySingleSpacesAreTheText() {
    String text = "  Costs  $5.99\n(e.g. #1)\tin\t2010 —  45%! ";
    assertThat(String.join(" ", WrittenUnits.of(text)))
        .isEqualTo("Costs $5.99 (e.g. #1) in 2010 — 45%!");
    assertThat(WrittenUnits.of(" \n ")).isEmpty();
  }
}
