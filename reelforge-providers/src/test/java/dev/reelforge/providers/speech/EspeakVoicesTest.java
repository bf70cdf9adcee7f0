package dev.reelforge.providers.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.speech.Voice;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class EspeakVoicesTest {

  @Test
  void eachListedLineIsAVoiceKnownByItsLanguageCode() {
    String listing =
        """
        Pty Language       Age/Gender VoiceName          File                 Other Languages
         5  af              --/M      Afrikaans          gmw/af
         2  en-us           --/M      English_(America)  gmw/en-US            (en 8)
        """;
    assertThat(EspeakVoices.parse(listing))
        .containsExactly(
            new Voice("espeak-ng", "af", "af", "Afrikaans"),
            new Voice("espeak-ng", "en-us", "en-us", "English (America)"));
  }

  @Test
  void theInstalledEngineListsItsDefaultVoice() {
    EspeakSpeech espeak = new EspeakSpeech();
    Assumptions.assumeTrue(
        espeak.installed(), "espeak-ng is not installed (apt-get install espeak-ng)");
    List<Voice> voices = espeak.voices();
    assertThat(voices).hasSizeGreaterThan(20);
    assertThat(voices).extracting(Voice::id).contains(EspeakSpeech.DEFAULT_VOICE);
  }
}
