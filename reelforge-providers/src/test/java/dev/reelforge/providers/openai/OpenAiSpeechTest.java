package dev.reelforge.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.reelforge.core.cost.ProviderCall;
import dev.reelforge.core.speech.SpeechRequest;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.speech.SynthesizedSpeech;
import dev.reelforge.core.speech.TextNormalizer;
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

class OpenAiSpeechTest extends SpeechSynthesizerContract {

  private final StubServer stub = new StubServer(new SpeechStub());
  private final OpenAiSpeech speech =
      OpenAiFactory.speech(OpenAiTests.options(stub), stub.context());

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
    return post("/v1/audio/speech");
  }

  static ResponseDefinitionBuilder spoken() {
    return aResponse().withStatus(200).withTransformers(SpeechStub.NAME);
  }

  @Test
  void theRequestIsOpenAisDocumentedShapeWithTheNormalisedText(@TempDir Path dir) {
    speech.synthesize(SpeechRequest.of("It costs $5 today."), dir.resolve("a.wav"));
    stub.wireMock.verify(
        postRequestedFor(urlEqualTo("/v1/audio/speech"))
            .withHeader("Authorization", equalTo("Bearer sk-test"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"model\":\"gpt-4o-mini-tts\",\"input\":\""
                        + TextNormalizer.normalize("It costs $5 today.")
                        + "\",\"voice\":\"alloy\",\"response_format\":\"pcm\",\"speed\":1.0}")));
  }

  @Test
  void pausesBetweenSentencesFallBetweenTheRightWords(@TempDir Path dir) {
    SynthesizedSpeech result =
        speech.synthesize(
            SpeechRequest.of("The tide comes in twice a day. Nobody can stop it."),
            dir.resolve("p.wav"));
    List<WordTiming> words = result.words();
    int boundary = 7; // "day." ends the first sentence
    assertThat(words.get(boundary - 1).text()).isEqualTo("day.");
    long sentenceGap = words.get(boundary).startMillis() - words.get(boundary - 1).endMillis();
    for (int i = 1; i < words.size(); i++) {
      if (i != boundary) {
        assertThat(words.get(i).startMillis() - words.get(i - 1).endMillis())
            .as("gap before " + words.get(i).text())
            .isLessThanOrEqualTo(sentenceGap);
      }
    }
    assertThat(sentenceGap).isGreaterThanOrEqualTo(100);
  }

  @Test
  void eachCallIsMeteredByCharacters(@TempDir Path dir) {
    speech.synthesize(SpeechRequest.of("Short and sweet."), dir.resolve("c.wav"));
    ProviderCall call = stub.costs.calls().getLast();
    assertThat(call.provider()).isEqualTo("openai");
    assertThat(call.unit()).isEqualTo("characters");
    assertThat(call.quantity()).isEqualTo(TextNormalizer.normalize("Short and sweet.").length());
    assertThat(call.estimatedUsd()).isPositive();
    assertThat(call.attempts()).isEqualTo(1);
  }

  @Nested
  class Failures extends ProtocolFailures {
    Failures() {
      super(
          stub,
          () -> OpenAiSpeechTest.endpoint(),
          () -> postRequestedFor(urlEqualTo("/v1/audio/speech")),
          () -> spoken(),
          () ->
              speech.synthesize(
                  SpeechRequest.of("Hello there."), Path.of("target", "failures.wav")));
    }
  }
}
