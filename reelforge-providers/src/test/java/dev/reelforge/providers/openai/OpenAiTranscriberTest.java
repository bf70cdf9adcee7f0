package dev.reelforge.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.cost.ProviderCall;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.transcript.Transcript;
import dev.reelforge.core.transcript.TranscriptWord;
import dev.reelforge.core.transcript.TranscriptionRequest;
import dev.reelforge.providers.videogen.VideoVendorContext;
import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.transcribe.ToneSpeech;
import dev.reelforge.testkit.transcribe.ToneSpeech.Word;
import dev.reelforge.testkit.transcribe.stub.WhisperStub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAiTranscriberTest {

  private static final String KEY = "sk-whisper-test";
  private static final String SCRIPT =
      "the market opens at seven. visitors walk along the old wall. by noon cafes are full.";

  private final VideoVendorContext vendor = new VideoVendorContext();
  private final WhisperStub stub = new WhisperStub(KEY);
  @TempDir Path dir;

  @AfterEach
  void stop() {
    stub.close();
  }

  private OpenAiTranscriptionOptions.Builder options() {
    return OpenAiTranscriptionOptions.newBuilder()
        .setBaseUrl(stub.baseUrl())
        .setApiKey(KEY)
        .setResilience(VideoVendorContext.resilience());
  }

  private OpenAiTranscriber whisper(OpenAiTranscriptionOptions.Builder options) {
    return OpenAiFactory.transcriber(options.build(), vendor.context());
  }

  private TranscriptionRequest request(List<Word> words, long durationMillis) {
    Path wav = ToneSpeech.write(words, durationMillis, dir.resolve("speech.wav"));
    return new TranscriptionRequest(wav, "en-US", durationMillis);
  }

  @Test
  void hearsTheWordsWithTheirTimesAndWhispersPunctuation() {
    List<Word> said = ToneSpeech.words(SCRIPT, 500, 400, 150, 900);
    Transcript heard = whisper(options()).transcribe(request(said, 15_000), m -> {});
    assertThat(heard.text())
        .isEqualTo(
            "The market opens at seven. Visitors walk along the old wall. By noon cafes are full.");
    assertTimesMatch(heard.words(), said);
    assertThat(heard.source().engine()).isEqualTo("openai-whisper");
    assertThat(heard.source().version()).isEqualTo("whisper-1");
    assertThat(heard.source().wordTimesEstimated()).isFalse();
  }

  @Test
  void theRequestIsOpenAisDocumentedMultipartForm() {
    whisper(options())
        .transcribe(request(ToneSpeech.words("the wall.", 300, 400, 150, 900), 2_000), m -> {});
    StubHttpServer.Request sent = stub.server().received().getFirst();
    assertThat(sent.header("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(sent.header("Content-Type")).startsWith("multipart/form-data; boundary=");
    String body = new String(sent.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(body)
        .contains("name=\"file\"; filename=\"audio.wav\"\r\nContent-Type: audio/wav\r\n\r\nRIFF")
        .contains("name=\"model\"\r\n\r\nwhisper-1\r\n")
        .contains("name=\"response_format\"\r\n\r\nverbose_json\r\n")
        .contains("name=\"timestamp_granularities[]\"\r\n\r\nword\r\n")
        .contains("name=\"language\"\r\n\r\nen\r\n");
    ProviderCall call = vendor.costs.calls().getLast();
    assertThat(call.provider()).isEqualTo("openai");
    assertThat(call.unit()).isEqualTo("seconds");
    assertThat(call.quantity()).isEqualTo(2);
  }

  @Test
  void audioOverTheUploadCapIsSentInPiecesAndTimesAreMovedByEachPiecesStart() {
    stub.uploadLimit(400_000); // 12.5 s of WAV
    List<Word> said = new ArrayList<>();
    for (Word word : ToneSpeech.words(SCRIPT + " " + SCRIPT, 400, 450, 350, 1_200)) {
      // Words cut by a piece's edge are heard in halves; keep this test's words whole.
      if (word.startMillis() / 10_000 == word.endMillis() / 10_000) {
        said.add(word);
      }
    }
    List<Long> progress = new ArrayList<>();
    Transcript heard =
        whisper(options().setPieceDuration(Duration.ofSeconds(10)).setMaxUploadBytes(400_000))
            .transcribe(request(said, 35_000), progress::add);
    assertThat(stub.uploads()).hasSize(4).allSatisfy(size -> assertThat(size).isLessThan(400_000));
    assertTimesMatch(heard.words(), said);
    assertThat(progress).containsExactly(10_000L, 20_000L, 30_000L, 35_000L, 35_000L);
    assertThat(dir.toFile().list()).containsExactly("speech.wav"); // pieces cleaned up
  }

  @Test
  void aWrongKeyIsAPermanentRejection() {
    OpenAiTranscriber wrongKey = whisper(options().setApiKey("sk-wrong"));
    assertThatThrownBy(
            () ->
                wrongKey.transcribe(
                    request(ToneSpeech.words("the wall.", 300, 400, 150, 900), 2_000), m -> {}))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR);
              assertThat(e.retryable()).isFalse();
            })
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("Incorrect API key");
    assertThat(stub.server().received()).hasSize(1);
  }

  @Test
  void aModelWithoutWordTimesIsRefusedByTheVendor() {
    OpenAiTranscriber wrongModel = whisper(options().setModel("gpt-4o-transcribe"));
    assertThatThrownBy(
            () ->
                wrongModel.transcribe(
                    request(ToneSpeech.words("the wall.", 300, 400, 150, 900), 2_000), m -> {}))
        .isInstanceOfSatisfying(ReelForgeException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("HTTP 400")
        .hasMessageContaining("verbose_json");
  }

  @Test
  void aPieceOverTheVendorsCapSaysWhichSettingToLower() {
    stub.uploadLimit(50_000);
    assertThatThrownBy(
            () ->
                whisper(options())
                    .transcribe(
                        request(ToneSpeech.words("the wall.", 300, 400, 150, 900), 3_000), m -> {}))
        .isInstanceOfSatisfying(ReelForgeException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("too large")
        .hasMessageContaining("reelforge.clips.transcriber.openai.piece-duration");
  }

  @Test
  void rateLimitsAndServerErrorsAreRetriedThenReportedAsTransient() {
    stub.rateLimitNext(1);
    Transcript heard =
        whisper(options())
            .transcribe(request(ToneSpeech.words("the wall.", 300, 400, 150, 900), 2_000), m -> {});
    assertThat(heard.text()).isEqualTo("The wall.");
    assertThat(vendor.waits).hasSize(1);
    assertThat(vendor.waits.getFirst()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));

    stub.failNext(3);
    assertThatThrownBy(
            () ->
                whisper(options())
                    .transcribe(
                        request(ToneSpeech.words("the wall.", 300, 400, 150, 900), 2_000), m -> {}))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR);
              assertThat(e.retryable()).isTrue();
            })
        .hasMessageContaining("HTTP 500");
  }

  @Test
  void aPieceTooLongForTheUploadCapIsASettingsError() {
    assertThatThrownBy(() -> options().setPieceDuration(Duration.ofMinutes(14)).build())
        .isInstanceOf(ReelForgeException.class)
        .hasMessageContaining("reelforge.clips.transcriber.openai.piece-duration");
    assertThatThrownBy(() -> options().setApiKey(" ").build())
        .hasMessageContaining("reelforge.clips.transcriber.openai.api-key")
        .hasMessageContaining("OPENAI_API_KEY");
  }

  @Test
  void timedWordsTakeTheirSpellingFromTheText() {
    assertThat(
            WrittenWords.spell(
                List.of("hello", "world", "it's", "me", "again"),
                "Hello, world! It's me... and again?"))
        .containsExactly("Hello,", "world!", "It's", "me...", "again?");
    assertThat(WrittenWords.spell(List.of("unmatched", "word"), "Something else entirely."))
        .containsExactly("unmatched", "word");
  }

  private static void assertTimesMatch(List<TranscriptWord> heard, List<Word> said) {
    assertThat(heard).hasSameSizeAs(said);
    for (int i = 0; i < said.size(); i++) {
      assertThat(heard.get(i).text().toLowerCase().replace(".", "")).isEqualTo(said.get(i).text());
      assertThat(heard.get(i).startMillis())
          .isCloseTo(said.get(i).startMillis(), org.assertj.core.data.Offset.offset(20L));
      assertThat(heard.get(i).endMillis())
          .isCloseTo(said.get(i).endMillis(), org.assertj.core.data.Offset.offset(20L));
    }
  }
}
