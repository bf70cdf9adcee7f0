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
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.PostMetadata;
import dev.reelforge.core.script.CopyRequest;
import dev.reelforge.core.script.InputKind;
import dev.reelforge.core.script.PlatformCopy;
import dev.reelforge.core.script.PostCopy;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptOrigin;
import dev.reelforge.core.script.ScriptRequest;
import dev.reelforge.core.script.ScriptWriter;
import dev.reelforge.providers.stub.ChatStub;
import dev.reelforge.providers.stub.ProtocolFailures;
import dev.reelforge.providers.stub.StubServer;
import dev.reelforge.testkit.script.ScriptWriterContract;
import java.util.List;
import java.util.stream.IntStream;
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

  private static final String NARRATION =
      "Honeybees dance to tell each other where the flowers are. A waggle run points at the food,"
          + " its length says how far. The hive follows the best dancer.";

  @Test
  void thePostCopyIsOneCallForThePlatformAndLocaleFittedToItsLimits() {
    List<String> fortyTags = IntStream.rangeClosed(1, 40).mapToObj(i -> "tag" + i).toList();
    PostCopy copy =
        writer.copyFor(
            new CopyRequest("Bee dances", NARRATION, fortyTags, Platform.INSTAGRAM, "de-DE"));
    stub.wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    stub.wireMock.verify(
        postRequestedFor(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(
                matchingJsonPath("$.response_format.json_schema.name", equalTo("post_copy")))
            .withRequestBody(
                matchingJsonPath(
                    "$.response_format.json_schema.schema.properties.hashtags.description",
                    containing("At most 30")))
            .withRequestBody(matchingJsonPath("$.messages[0].content", containing("instagram")))
            .withRequestBody(matchingJsonPath("$.messages[0].content", containing("de-DE")))
            .withRequestBody(matchingJsonPath("$.messages[1].content", containing("tag40"))));
    assertThat(copy.writer()).isEqualTo("chat/gpt-4o-mini");
    // The stub answers with all 40 tags and the platform's name: the adapter keeps 30.
    assertThat(copy.metadata().hashtags()).hasSize(30).startsWith("tag1");
    assertThat(copy.notice()).contains("11 hashtags were left out");
    assertThat(copy.metadata().locale()).isEqualTo("de-DE");
    assertThat(copy.metadata().title()).isEqualTo("Bee dances");
    assertThat(copy.metadata().violations(Platform.INSTAGRAM, "metadata")).isEmpty();
    assertThat(stub.costs.calls().getLast().unit()).isEqualTo("tokens");
  }

  @Test
  void aLongDescriptionFromTheModelIsCutToYouTubesFiveThousand() {
    String narration = "Bees. " + "word ".repeat(1_200);
    PostCopy copy =
        writer.copyFor(new CopyRequest("Bees", narration, List.of("bees"), Platform.YOUTUBE, "en"));
    assertThat(copy.writer()).isEqualTo("chat/gpt-4o-mini");
    assertThat(copy.metadata().description().length()).isBetween(4_900, 5_000);
    assertThat(copy.metadata().hashtags()).containsExactly("bees", "youtube");
    assertThat(copy.notice()).contains("shortened to fit youtube's 5,000");
  }

  @Test
  void hashtagsTheModelWroteIntoTheDescriptionAreMovedToTheHashtags() {
    answerWith(
        "{\"title\":\"Bees\",\"description\":\"They dance.\\n#bees #hive\",\"hashtags\":[\"honey\"]}");
    PostCopy copy =
        writer.copyFor(new CopyRequest("Bees", NARRATION, List.of(), Platform.FACEBOOK, "en"));
    assertThat(copy.metadata().description()).isEqualTo("They dance.");
    assertThat(copy.metadata().hashtags()).containsExactly("honey", "bees", "hive");
    assertThat(copy.metadata().caption(Platform.FACEBOOK))
        .isEqualTo("They dance.\n\n#honey #bees #hive");
  }

  @Test
  void anUnusableAnswerFallsBackToTheDerivedCopyWithANotice() {
    CopyRequest request =
        new CopyRequest("Bee dances", NARRATION, List.of("bees"), Platform.TIKTOK, "es");
    PostMetadata derived = PlatformCopy.derive(request, "any").metadata();
    for (String garbage :
        List.of(
            "Sure! Here is your caption: bees are great",
            "{\"title\":5,\"description\":\"d\",\"hashtags\":[]}",
            "{\"title\":\"t\",\"description\":\"d\",\"hashtags\":[1,2]}",
            "[\"bees\"]",
            "{\"title\":\"\",\"description\":\"\",\"hashtags\":[\"bees\"]}")) {
      answerWith(garbage);
      PostCopy copy = writer.copyFor(request);
      assertThat(copy.metadata()).as(garbage).isEqualTo(derived);
      assertThat(copy.metadata().locale()).isEqualTo("es");
      assertThat(copy.writer()).isEqualTo(ChatScriptWriter.NAME);
      assertThat(copy.notice())
          .as(garbage)
          .startsWith("The language model's copy for tiktok was unusable");
    }
  }

  @Test
  void youTubeCopyWithoutATitleFallsBack() {
    answerWith("{\"title\":\" \",\"description\":\"They dance.\",\"hashtags\":[\"bees\"]}");
    PostCopy copy =
        writer.copyFor(new CopyRequest("Bee dances", NARRATION, List.of(), Platform.YOUTUBE, "en"));
    assertThat(copy.metadata().title()).isEqualTo("Bee dances");
    assertThat(copy.notice()).contains("no title, which youtube requires");
  }

  @Test
  void aRefusalFallsBackToo() {
    stub.wireMock.resetAll();
    stub.wireMock.stubFor(
        endpoint()
            .willReturn(
                aResponse()
                    .withBody(
                        "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
                            + "\"refusal\":\"No.\"},\"finish_reason\":\"stop\"}],"
                            + "\"usage\":{\"total_tokens\":12}}")));
    PostCopy copy =
        writer.copyFor(new CopyRequest("Bee dances", NARRATION, List.of(), Platform.TIKTOK, "en"));
    assertThat(copy.notice()).contains("refused to write this post copy: No.");
  }

  private void answerWith(String content) {
    stub.wireMock.resetAll();
    stub.wireMock.stubFor(
        endpoint()
            .willReturn(aResponse().withBody(ChatStub.completion("gpt-4o-mini", content, 10))));
  }

  /** The service's own failures are not unusable answers: they are thrown, to be retried. */
  @Nested
  class CopyFailures extends ProtocolFailures {
    CopyFailures() {
      super(
          stub,
          () -> ChatScriptWriterTest.endpoint(),
          () -> postRequestedFor(urlEqualTo("/v1/chat/completions")),
          () -> written(),
          () ->
              writer.copyFor(new CopyRequest("Bees", NARRATION, List.of(), Platform.TIKTOK, "en")));
    }
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
