package dev.reelforge.providers.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.speech.SpeechRequest;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.speech.SynthesizedSpeech;
import dev.reelforge.core.speech.WordTiming;
import dev.reelforge.providers.tools.LocalTool;
import dev.reelforge.testkit.speech.SpeechSynthesizerContract;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real espeak-ng; skipped, saying how to install it, where it is not installed. */
class EspeakSpeechTest extends SpeechSynthesizerContract {

  private static final EspeakSpeech ESPEAK = new EspeakSpeech();

  @BeforeAll
  static void espeakIsInstalled() {
    assumeTrue(ESPEAK.installed(), "espeak-ng is not installed: " + EspeakSpeech.INSTALL_HINT);
  }

  @Override
  protected SpeechSynthesizer synthesizer() {
    return ESPEAK;
  }

  @Test
  void otherLanguagesKeepTheirNumbersForTheVoiceToRead(@TempDir Path dir) {
    SynthesizedSpeech speech =
        ESPEAK.synthesize(
            new SpeechRequest("Der Mond hat 12 Phasen 🌙. Wirklich!", Optional.of("de"), 1, 0),
            dir.resolve("de.wav"));
    assertThat(speech.spokenText()).isEqualTo("Der Mond hat 12 Phasen. Wirklich!");
    assertThat(speech.words())
        .extracting(WordTiming::text)
        .containsExactly("Der", "Mond", "hat", "12", "Phasen.", "Wirklich!");
    assertThat(speech.engine()).isEqualTo("espeak-ng/de");
  }

  @Test
  void higherPitchIsHeardAsAHigherVoice(@TempDir Path dir) throws Exception {
    String text = "The same words, spoken higher.";
    SynthesizedSpeech normal = ESPEAK.synthesize(SpeechRequest.of(text), dir.resolve("n.wav"));
    SynthesizedSpeech high =
        ESPEAK.synthesize(new SpeechRequest(text, Optional.empty(), 1, 8), dir.resolve("h.wav"));
    assertThat(medianPitchHz(high.audio())).isGreaterThan(medianPitchHz(normal.audio()) * 1.15);
  }

  @Test
  void aMissingEspeakIsReportedWithHowToInstallIt(@TempDir Path dir) {
    EspeakSpeech missing = new EspeakSpeech(LocalTool.onPath("espeak-not-here"));
    assertThatThrownBy(() -> missing.synthesize(SpeechRequest.of("Hello."), dir.resolve("m.wav")))
        .isInstanceOfSatisfying(
            ReelForgeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TTS_FAILED))
        .hasMessageContaining(EspeakSpeech.INSTALL_HINT);
  }

  @Test
  void rateAndPitchMapOntoEspeaksScales() {
    assertThat(EspeakSpeech.wordsPerMinute(1)).isEqualTo(175);
    assertThat(EspeakSpeech.wordsPerMinute(0.5)).isEqualTo(88);
    assertThat(EspeakSpeech.wordsPerMinute(2)).isEqualTo(350);
    assertThat(EspeakSpeech.pitch(0)).isEqualTo(50);
    assertThat(EspeakSpeech.pitch(12)).isEqualTo(98);
    assertThat(EspeakSpeech.pitch(-12)).isEqualTo(2);
  }

  /**
   * The voice's median fundamental frequency: for each loud 40 ms frame, the lag (80–400 Hz) at
   * which the frame best matches itself shifted.
   */
  private static double medianPitchHz(Path wav) throws Exception {
    try (javax.sound.sampled.AudioInputStream in =
        javax.sound.sampled.AudioSystem.getAudioInputStream(wav.toFile())) {
      int rate = (int) in.getFormat().getSampleRate();
      byte[] bytes = in.readAllBytes();
      double[] x = new double[bytes.length / 2];
      for (int i = 0; i < x.length; i++) {
        x[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8)) / 32768.0;
      }
      int frame = rate / 25;
      java.util.List<Double> pitches = new java.util.ArrayList<>();
      for (int start = 0; start + frame * 2 < x.length; start += frame) {
        double energy = 0;
        for (int i = 0; i < frame; i++) {
          energy += x[start + i] * x[start + i];
        }
        if (Math.sqrt(energy / frame) < 0.05) {
          continue;
        }
        int bestLag = 0;
        double best = 0;
        for (int lag = rate / 400; lag <= rate / 80; lag++) {
          double sum = 0;
          for (int i = 0; i < frame; i++) {
            sum += x[start + i] * x[start + i + lag];
          }
          if (sum > best) {
            best = sum;
            bestLag = lag;
          }
        }
        if (best > energy * 0.5) {
          pitches.add((double) rate / bestLag);
        }
      }
      assertThat(pitches).as("voiced frames").hasSizeGreaterThan(5);
      java.util.Collections.sort(pitches);
      return pitches.get(pitches.size() / 2);
    }
  }
}
