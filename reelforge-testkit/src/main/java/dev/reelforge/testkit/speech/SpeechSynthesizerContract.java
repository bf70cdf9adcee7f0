package dev.reelforge.testkit.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.speech.SpeechRequest;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.speech.SynthesizedSpeech;
import dev.reelforge.core.speech.TextNormalizer;
import dev.reelforge.core.speech.WordTiming;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link SpeechSynthesizer} promises: a WAV file, words in spoken order that do not
 * overlap and lie inside the audio, and word texts that are the normalised text's words.
 */
public abstract class SpeechSynthesizerContract {

  protected static final String STORY =
      "The Moon drifts 3.8 cm away from Earth every year. Long ago, a day lasted only 6 hours!";

  /** The implementation under test. */
  protected abstract SpeechSynthesizer synthesizer();

  @Test
  void speechIsAWavFileAsLongAsItSays(@TempDir Path dir) throws Exception {
    SynthesizedSpeech speech =
        synthesizer().synthesize(SpeechRequest.of(STORY), dir.resolve("a.wav"));
    File file = speech.audio().toFile();
    AudioFileFormat format = AudioSystem.getAudioFileFormat(file);
    assertThat(format.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
    double seconds = format.getFrameLength() / format.getFormat().getFrameRate();
    assertThat(speech.durationMillis())
        .isCloseTo(Math.round(seconds * 1000), org.assertj.core.api.Assertions.within(20L));
    assertThat(speech.durationMillis()).isBetween(3000L, 20000L);
  }

  @Test
  void wordsAreInOrderInsideTheAudioAndMatchTheNormalisedText(@TempDir Path dir) {
    SynthesizedSpeech speech =
        synthesizer().synthesize(SpeechRequest.of(STORY), dir.resolve("a.wav"));
    List<WordTiming> words = speech.words();
    long previousEnd = 0;
    for (WordTiming word : words) {
      assertThat(word.startMillis()).isGreaterThanOrEqualTo(previousEnd);
      assertThat(word.endMillis()).isGreaterThan(word.startMillis());
      assertThat(word.endMillis()).isLessThanOrEqualTo(speech.durationMillis());
      previousEnd = word.endMillis();
    }
    assertThat(speech.spokenText()).isEqualTo(TextNormalizer.normalize(STORY));
    // Compared as one string of letters and digits: engines split "twenty-one" differently.
    assertThat(String.join("", words.stream().map(w -> simple(w.text())).toList()))
        .isEqualTo(simple(speech.spokenText()));
    assertThat(speech.engine()).startsWith(synthesizer().name());
  }

  @Test
  void slowerSpeechTakesLonger(@TempDir Path dir) {
    String text = "A slower voice takes longer to say the same words.";
    SynthesizedSpeech normal =
        synthesizer().synthesize(SpeechRequest.of(text), dir.resolve("n.wav"));
    SynthesizedSpeech slow =
        synthesizer()
            .synthesize(
                new SpeechRequest(text, java.util.Optional.empty(), 0.7, 0), dir.resolve("s.wav"));
    assertThat(slow.durationMillis()).isGreaterThan(normal.durationMillis() * 11 / 10);
  }

  /** Lower-case letters and digits only. */
  protected static String simple(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
