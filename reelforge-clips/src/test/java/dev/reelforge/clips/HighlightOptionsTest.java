package dev.reelforge.clips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HighlightOptionsTest {

  @Test
  void theDefaultsAreSeed003s() {
    assertThat(HighlightOptions.DEFAULT).isEqualTo(new HighlightOptions(15_000, 60_000, 4, 9));
    assertThat(HighlightOptions.DEFAULT.withCounts(3, 3))
        .isEqualTo(new HighlightOptions(15_000, 60_000, 3, 3));
    assertThat(HighlightOptions.DEFAULT.withLengths(20_000, 30_000))
        .isEqualTo(new HighlightOptions(20_000, 30_000, 4, 9));
  }

  @Test
  void nonsenseIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new HighlightOptions(500, 60_000, 4, 9))
        .hasMessageContaining("minMillis");
    assertThatThrownBy(() -> new HighlightOptions(30_000, 20_000, 4, 9))
        .hasMessageContaining("maxMillis");
    assertThatThrownBy(() -> new HighlightOptions(15_000, 60_000, 0, 9))
        .hasMessageContaining("minCount");
    assertThatThrownBy(() -> new HighlightOptions(15_000, 60_000, 5, 4))
        .hasMessageContaining("maxCount");
  }
}
