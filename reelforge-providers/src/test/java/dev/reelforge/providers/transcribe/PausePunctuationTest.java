package dev.reelforge.providers.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.transcript.TranscriptWord;
import java.util.List;
import org.junit.jupiter.api.Test;

class PausePunctuationTest {

  @Test
  void aLongPauseEndsASentenceAndTheNextStartsWithACapital() {
    List<TranscriptWord> words =
        List.of(
            word("the", 0, 200),
            word("tide", 210, 600),
            word("turns", 1299, 1600), // 699 ms after "tide": no sentence end
            word("i", 2300, 2400), // 700 ms after "turns": a sentence end
            word("think", 2410, 2700),
            word("i'm", 2710, 2900),
            word("done", 2910, 3200));
    assertThat(PausePunctuation.apply(words).stream().map(TranscriptWord::text))
        .containsExactly("The", "tide", "turns.", "I", "think", "I'm", "done.");
  }

  @Test
  void timesAndConfidencesAreKept() {
    List<TranscriptWord> punctuated =
        PausePunctuation.apply(List.of(new TranscriptWord("hello", 10, 500, 0.75)));
    assertThat(punctuated).containsExactly(new TranscriptWord("Hello.", 10, 500, 0.75));
    assertThat(PausePunctuation.apply(List.of())).isEmpty();
  }

  private static TranscriptWord word(String text, long start, long end) {
    return new TranscriptWord(text, start, end, 1.0);
  }
}
