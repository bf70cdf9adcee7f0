package dev.reelforge.testkit.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.speech.SpeechRequest;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.speech.SynthesizedSpeech;
import dev.reelforge.core.speech.TextNormalizer;
import dev.reelforge.core.speech.WordTiming;
import dev.reelforge.core.speech.WrittenUnits;
import dev.reelforge.core.speech.WrittenWords;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link SpeechSynthesizer} promises: a WAV file, words in spoken order that do not
 * overlap and lie inside the audio, and word texts that are the normalised text's words (so that
 * captions can map them back to the written words).
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

  /**
   * Captions show the author's words: the engine's words map back onto the written ones exactly,
   * each written word timed over what was said for it.
   */
  @Test
  void spokenWordsMapBackOntoTheWrittenWords(@TempDir Path dir) {
    SynthesizedSpeech speech =
        synthesizer().synthesize(SpeechRequest.of(STORY), dir.resolve("w.wav"));
    WrittenWords.Alignment written = WrittenWords.align(STORY, speech.words());
    assertThat(written.match()).isEqualTo(WrittenWords.Match.NORMALISED);
    assertThat(written.words())
        .extracting(WordTiming::text)
        .containsExactlyElementsOf(WrittenUnits.of(STORY));
    WordTiming distance =
        written.words().stream().filter(w -> w.text().equals("3.8 cm")).findFirst().orElseThrow();
    List<WordTiming> spoken = speech.words();
    assertThat(distance.startMillis())
        .isEqualTo(spoken.get(indexOf(spoken, "three")).startMillis());
    assertThat(distance.endMillis())
        .isEqualTo(spoken.get(indexOf(spoken, "centimetres")).endMillis());
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

  /**
   * The word times are checked against the audio itself: silence where the timings put the pause
   * between two sentences, sound inside the words.
   */
  @Test
  void pausesInTheAudioLineUpWithSentenceBoundaries(@TempDir Path dir) throws Exception {
    SynthesizedSpeech speech =
        synthesizer()
            .synthesize(
                SpeechRequest.of("The tide rises twice a day. Nobody can stop it."),
                dir.resolve("p.wav"));
    double[] rms = rmsPer10Millis(speech.audio());
    List<WordTiming> words = speech.words();
    int lastOfFirst = indexOf(words, "day");
    WordTiming end = words.get(lastOfFirst);
    WordTiming next = words.get(lastOfFirst + 1);
    assertThat(next.text()).isEqualToIgnoringCase("nobody");
    long gap = next.startMillis() - end.endMillis();
    assertThat(gap).as("pause between the sentences, ms").isGreaterThanOrEqualTo(100);

    double speechLevel =
        median(
            words.stream().mapToDouble(w -> level(rms, w.startMillis(), w.endMillis())).toArray());
    double pauseLevel = level(rms, end.endMillis() + gap / 5, next.startMillis() - gap / 5);
    assertThat(pauseLevel).as("level in the pause vs in words").isLessThan(speechLevel * 0.1);
    for (WordTiming word : words) {
      assertThat(level(rms, word.startMillis(), word.endMillis()))
          .as("sound inside '%s'", word.text())
          .isGreaterThan(speechLevel * 0.2);
    }
  }

  private static int indexOf(List<WordTiming> words, String text) {
    for (int i = 0; i < words.size(); i++) {
      if (simple(words.get(i).text()).equals(simple(text))) {
        return i;
      }
    }
    throw new AssertionError(text + " not among " + words);
  }

  private static double level(double[] rms, long fromMillis, long toMillis) {
    int from = (int) (fromMillis / 10);
    int to = (int) Math.max(from + 1, toMillis / 10);
    return Arrays.stream(rms, from, Math.min(to, rms.length)).average().orElse(0);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double[] rmsPer10Millis(Path wav)
      throws IOException, UnsupportedAudioFileException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      int rate = (int) in.getFormat().getSampleRate();
      byte[] bytes = in.readAllBytes();
      ByteBuffer pcm =
          ByteBuffer.wrap(bytes)
              .order(in.getFormat().isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
      int window = rate / 100;
      int samples = bytes.length / 2;
      double[] rms = new double[samples / window];
      for (int w = 0; w < rms.length; w++) {
        double sum = 0;
        for (int i = 0; i < window; i++) {
          double v = pcm.getShort((w * window + i) * 2) / 32768.0;
          sum += v * v;
        }
        rms[w] = Math.sqrt(sum / window);
      }
      return rms;
    }
  }

  /** Lower-case letters and digits only. */
  protected static String simple(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
