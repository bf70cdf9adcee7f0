package dev.reelforge.core.music;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoodTest {

  @Test
  void theScriptsWordsSuggestTheMood() {
    assertThat(Mood.suggestedBy("The secret of the Moon: an ancient, hidden mystery."))
        .isEqualTo(Mood.MYSTERIOUS);
    assertThat(Mood.suggestedBy("How to achieve success and win your dream job"))
        .isEqualTo(Mood.UPLIFTING);
    assertThat(Mood.suggestedBy("The disaster nobody saw coming: a crisis of fear"))
        .isEqualTo(Mood.TENSE);
    assertThat(Mood.suggestedBy("Tax forms explained")).isEqualTo(Mood.CALM);
  }

  @Test
  void musicFilesTakeTheirMoodFromTags() {
    assertThat(Mood.tagged(java.util.List.of("music", "tense", "drums"))).contains(Mood.TENSE);
    assertThat(Mood.tagged(java.util.List.of("ocean", "relax", "gentle"))).contains(Mood.CALM);
    assertThat(Mood.tagged(java.util.List.of("track", "seven"))).isEmpty();
  }
}
