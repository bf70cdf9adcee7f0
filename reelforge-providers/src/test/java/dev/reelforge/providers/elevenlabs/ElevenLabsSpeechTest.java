package dev.reelforge.providers.elevenlabs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.reelforge.core.speech.SpeechRequest;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.speech.SynthesizedSpeech;
import dev.reelforge.core.speech.WordTiming;
import dev.reelforge.providers.stub.ProtocolFailures;
import dev.reelforge.providers.stub.SpeechStub;
import dev.reelforge.providers.stub.SpokenAudio;
import dev.reelforge.providers.stub.StubServer;
import dev.reelforge.testkit.speech.SpeechSynthesizerContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElevenLabsSpeechTest extends SpeechSynthesizerContract {

  private static final String PATH = "/v1/text-to-speech/voice-123/with-timestamps";

  private final StubServer stub = new StubServer(new SpeechStub());
  private final ElevenLabsSpeech speech =
      ElevenLabsFactory.speech(
          ElevenLabsOptions.newBuilder()
              .setBaseUrl(stub.baseUrl())
              .setApiKey("xi-test")
              .setModel("eleven_multilingual_v2")
              .setVoiceId("voice-123")
              .setResilience(StubServer.fastOptions())
              .build(),
          stub.context());

  @org.junit.jupiter.api.BeforeAll
  static void startTheVoiceBehindTheStub() {
    // MaryTTS takes seconds to start; the stub must answer within the adapter's timeout.
    SpokenAudio.say("Warm up.", 1.0);
  }

  @BeforeEach
  void speak() {
    stub.wireMock.stubFor(endpoint().willReturn(spoken()));
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Override
  protected SpeechSynthesizer synthesizer() {
    return speech;
  }

  static MappingBuilder endpoint() {
    return post(urlPathEqualTo(PATH));
  }

  static ResponseDefinitionBuilder spoken() {
    return aResponse().withStatus(200).withTransformers(SpeechStub.NAME);
  }

  @Test
  void theRequestIsElevenLabsDocumentedShape(@TempDir Path dir) {
    speech.synthesize(
        new SpeechRequest("Slow down a little.", java.util.Optional.empty(), 0.5, 0),
        dir.resolve("a.wav"));
    stub.wireMock.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withQueryParam("output_format", equalTo("pcm_24000"))
            .withHeader("xi-api-key", equalTo("xi-test"))
            .withRequestBody(matchingJsonPath("$.text", equalTo("Slow down a little.")))
            .withRequestBody(matchingJsonPath("$.model_id", equalTo("eleven_multilingual_v2")))
            // ElevenLabs accepts 0.7–1.2: a rate of 0.5 is clamped, not sent to be refused.
            .withRequestBody(matchingJsonPath("$.voice_settings.speed", equalTo("0.7"))));
  }

  @Test
  void characterAlignmentBecomesTheSameWordTimesTheVoiceUsed(@TempDir Path dir) {
    String text = "The tide comes in twice a day.";
    SynthesizedSpeech result = speech.synthesize(SpeechRequest.of(text), dir.resolve("t.wav"));
    List<WordTiming> truth = SpokenAudio.say(text, 1.0).words();
    assertThat(result.words()).hasSameSizeAs(truth);
    for (int i = 0; i < truth.size(); i++) {
      assertThat(result.words().get(i).startMillis())
          .isCloseTo(truth.get(i).startMillis(), org.assertj.core.api.Assertions.within(2L));
      assertThat(result.words().get(i).endMillis())
          .isCloseTo(truth.get(i).endMillis(), org.assertj.core.api.Assertions.within(2L));
    }
  }

  @Test
  void characterAlignmentGroupsWordsAtSpaces() {
    List<WordTiming> words =
        CharacterAlignment.words(
            List.of("H", "i", " ", "y", "o", "u", "!"),
            new double[] {0.0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4},
            new double[] {0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5});
    assertThat(words)
        .containsExactly(new WordTiming("Hi", 0, 200), new WordTiming("you!", 250, 500));
  }

  @Nested
  class Failures extends ProtocolFailures {
    Failures() {
      super(
          stub,
          () -> ElevenLabsSpeechTest.endpoint(),
          () -> postRequestedFor(urlPathEqualTo(PATH)),
          () -> spoken(),
          () ->
              speech.synthesize(
                  SpeechRequest.of("Hello there."), Path.of("target", "failures.wav")));
    }
  }
}
