package dev.reelforge.providers.transcribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.speech.WordTiming;
import dev.reelforge.core.transcript.Transcript;
import dev.reelforge.core.transcript.TranscriptWord;
import dev.reelforge.core.transcript.TranscriptionRequest;
import dev.reelforge.core.transcript.WordErrorRate;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sphinx4 hearing real speech (MaryTTS's voice) on this machine, models from the Maven jar. */
class Sphinx4TranscriberTest {

  @TempDir static Path dir;

  private static final Sphinx4Transcriber SPHINX = new Sphinx4Transcriber();
  private static Narration narration;
  private static Transcript heard;
  private static final List<Long> PROGRESS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void hearANarrationOnce() {
    narration =
        Narration.say(dir, 1200, "The market opens at seven.", "Visitors walk along the wall.");
    SPHINX.warmUp();
    heard = SPHINX.transcribe(request(narration.wav(), "en-US"), PROGRESS::add);
  }

  @Test
  void hearsTheWordsThatWereSaid() {
    WordErrorRate wer = WordErrorRate.between(narration.text(), heard.text());
    assertThat(wer.rate()).as("heard '%s'", heard.text()).isLessThanOrEqualTo(0.35);
    assertThat(heard.source().engine()).isEqualTo("sphinx4");
    assertThat(heard.source().version()).isEqualTo("sphinx4-1.0.0/en-us/balanced");
    assertThat(heard.source().wordTimesEstimated()).isFalse();
    assertThat(heard.language()).isEqualTo("en-US");
  }

  @Test
  void wordTimesAreWhereTheVoiceSaidThem() {
    WordTiming firstSaid = narration.words().getFirst();
    TranscriptWord firstHeard = heard.words().getFirst();
    assertThat(Math.abs(firstHeard.startMillis() - firstSaid.startMillis())).isLessThan(300);
    // The second sentence starts after the 1.2 s pause; Sphinx4 must place it there too.
    long secondSaid =
        narration.words().stream()
            .filter(w -> w.text().toLowerCase().startsWith("visitors"))
            .findFirst()
            .orElseThrow()
            .startMillis();
    TranscriptWord secondHeard =
        heard.words().stream().filter(w -> w.startMillis() > secondSaid - 600).findFirst().get();
    assertThat(Math.abs(secondHeard.startMillis() - secondSaid)).isLessThan(300);
    assertThat(heard.words().getLast().endMillis()).isLessThanOrEqualTo(narration.durationMillis());
    assertThat(heard.words()).allSatisfy(w -> assertThat(w.confidence()).isBetween(0.0, 1.0));
  }

  @Test
  void thePauseBetweenSentencesAndTheEndGetPeriods() {
    List<String> words = heard.words().stream().map(TranscriptWord::text).toList();
    assertThat(words.getFirst()).isEqualTo("The");
    assertThat(words.getLast()).endsWith(".");
    long periods = words.stream().filter(w -> w.endsWith(".")).count();
    assertThat(periods).as("%s", words).isEqualTo(2);
    assertThat(words).noneMatch(w -> w.startsWith("<") || w.startsWith("["));
  }

  @Test
  void progressIsReportedPerUtteranceUpToTheEnd() {
    assertThat(PROGRESS).hasSizeGreaterThanOrEqualTo(2);
    assertThat(PROGRESS).isSorted();
    assertThat(PROGRESS.getLast()).isEqualTo(narration.durationMillis());
  }

  @Test
  void theLoadedDecoderIsReusedAndHearsTheSameAgain() {
    SPHINX.warmUp();
    assertThat(SPHINX.decodersLoaded()).isEqualTo(1);
    Transcript again =
        SPHINX.transcribe(
            request(narration.wav(), "en-US"),
            dev.reelforge.core.transcript.Transcriber.TranscriptionProgress.NONE);
    // The front end starts afresh for every call: the same audio is heard the same.
    assertThat(again.words()).isEqualTo(heard.words());
    assertThat(SPHINX.decodersLoaded()).isEqualTo(1);
    assertThat(SPHINX.lastLoadTime()).isPositive();
  }

  @Test
  void audioThatIsNot16kHzMonoIsTheCallersError() throws Exception {
    Path stereo = dir.resolve("stereo.wav");
    AudioFormat format = new AudioFormat(44_100, 16, 2, true, false);
    byte[] silence = new byte[44_100 * 4];
    try (AudioInputStream in =
        new AudioInputStream(new ByteArrayInputStream(silence), format, 44_100)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, stereo.toFile());
    }
    assertThatThrownBy(() -> SPHINX.transcribe(request(stereo, "en-US"), m -> {}))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.violations().getFirst().field()).isEqualTo("audio"))
        .hasMessageContaining("must be 16 kHz mono 16-bit PCM WAV");
    assertThatThrownBy(() -> SPHINX.transcribe(request(narration.wav(), "de-DE"), m -> {}))
        .isInstanceOfSatisfying(
            ReelForgeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
        .hasMessageContaining("US English only");
  }

  static TranscriptionRequest request(Path wav, String language) {
    return new TranscriptionRequest(wav, language, SpeechWav.durationMillis(wav));
  }
}
