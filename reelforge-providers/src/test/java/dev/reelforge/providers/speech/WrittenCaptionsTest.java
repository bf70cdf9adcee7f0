package dev.reelforge.providers.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelforge.core.speech.SpeechRequest;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.speech.SynthesizedSpeech;
import dev.reelforge.core.speech.TextNormalizer;
import dev.reelforge.core.speech.WordTiming;
import dev.reelforge.core.speech.WrittenUnits;
import dev.reelforge.core.speech.WrittenWords;
import dev.reelforge.testkit.speech.NumbersAndDates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Captions over real offline voices, for beats full of numbers and dates: every caption word is a
 * written word ("3.8 cm", "1969,", "$5.99"), timed exactly over the words spoken for it, and the
 * captions read back as the author's text. espeak-ng is skipped, saying how to install it, where it
 * is missing; MaryTTS always runs.
 */
class WrittenCaptionsTest {

  static Stream<SpeechSynthesizer> engines() {
    return Stream.of(new EspeakSpeech(), new MaryTtsSpeech());
  }

  @ParameterizedTest
  @MethodSource("engines")
  void captionsShowTheAuthorsNumbersAndDatesTimedOverWhatWasSaid(
      SpeechSynthesizer engine, @TempDir Path dir) {
    if (engine instanceof EspeakSpeech espeak) {
      assumeTrue(espeak.installed(), "espeak-ng is not installed: " + EspeakSpeech.INSTALL_HINT);
    }
    List<String> beats = NumbersAndDates.beats();
    int spokenAsWritten = 0;
    int spokenTotal = 0;
    int beatsReadingAsWritten = 0;
    int captions = 0;
    for (int b = 0; b < beats.size(); b++) {
      String beat = beats.get(b);
      SynthesizedSpeech speech =
          engine.synthesize(SpeechRequest.of(beat), dir.resolve("beat-" + b + ".wav"));
      WrittenWords.Alignment written = WrittenWords.align(beat, speech.words());

      assertThat(written.match()).as(beat).isEqualTo(WrittenWords.Match.NORMALISED);
      List<String> texts = written.words().stream().map(WordTiming::text).toList();
      assertThat(String.join(" ", texts)).as("captions read as written").isEqualTo(beat);
      long previousEnd = 0;
      for (WordTiming caption : written.words()) {
        assertThat(WrittenUnits.of(caption.text()))
            .as("a caption word is whole written words: %s", caption.text())
            .isSubsetOf(WrittenUnits.of(beat));
        assertThat(letters(heardDuring(caption, speech.words())))
            .as("what is heard during '%s' in: %s", caption.text(), beat)
            .isEqualTo(letters(TextNormalizer.normalize(caption.text())));
        assertThat(caption.startMillis()).isGreaterThanOrEqualTo(previousEnd);
        assertThat(caption.endMillis())
            .isGreaterThan(caption.startMillis())
            .isLessThanOrEqualTo(speech.durationMillis());
        previousEnd = caption.endMillis();
      }
      captions += texts.size();
      // Before: the engine's words were the captions. How many of them were written words?
      List<String> unmatched = new ArrayList<>(WrittenUnits.of(beat));
      for (WordTiming word : speech.words()) {
        spokenAsWritten += unmatched.remove(word.text()) ? 1 : 0;
      }
      spokenTotal += speech.words().size();
      beatsReadingAsWritten +=
          String.join(" ", speech.words().stream().map(WordTiming::text).toList()).equals(beat)
              ? 1
              : 0;
    }
    System.out.printf(
        "%s over %d beats: engine words as captions: %d of %d (%.0f%%) are written words, %d beats"
            + " read as written; written captions: %d of %d (100%%), %d beats%n",
        engine.name(),
        beats.size(),
        spokenAsWritten,
        spokenTotal,
        100.0 * spokenAsWritten / spokenTotal,
        beatsReadingAsWritten,
        captions,
        captions,
        beats.size());
  }

  /** The engine's words heard inside the caption's span, joined. */
  private static String heardDuring(WordTiming caption, List<WordTiming> spoken) {
    StringBuilder heard = new StringBuilder();
    for (WordTiming word : spoken) {
      if (word.startMillis() >= caption.startMillis() && word.endMillis() <= caption.endMillis()) {
        heard.append(word.text()).append(' ');
      }
    }
    return heard.toString();
  }

  private static String letters(String text) {
    return text.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(java.util.Locale.ROOT);
  }
}
