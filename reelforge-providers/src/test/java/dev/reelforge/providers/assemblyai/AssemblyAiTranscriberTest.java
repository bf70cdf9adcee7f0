package dev.reelforge.providers.assemblyai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.cost.ProviderCall;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.transcript.Transcript;
import dev.reelforge.core.transcript.TranscriptWord;
import dev.reelforge.core.transcript.TranscriptionRequest;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.videogen.VideoVendorContext;
import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.transcribe.ToneSpeech;
import dev.reelforge.testkit.transcribe.ToneSpeech.Word;
import dev.reelforge.testkit.transcribe.stub.AssemblyAiStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class AssemblyAiTranscriberTest {

  private static final String KEY = "aai-5f2c";
  private static final String SCRIPT = "the market opens at seven. visitors walk along the wall.";

  private final VideoVendorContext vendor = new VideoVendorContext();
  private final AssemblyAiStub stub = new AssemblyAiStub(KEY);
  @TempDir Path dir;

  @AfterEach
  void stop() {
    stub.close();
  }

  private AssemblyAiOptions.Builder options() {
    return AssemblyAiOptions.newBuilder()
        .setBaseUrl(stub.baseUrl())
        .setApiKey(KEY)
        .setResilience(VideoVendorContext.resilience());
  }

  private AssemblyAiTranscriber assembly(AssemblyAiOptions.Builder options) {
    return AssemblyAiFactory.transcriber(options.build(), vendor.context());
  }

  private TranscriptionRequest request(String language) {
    Path wav =
        ToneSpeech.write(
            ToneSpeech.words(SCRIPT, 500, 400, 150, 900), 10_000, dir.resolve("speech.wav"));
    return new TranscriptionRequest(wav, language, 10_000);
  }

  @Test
  void uploadsSubmitsAndPollsUntilTheWordsAreThere() throws Exception {
    List<Long> progress = new java.util.ArrayList<>();
    Transcript heard =
        assembly(options().setPollEvery(Duration.ofSeconds(2)))
            .transcribe(request("en-US"), progress::add);

    List<Word> said = ToneSpeech.words(SCRIPT, 500, 400, 150, 900);
    assertThat(heard.text()).isEqualTo("The market opens at seven. Visitors walk along the wall.");
    assertThat(heard.words()).hasSameSizeAs(said);
    for (int i = 0; i < said.size(); i++) {
      TranscriptWord word = heard.words().get(i);
      assertThat(word.startMillis()).isCloseTo(said.get(i).startMillis(), Offset.offset(20L));
      assertThat(word.endMillis()).isCloseTo(said.get(i).endMillis(), Offset.offset(20L));
      assertThat(word.confidence()).isBetween(0.8, 0.97);
    }
    assertThat(heard.source().engine()).isEqualTo("assemblyai");
    assertThat(progress).containsExactly(10_000L);

    StubHttpServer.Request upload = stub.server().received("POST", "/v2/upload").getFirst();
    assertThat(upload.header("authorization")).isEqualTo(KEY);
    assertThat(upload.header("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(upload.body()).isEqualTo(Files.readAllBytes(dir.resolve("speech.wav")));
    JsonNode submitted =
        Json.MAPPER.readTree(stub.server().received("POST", "/v2/transcript").getFirst().body());
    assertThat(submitted.path("audio_url").asString()).startsWith(stub.baseUrl() + "/cdn/upload/");
    assertThat(submitted.path("language_code").asString()).isEqualTo("en_us");
    // queued on submit, processing at the first poll, completed at the second, a wait between.
    assertThat(stub.polls()).isEqualTo(2);
    assertThat(vendor.waits).containsExactly(Duration.ofSeconds(2));
    ProviderCall call = vendor.costs.calls().getLast();
    assertThat(call.provider()).isEqualTo("assemblyai");
    assertThat(call.quantity()).isEqualTo(10);
  }

  @Test
  void aFailedTranscriptCarriesAssemblyAisReason() {
    stub.failNextJobs(1, "Audio duration is too short.");
    assertThatThrownBy(() -> assembly(options()).transcribe(request("en-US"), m -> {}))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR);
              assertThat(e.retryable()).isFalse();
            })
        .hasMessageContaining("Audio duration is too short.");
  }

  @Test
  void aWrongKeyOrAnUnknownLanguageIsRefused() {
    assertThatThrownBy(
            () -> assembly(options().setApiKey("wrong")).transcribe(request("en-US"), m -> {}))
        .isInstanceOfSatisfying(ReelForgeException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("Authentication error");
    assertThatThrownBy(() -> assembly(options()).transcribe(request("xx-YY"), m -> {}))
        .hasMessageContaining("HTTP 400")
        .hasMessageContaining("language_code 'xx' is not supported");
  }

  @Test
  void busyAnswersAreRetriedAndAStuckTranscriptTimesOut() {
    stub.rateLimitNextSubmits(1);
    assertThat(assembly(options()).transcribe(request("en"), m -> {}).words()).isNotEmpty();
    assertThat(stub.submissions()).isEqualTo(1);

    stub.pollsToFinish(1_000);
    assertThatThrownBy(
            () ->
                assembly(
                        options()
                            .setPollEvery(Duration.ofMinutes(1))
                            .setDeadline(Duration.ofMinutes(5)))
                    .transcribe(request("en-US"), m -> {}))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_TIMEOUT);
              assertThat(e.retryable()).isTrue();
            });
  }

  @Test
  void languagesMapOntoAssemblyAisCodes() {
    assertThat(AssemblyAiTranscriber.languageCode("en-US")).isEqualTo("en_us");
    assertThat(AssemblyAiTranscriber.languageCode("en-GB")).isEqualTo("en_uk");
    assertThat(AssemblyAiTranscriber.languageCode("de-DE")).isEqualTo("de");
    assertThat(AssemblyAiTranscriber.languageCode("fr")).isEqualTo("fr");
  }
}
