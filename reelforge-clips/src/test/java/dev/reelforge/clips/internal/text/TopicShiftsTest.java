package dev.reelforge.clips.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopicShiftsTest {

  /** Sentences of six terms drawn from {@code from..from+9}: one topic's vocabulary. */
  private static List<int[]> topic(Random random, int from, int sentences) {
    List<int[]> out = new ArrayList<>();
    for (int s = 0; s < sentences; s++) {
      int[] terms = new int[6];
      for (int i = 0; i < terms.length; i++) {
        terms[i] = from + random.nextInt(10);
      }
      out.add(terms);
    }
    return out;
  }

  @Test
  void theStrongestShiftIsWhereTheVocabularyChanges() {
    Random random = new Random(1);
    List<int[]> sentences = new ArrayList<>();
    sentences.addAll(topic(random, 0, 12));
    sentences.addAll(topic(random, 100, 12));
    sentences.addAll(topic(random, 200, 12));

    TopicShifts shifts = TopicShifts.of(sentences);

    assertThat(shifts.startsAt(0)).isEqualTo(1);
    assertThat(shifts.endsAfter(35)).isEqualTo(1);
    assertThat(shifts.startsAt(12)).isGreaterThan(0.5);
    assertThat(shifts.startsAt(24)).isGreaterThan(0.5);
    assertThat(shifts.endsAfter(11)).isEqualTo(shifts.startsAt(12));
    for (int s = 1; s < 36; s++) {
      if (s != 12 && s != 24) {
        assertThat(shifts.startsAt(s)).as("sentence " + s).isLessThan(shifts.startsAt(12));
      }
    }
  }

  @Test
  void oneTopicThroughoutHasNoStrongShift() {
    TopicShifts shifts = TopicShifts.of(topic(new Random(2), 0, 30));

    for (int s = 1; s < 30; s++) {
      // Valleys there are, being random; none is deep next to a real change of words.
      assertThat(shifts.startsAt(s)).isLessThanOrEqualTo(1);
    }
    assertThat(TopicShifts.of(List.of()).startsAt(0)).isEqualTo(1);
    assertThat(TopicShifts.of(List.of(new int[] {1}, new int[] {2})).startsAt(1)).isZero();
  }
}
