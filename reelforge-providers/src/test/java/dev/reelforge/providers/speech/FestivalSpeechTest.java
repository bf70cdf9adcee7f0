package dev.reelforge.providers.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.speech.SpeechRequest;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.speech.SynthesizedSpeech;
import dev.reelforge.core.speech.Voice;
import dev.reelforge.core.speech.WordTiming;
import dev.reelforge.providers.tools.LocalTool;
import dev.reelforge.testkit.speech.SpeechSynthesizerContract;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real festival; skipped, saying how to install it, where it is not installed. */
class FestivalSpeechTest extends SpeechSynthesizerContract {

  private static final FestivalSpeech FESTIVAL = new FestivalSpeech();

  @BeforeAll
  static void festivalIsInstalled() {
    assumeTrue(FESTIVAL.installed(), "festival is not installed: " + FestivalSpeech.INSTALL_HINT);
  }

  @Override
  protected SpeechSynthesizer synthesizer() {
    return FESTIVAL;
  }

  @Test
  void listsTheVoicesFestivalSaysItHasAndEachSpeaks(@TempDir Path dir) {
    List<Voice> voices = FESTIVAL.voices();
    assertThat(voices).extracting(Voice::id).contains(FestivalSpeech.DEFAULT_VOICE);
    for (Voice voice : voices) {
      SynthesizedSpeech speech =
          FESTIVAL.synthesize(
              new SpeechRequest("Hello there.", Optional.of(voice.id()), 1.0, 0),
              dir.resolve(voice.id() + ".wav"));
      assertThat(speech.durationMillis()).as(voice.id()).isPositive();
    }
  }

  @Test
  void wordsKeepTheTextsOwnSpellingAndPunctuation(@TempDir Path dir) {
    SynthesizedSpeech speech =
        FESTIVAL.synthesize(
            SpeechRequest.of("Well-known facts, \"quoted\" twice."), dir.resolve("q.wav"));
    assertThat(speech.words())
        .extracting(WordTiming::text)
        .containsExactly("Well-known", "facts,", "\"quoted\"", "twice.");
  }

  @Test
  void anUnknownVoiceIsATtsFailureNamingFestival(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                FESTIVAL.synthesize(
                    new SpeechRequest("Hello.", Optional.of("no_such_voice"), 1, 0),
                    dir.resolve("v.wav")))
        .isInstanceOfSatisfying(
            ReelForgeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TTS_FAILED))
        .hasMessageContaining("festival");
  }

  @Test
  void aVoiceNameThatIsNotAnIdentifierIsRejectedBeforeRunningAnything(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                FESTIVAL.synthesize(
                    new SpeechRequest("Hello.", Optional.of("x) (system \"id\""), 1, 0),
                    dir.resolve("v.wav")))
        .isInstanceOfSatisfying(
            ReelForgeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
  }

  @Test
  void theScriptQuotesTheTextSoItCannotEscapeTheString() {
    String script =
        FestivalSpeech.script("He said \"hi\" \\ bye", "v", 1, Path.of("/tmp/a \"b\".wav"));
    assertThat(script).contains("(Utterance Text \"He said \\\"hi\\\" \\\\ bye\")");
    assertThat(script).contains("\"/tmp/a \\\"b\\\".wav\"");
  }

  @Test
  void aMissingFestivalIsReportedWithHowToInstallIt(@TempDir Path dir) {
    FestivalSpeech missing = new FestivalSpeech(LocalTool.onPath("festival-not-here"));
    assertThatThrownBy(() -> missing.synthesize(SpeechRequest.of("Hello."), dir.resolve("m.wav")))
        .hasMessageContaining(FestivalSpeech.INSTALL_HINT);
  }

  @Test
  void festivalsReportIsParsedIntoMilliseconds() {
    assertThat(FestivalSpeech.words("noise\nW\tHello\t0.165000\t0.400000\nW\tworld\t0.4\t0.865\n"))
        .containsExactly(new WordTiming("Hello", 165, 400), new WordTiming("world", 400, 865));
  }
}
