package dev.reelforge.core.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.speech.WordTiming;
import java.util.List;
import org.junit.jupiter.api.Test;

class BeatSpansTest {

  private static final List<WordTiming> WORDS =
      List.of(
          new WordTiming("The", 100, 300),
          new WordTiming("tide", 300, 700),
          new WordTiming("rises.", 700, 1200),
          new WordTiming("Nobody", 1600, 2100),
          new WordTiming("stops", 2100, 2500),
          new WordTiming("it.", 2500, 2900));

  @Test
  void cutsFallInTheMiddleOfThePauseBetweenBeats() {
    List<long[]> spans = BeatSpans.of(List.of(3, 3), WORDS, 3100);
    assertThat(spans.get(0)).containsExactly(0, 1400);
    assertThat(spans.get(1)).containsExactly(1400, 3100 + BeatSpans.TAIL_MILLIS);
  }

  @Test
  void countsThatDisagreeWithTheEngineAreSharedOutInProportion() {
    // The beats think they have 2 + 2 words; the engine spoke 6: the cut goes after word 3.
    List<long[]> spans = BeatSpans.of(List.of(2, 2), WORDS, 3100);
    assertThat(spans.get(0)[1]).isEqualTo(1400);
  }

  @Test
  void everyBeatGetsAtLeastASecondAndSpansStayContiguous() {
    List<long[]> spans = BeatSpans.of(List.of(1, 1, 4), WORDS, 3100);
    for (int i = 0; i < spans.size(); i++) {
      assertThat(spans.get(i)[1] - spans.get(i)[0]).isGreaterThanOrEqualTo(1000);
      if (i > 0) {
        assertThat(spans.get(i)[0]).isEqualTo(spans.get(i - 1)[1]);
      }
    }
  }
}
