package dev.reelforge.providers.transcribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.transcript.Transcript;
import dev.reelforge.core.transcript.TranscriptWord;
import dev.reelforge.core.transcript.WordErrorRate;
import dev.reelforge.providers.tools.LocalTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PocketsphinxTranscriberTest {

  @TempDir Path dir;

  @Test
  void readsTheWordLinesOfItsReport() {
    String report =
        """
        the harbor town
        <s> 0.100 0.140 1.000400
        the 0.150 0.240 0.876328
        harbor 0.250 0.610 0.562611
        <sil> 1.110 1.170 0.688980
        and(2) 5.710 5.870 0.927828
        [NOISE] 5.900 6.000 0.5
        town 6.620 7.100 1.000901
        </s> 7.110 7.200 1.0
        """;
    assertThat(PocketsphinxTranscriber.words(report))
        .containsExactly(
            new TranscriptWord("the", 150, 240, 0.876328),
            new TranscriptWord("harbor", 250, 610, 0.562611),
            new TranscriptWord("and", 5710, 5870, 0.927828),
            new TranscriptWord("town", 6620, 7100, 1.0));
  }

  @Test
  void aHypothesisOfFourWordsIsNotMistakenForAWordLine() {
    assertThat(PocketsphinxTranscriber.words("go to the market\n")).isEmpty();
  }

  @Test
  void withoutTheProgramItSaysHowToInstallIt() {
    PocketsphinxTranscriber missing =
        new PocketsphinxTranscriber(
            LocalTool.onPath("pocketsphinx-that-is-not-there"), PocketsphinxTranscriber.MODEL);
    assertThat(missing.installed()).isFalse();
    Narration narration = Narration.say(dir, 300, "Hello.");
    assertThatThrownBy(
            () ->
                missing.transcribe(
                    Sphinx4TranscriberTest.request(narration.wav(), "en-US"), m -> {}))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE))
        .hasMessageContaining("apt-get install pocketsphinx pocketsphinx-en-us");
  }

  @Test
  void hearsRealSpeechWhenInstalled() {
    PocketsphinxTranscriber pocketsphinx = new PocketsphinxTranscriber();
    assumeTrue(
        pocketsphinx.installed(),
        "pocketsphinx is not installed (" + PocketsphinxTranscriber.INSTALL_HINT + ")");
    Narration narration =
        Narration.say(dir, 1200, "The market opens at seven.", "Visitors walk along the wall.");
    List<Long> progress = new ArrayList<>();
    Transcript heard =
        pocketsphinx.transcribe(
            Sphinx4TranscriberTest.request(narration.wav(), "en-US"), progress::add);
    assertThat(WordErrorRate.between(narration.text(), heard.text()).rate())
        .as("heard '%s'", heard.text())
        .isLessThanOrEqualTo(0.5);
    assertThat(heard.source().engine()).isEqualTo("pocketsphinx");
    assertThat(heard.text()).startsWith("The ").endsWith(".");
    assertThat(heard.words().getLast().endMillis()).isLessThanOrEqualTo(narration.durationMillis());
    assertThat(progress).containsExactly(narration.durationMillis());
  }
}
