package dev.reelforge.providers.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.speech.WordTiming;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineWordsTest {

  @Test
  void engineWordsSplitDifferentlyAreJoinedUnderTheTextsWords() {
    List<WordTiming> engine =
        List.of(
            new WordTiming("twenty", 100, 300),
            new WordTiming("one", 300, 450),
            new WordTiming("cats", 520, 800));
    assertThat(EngineWords.onText("Twenty-one cats!", engine))
        .containsExactly(new WordTiming("Twenty-one", 100, 450), new WordTiming("cats!", 520, 800));
  }

  @Test
  void lettersThatDifferAreMatchedByProportionInOrder() {
    List<WordTiming> engine =
        List.of(new WordTiming("doctor", 0, 400), new WordTiming("who", 400, 700));
    List<WordTiming> words = EngineWords.onText("Dr who", engine);
    assertThat(words).extracting(WordTiming::text).containsExactly("Dr", "who");
    assertThat(words.get(0).startMillis()).isZero();
    assertThat(words.get(1).endMillis()).isEqualTo(700);
    assertThat(words.get(1).startMillis()).isGreaterThanOrEqualTo(words.get(0).endMillis());
  }

  @Test
  void marksStandingAloneAreNotWords() {
    List<WordTiming> engine =
        List.of(new WordTiming("yes", 0, 200), new WordTiming("no", 300, 500));
    assertThat(EngineWords.onText("yes — no", engine))
        .extracting(WordTiming::text)
        .containsExactly("yes", "no");
  }
}
