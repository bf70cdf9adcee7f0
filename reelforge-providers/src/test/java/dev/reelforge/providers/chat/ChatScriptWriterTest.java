package dev.reelforge.providers.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.script.InputKind;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptOrigin;
import dev.reelforge.core.script.ScriptRequest;
import dev.reelforge.core.script.ScriptWriter;
import dev.reelforge.providers.stub.ChatStub;
import dev.reelforge.providers.stub.ProtocolFailures;
import dev.reelforge.providers.stub.StubServer;
import dev.reelforge.testkit.script.ScriptWriterContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChatScriptWriterTest extends ScriptWriterContract {

  private final StubServer stub = new StubServer(new ChatStub());
  private final ChatScriptWriter writer = writer("sk-test", StructuredOutput.JSON_SCHEMA);

  private ChatScriptWriter writer(String key, StructuredOutput output) {
    return ChatFactory.scriptWriter(
        ChatOptions.newBuilder()
            .setBaseUrl(stub.baseUrl() + "/v1")
            .setApiKey(key)
            .setModel("gpt-4o-mini")
            .setStructuredOutput(output)
            .setTemperature(0.7)
            .setResilience(StubServer.fastOptions())
            .build(),
        stub.context());
  }

  @BeforeEach
  void answer() {
    stub.wireMock.stubFor(endpoint().willReturn(written()));
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  static MappingBuilder endpoint() {
    return post("/v1/chat/completions");
  }

  static ResponseDefinitionBuilder written() {
    return aResponse().withStatus(200).withTransformers(ChatStub.NAME);
  }

  @Override
  protected ScriptWriter writer() {
    return writer;
  }

  @Test
  void theRequestAsksForStrictStructuredOutput() {
    Script script = writer.write(ScriptRequest.of(PARAGRAPH, InputKind.PARAGRAPH));
    assertThat(script.origin()).isEqualTo(ScriptOrigin.GENERATED);
    assertThat(script.writer()).isEqualTo("chat/gpt-4o-mini");
    assertThat(script.beats().getFirst().shot()).startsWith("A cinematic shot of");
    stub.wireMock.verify(
        postRequestedFor(urlEqualTo("/v1/chat/completions"))
            .withHeader("Authorization", equalTo("Bearer sk-test"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
            .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
            .withRequestBody(
                matchingJsonPath("$.messages[1].content", containing("Moon is drifting")))
            .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
            .withRequestBody(
                matchingJsonPath("$.response_format.json_schema.strict", equalTo("true")))
            .withRequestBody(
                matchingJsonPath(
                    "$.response_format.json_schema.schema.properties.beats.items.required",
                    containing("keywords"))));
  }

  @Test
  void aServerWithoutAKeyGetsNoAuthorizationHeaderAndJsonModeCarriesTheSchemaInThePrompt() {
    ChatScriptWriter ollama = writer("", StructuredOutput.JSON_OBJECT);
    ollama.write(ScriptRequest.of(PARAGRAPH, InputKind.PARAGRAPH));
    stub.wireMock.verify(
        postRequestedFor(urlEqualTo("/v1/chat/completions"))
            .withHeader("Authorization", absent())
            .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_object")))
            .withRequestBody(matchingJsonPath("$.messages[0].content", containing("\"beats\""))));
  }

  @Test
  void aScriptOutsideTheLimitsIsSentBackOnceWithTheProblems() {
    String tooLong =
        "{\"title\":\"T\",\"beats\":[{\"text\":\""
            + "word ".repeat(40)
            + "\",\"keywords\":[\"moon\"],\"shot\":\"moon\"},{\"text\":\"Bye.\",\"keywords\":[\"moon\"],"
            + "\"shot\":\"moon\"}],\"description\":\"d\",\"hashtags\":[\"moon\"]}";
    stub.wireMock.resetAll();
    stub.wireMock.stubFor(
        endpoint()
            .inScenario("repair")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withBody(ChatStub.completion("gpt-4o-mini", tooLong, 100)))
            .willSetStateTo("asked again"));
    stub.wireMock.stubFor(
        endpoint().inScenario("repair").whenScenarioStateIs("asked again").willReturn(written()));
    Script script = writer.write(ScriptRequest.of(PARAGRAPH, InputKind.PARAGRAPH));
    assertWellFormed(script);
    stub.wireMock.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    stub.wireMock.verify(
        postRequestedFor(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(matchingJsonPath("$.messages[3].content", containing("at most 160"))));
    assertThat(stub.costs.calls()).hasSize(2);
  }

  @Test
  void aRefusalIsAPermanentScriptFailureWithTheModelsWords() {
    stub.wireMock.resetAll();
    stub.wireMock.stubFor(
        endpoint()
            .willReturn(
                aResponse()
                    .withBody(
                        "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
                            + "\"refusal\":\"I can't help with that.\"},\"finish_reason\":\"stop\"}],"
                            + "\"usage\":{\"total_tokens\":12}}")));
    assertThatThrownBy(() -> writer.write(ScriptRequest.of(PARAGRAPH, InputKind.PARAGRAPH)))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.SCRIPT_GENERATION_FAILED);
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).contains("I can't help with that.");
            });
  }

  @Test
  void tokensAreMetered() {
    writer.write(ScriptRequest.of(PARAGRAPH, InputKind.PARAGRAPH));
    var call = stub.costs.calls().getLast();
    assertThat(call.unit()).isEqualTo("tokens");
    assertThat(call.quantity()).isPositive();
    assertThat(call.estimatedUsd()).isPositive();
  }

  @Test
  void manualScriptsNeverReachTheModel() {
    writer.write(ScriptRequest.of("One line.\nTwo lines.", InputKind.MANUAL));
    stub.wireMock.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
  }

  @Nested
  class Failures extends ProtocolFailures {
    Failures() {
      super(
          stub,
          () -> ChatScriptWriterTest.endpoint(),
          () -> postRequestedFor(urlEqualTo("/v1/chat/completions")),
          () -> written(),
          () -> writer.write(ScriptRequest.of(PARAGRAPH, InputKind.PARAGRAPH)));
    }
  }
}
