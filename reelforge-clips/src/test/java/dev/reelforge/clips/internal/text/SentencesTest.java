package dev.reelforge.clips.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.transcript.TranscriptWord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

  /** Words 300 ms long; {@code gaps[i]} is the pause after word i (80 ms when not given). */
  private static List<TranscriptWord> words(String text, long... gaps) {
    List<TranscriptWord> out = new ArrayList<>();
    long t = 0;
    String[] tokens = text.split(" ");
    for (int i = 0; i < tokens.length; i++) {
      out.add(new TranscriptWord(tokens[i], t, t + 300, 1));
      t += 300 + (i < gaps.length ? gaps[i] : 80);
    }
    return out;
  }

  private static List<String> texts(List<Sentence> sentences) {
    return sentences.stream().map(Sentence::text).toList();
  }

  @Test
  void punctuationEndsSentencesButAbbreviationsDoNot() {
    List<TranscriptWord> words =
        words("Dr. Smith said so. Did he? Yes! He said \"never.\" Then he left");

    List<Sentence> sentences = Sentences.of(words, 60_000);

    assertThat(texts(sentences))
        .containsExactly(
            "Dr. Smith said so.", "Did he?", "Yes!", "He said \"never.\"", "Then he left");
    assertThat(sentences.get(1).isQuestion()).isTrue();
    assertThat(sentences.get(0).isQuestion()).isFalse();
    Sentence second = sentences.get(1);
    assertThat(second.startMillis()).isEqualTo(words.get(second.firstWord()).startMillis());
    assertThat(second.endMillis()).isEqualTo(words.get(second.lastWord()).endMillis());
  }

  @Test
  void withoutPunctuationAPauseOfSevenHundredMillisecondsEndsASentence() {
    //                      0  1   2     3    4     5   6    7
    List<TranscriptWord> words =
        words("so we went home and then it rained", 80, 80, 80, 700, 80, 699, 80);

    assertThat(texts(Sentences.of(words, 60_000)))
        .containsExactly("so we went home", "and then it rained");
  }

  @Test
  void aPunctuatedTranscriptStillBreaksAtALongSilence() {
    List<TranscriptWord> words =
        words("It was late and we were tired. Then morning came.", 80, 80, 2_500);

    assertThat(texts(Sentences.of(words, 60_000)))
        .containsExactly("It was late", "and we were tired.", "Then morning came.");
  }

  @Test
  void aSentenceTooLongForAClipIsSplitAtItsLongestPause() {
    List<TranscriptWord> words = words("a b c d e f g h", 80, 80, 80, 400, 80, 80, 80);

    // 8 words of 380 ms: about 3 s; at most 2 s per sentence.
    assertThat(texts(Sentences.of(words, 2_000))).containsExactly("a b c d", "e f g h");
  }

  @Test
  void aStretchWithoutPausesIsHalvedRatherThanPeeled() {
    List<TranscriptWord> words = words("a b c d e f g h");

    List<Sentence> sentences = Sentences.of(words, 1_600);

    assertThat(sentences)
        .allSatisfy(s -> assertThat(s.durationMillis()).isLessThanOrEqualTo(1_600));
    assertThat(sentences).hasSize(2);
  }

  @Test
  void rareMarksAreAnAccidentNotPunctuation() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      text.append(i == 100 ? "word. " : "word ");
    }
    assertThat(Sentences.isPunctuated(words(text.toString().strip()))).isFalse();
    assertThat(Sentences.isPunctuated(words("One. Two. Three"))).isTrue();
  }
}
