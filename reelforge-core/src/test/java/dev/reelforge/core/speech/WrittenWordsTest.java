package dev.reelforge.core.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WrittenWordsTest {

  @Test
  void aNumberWithItsUnitIsCaptionedAsWrittenOverItsSpokenWords() {
    List<WordTiming> spoken =
        List.of(
            new WordTiming("It", 0, 100),
            new WordTiming("moves", 100, 300),
            new WordTiming("three", 300, 400),
            new WordTiming("point", 400, 500),
            new WordTiming("eight", 500, 600),
            new WordTiming("centimetres", 650, 900),
            new WordTiming("a", 900, 950),
            new WordTiming("year.", 950, 1200));
    WrittenWords.Alignment alignment = WrittenWords.align("It moves 3.8 cm a year.", spoken);
    assertThat(alignment.match()).isEqualTo(WrittenWords.Match.NORMALISED);
    assertThat(alignment.words())
        .containsExactly(
            new WordTiming("It", 0, 100),
            new WordTiming("moves", 100, 300),
            new WordTiming("3.8 cm", 300, 900),
            new WordTiming("a", 900, 950),
            new WordTiming("year.", 950, 1200));
  }

  @Test
  void numbersDatesSymbolsAndAbbreviationsShowAsWritten() {
    String written = "In 2010, Dr. Lee sold #1 hits, e.g. for $5.99 — 45% off!";
    List<WordTiming> spoken = engineSaying(TextNormalizer.normalize(written));
    assertThat(WrittenWords.of(written, spoken))
        .extracting(WordTiming::text)
        .containsExactly(
            "In", "2010,", "Dr.", "Lee", "sold", "#1", "hits,", "e.g.", "for", "$5.99 —", "45%",
            "off!");
  }

  @Test
  void anEngineThatSplitsOrMergesWordsDifferentlyStillLinesUp() {
    // Festival says "twenty-one" as two words and drops punctuation; another engine ran two
    // written words into one.
    List<WordTiming> spoken =
        List.of(
            new WordTiming("twenty", 100, 300),
            new WordTiming("one", 300, 450),
            new WordTiming("catsand", 520, 800),
            new WordTiming("dogs", 800, 1000));
    assertThat(WrittenWords.of("21 cats and dogs!", spoken))
        .containsExactly(
            new WordTiming("21", 100, 450),
            new WordTiming("cats", 520, 680),
            new WordTiming("and", 680, 800),
            new WordTiming("dogs!", 800, 1000));
  }

  @Test
  void aVoiceGivenTheCleanedTextIsMatchedAgainstIt() {
    String written = "Der Mond hat 12 Phasen 🌙. Siehe https://example.de/mond jetzt!";
    WrittenWords.Alignment alignment =
        WrittenWords.align(written, engineSaying(TextNormalizer.clean(written)));
    assertThat(alignment.match()).isEqualTo(WrittenWords.Match.CLEANED);
    assertThat(alignment.words())
        .extracting(WordTiming::text)
        .containsExactly(
            "Der", "Mond", "hat", "12", "Phasen.", "Siehe https://example.de/mond", "jetzt!");
  }

  @Test
  void unspokenMarksGoWithTheWordBeforeThemOrAfterThemAtTheStart() {
    String written = "— Yes — no 🚀 … maybe";
    List<WordTiming> words = WrittenWords.of(written, engineSaying("Yes no maybe"));
    assertThat(words).extracting(WordTiming::text).containsExactly("— Yes —", "no …", "maybe");
  }

  @Test
  void anEngineThatSaysSomethingElseIsMatchedByProportionKeepingEveryWrittenWord() {
    List<WordTiming> spoken =
        List.of(
            new WordTiming("doctor", 0, 400),
            new WordTiming("who", 400, 700),
            new WordTiming("arrives", 800, 1300));
    WrittenWords.Alignment alignment = WrittenWords.align("Dr Who arrives on 3 May", spoken);
    assertThat(alignment.match()).isEqualTo(WrittenWords.Match.PROPORTIONAL);
    List<WordTiming> words = alignment.words();
    assertThat(words)
        .extracting(WordTiming::text)
        .containsExactly("Dr", "Who", "arrives", "on", "3", "May");
    assertThat(words.getFirst().startMillis()).isZero();
    assertThat(words.getLast().endMillis()).isEqualTo(1300);
    for (int i = 1; i < words.size(); i++) {
      assertThat(words.get(i).startMillis()).isGreaterThanOrEqualTo(words.get(i - 1).endMillis());
    }
  }

  @Test
  void nothingSpokenGivesNoCaptions() {
    assertThat(WrittenWords.align("Hello there", List.of()).match())
        .isEqualTo(WrittenWords.Match.NONE);
    assertThat(WrittenWords.of("Hello there", List.of(new WordTiming("…", 0, 10)))).isEmpty();
    assertThat(WrittenWords.of("🚀 🌕", List.of(new WordTiming("hm", 0, 10))))
        .extracting(WordTiming::text)
        .isEmpty();
  }

  /** The tokens of {@code spokenText}, 100 ms each with 20 ms between them. */
  private static List<WordTiming> engineSaying(String spokenText) {
    List<WordTiming> words = new ArrayList<>();
    long at = 0;
    for (String token : spokenText.split("\\s+")) {
      words.add(new WordTiming(token, at, at + 100));
      at += 120;
    }
    return words;
  }
}
