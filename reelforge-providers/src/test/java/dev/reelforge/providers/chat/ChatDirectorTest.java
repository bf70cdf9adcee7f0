package dev.reelforge.providers.chat;

import static dev.reelforge.providers.videogen.VideoVendorContext.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.brand.Director.Revision;
import dev.reelforge.core.brand.DirectorBrief;
import dev.reelforge.core.brand.SceneScript;
import dev.reelforge.core.brand.YellowContext;
import dev.reelforge.core.brand.YellowContext.Message;
import dev.reelforge.core.brand.YellowContext.PromptAttempt;
import dev.reelforge.core.cost.ProviderCall;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.providers.brandvision.BrandAnalyses;
import dev.reelforge.providers.brandvision.BrandPictures;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.videogen.VideoVendorContext;
import dev.reelforge.testkit.brand.stub.ChatDirectorStub;
import dev.reelforge.testkit.brand.stub.ChatDirectorStub.Flaw;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChatDirectorTest {

  private static final String KEY = "sk-director";

  private final VideoVendorContext cloud = new VideoVendorContext();
  private ChatDirectorStub stub = ChatDirectorStub.openAi(KEY);

  @AfterEach
  void stop() {
    stub.close();
  }

  private ChatDirector director(String model, StructuredOutput output) {
    return ChatFactory.director(
        ChatOptions.newBuilder()
            .setBaseUrl(stub.baseUrl())
            .setApiKey(KEY)
            .setModel(model)
            .setStructuredOutput(output)
            .setResilience(VideoVendorContext.resilience())
            .build(),
        cloud.context());
  }

  private ChatDirector openAi() {
    return director("gpt-4o-mini", StructuredOutput.JSON_SCHEMA);
  }

  private ChatDirector deepSeek(StructuredOutput output) {
    stub.close();
    stub = ChatDirectorStub.deepSeek(KEY);
    return director(ChatOptions.DEEPSEEK_MODEL, output);
  }

  private static DirectorBrief brief(int scenes) {
    return new DirectorBrief(
        BrandAnalyses.orangeDisc(),
        Optional.of("https://cdn.example.com/ref.png"),
        Optional.of("cinematic film grain"),
        scenes,
        42);
  }

  private static JsonNode userPayload(JsonNode request) {
    return Json.MAPPER.readTree(request.path("messages").path(1).path("content").asString());
  }

  @Test
  void aStoryboardIsAskedForInStrictJsonAndComesBackAsScenes() {
    List<SceneScript> scenes = openAi().storyboard(brief(3));

    assertThat(scenes).hasSize(3);
    assertThat(scenes).extracting(SceneScript::invariantToken).containsOnly("the orange disc");
    assertThat(scenes).extracting(SceneScript::cameraMovement).doesNotHaveDuplicates();
    assertThat(scenes.getFirst().cinematographyPrompt())
        .contains(BrandAnalyses.ESSENCE)
        .contains(BrandPictures.ORANGE)
        .contains("cinematic film grain");

    assertThat(stub.received().getLast().header("Authorization")).isEqualTo("Bearer " + KEY);
    JsonNode request = stub.requests().getLast();
    JsonNode format = request.path("response_format");
    assertThat(format.path("type").asString()).isEqualTo("json_schema");
    assertThat(format.path("json_schema").path("name").asString()).isEqualTo("storyboard");
    assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
    JsonNode scene = format.path("json_schema").path("schema").path("properties").path("scenes");
    assertThat(scene.path("items").path("required").valueStream().map(JsonNode::asString))
        .containsExactly(
            "sequence_index",
            "cinematography_prompt",
            "camera_movement",
            "lighting_notes",
            "invariant_token",
            "caption");
    JsonNode payload = userPayload(request);
    assertThat(payload.path("scene_count").asInt()).isEqualTo(3);
    assertThat(payload.path("brand_essence_prompt").asString()).isEqualTo(BrandAnalyses.ESSENCE);
    assertThat(payload.path("color_palette").valueStream().map(JsonNode::asString))
        .containsExactly(BrandPictures.WHITE, BrandPictures.ORANGE);
    assertThat(payload.path("style_reference_url").asString())
        .isEqualTo("https://cdn.example.com/ref.png");
    ProviderCall call = cloud.costs.calls().getLast();
    assertThat(call.provider()).isEqualTo("chat");
    assertThat(call.operation()).isEqualTo("director");
    assertThat(call.quantity()).isPositive();
  }

  @Test
  void deepSeekGetsJsonModeWithTheSchemaInThePromptAndRefusesSchemas() {
    List<SceneScript> scenes = deepSeek(StructuredOutput.JSON_OBJECT).storyboard(brief(4));
    assertThat(scenes).hasSize(4);
    JsonNode request = stub.requests().getLast();
    assertThat(stub.received().getLast().path()).isEqualTo("/chat/completions");
    assertThat(request.path("model").asString()).isEqualTo("deepseek-chat");
    assertThat(request.path("response_format").path("type").asString()).isEqualTo("json_object");
    assertThat(request.path("messages").path(0).path("content").asString())
        .contains("JSON")
        .contains("\"cinematography_prompt\"");

    ChatDirector schemaOnDeepSeek =
        director(ChatOptions.DEEPSEEK_MODEL, StructuredOutput.JSON_SCHEMA);
    failsWith(
        () -> schemaOnDeepSeek.storyboard(brief(3)),
        ErrorCode.EXTERNAL_API_ERROR,
        false,
        "HTTP 400",
        "response_format type is unavailable");
  }

  @Test
  void aShortStoryboardIsSentBackOnceWithTheProblem() {
    stub.flawNext(1, Flaw.TOO_FEW_SCENES);
    List<SceneScript> scenes = openAi().storyboard(brief(3));
    assertThat(scenes).hasSize(3);
    List<JsonNode> requests = stub.requests();
    assertThat(requests).hasSize(2);
    JsonNode messages = requests.get(1).path("messages");
    assertThat(messages).hasSize(4);
    assertThat(messages.path(2).path("role").asString()).isEqualTo("assistant");
    assertThat(messages.path(3).path("content").asString())
        .contains("scenes holds 2 scenes, not 3");
  }

  @Test
  void anEmptyAnswerFromDeepSeeksJsonModeIsAskedAgain() {
    ChatDirector director = deepSeek(StructuredOutput.JSON_OBJECT);
    stub.flawNext(1, Flaw.EMPTY);
    assertThat(director.storyboard(brief(3))).hasSize(3);
    assertThat(stub.requests()).hasSize(2);
    assertThat(stub.requests().get(1).path("messages").path(2).path("content").asString())
        .contains("empty or cut off");
  }

  @Test
  void twoAnswersThatDoNotFitAreAClearRetryableProviderError() {
    stub.flawNext(2, Flaw.NOT_JSON);
    failsWith(
        () -> openAi().storyboard(brief(3)),
        ErrorCode.EXTERNAL_API_ERROR,
        true,
        "chat director (gpt-4o-mini)",
        "storyboard twice",
        "not JSON");
    stub.flawNext(2, Flaw.BLANK_FIELD);
    failsWith(
        () -> openAi().storyboard(brief(3)),
        ErrorCode.EXTERNAL_API_ERROR,
        true,
        "scenes[2]",
        "camera_movement must not be blank");
    stub.flawNext(2, Flaw.CUT_OFF);
    failsWith(
        () -> openAi().storyboard(brief(3)), ErrorCode.EXTERNAL_API_ERROR, true, "token limit");
    assertThat(stub.requests()).hasSize(6);
  }

  @Test
  void aYellowEditSendsSeed001sContextPayloadAndKeepsTheAnchor() {
    SceneScript current =
        new SceneScript(
            "Wide establishing shot of an orange disc on white",
            "slow push-in",
            "high-key daylight",
            "the orange disc",
            "Meet the brand");
    Instant t0 = Instant.parse("2026-11-21T12:00:00Z");
    YellowContext context =
        new YellowContext(
            BrandAnalyses.ESSENCE,
            Optional.of("https://cdn.example.com/ref.png"),
            current,
            0,
            List.of(
                new Message("user", "Make it moodier", t0),
                new Message("assistant", "Lowered the key light.", t0.plusSeconds(5))),
            List.of(),
            List.of(new PromptAttempt("an older prompt", "https://cdn.example.com/p0.png", null)),
            "Make it warmer",
            List.of(BrandPictures.WHITE, BrandPictures.ORANGE));

    stub.flawNext(1, Flaw.MOVED_ANCHOR);
    Revision revision = openAi().revise(context);

    assertThat(revision.scene().lightingNotes()).contains("warm");
    assertThat(revision.scene().cinematographyPrompt()).contains("Make it warmer");
    assertThat(revision.scene().invariantToken())
        .as("the anchor stays whatever the model wrote")
        .isEqualTo("the orange disc");
    assertThat(revision.reply()).contains("Make it warmer").contains("turn 2");

    JsonNode request = stub.requests().getLast();
    assertThat(request.path("response_format").path("json_schema").path("name").asString())
        .isEqualTo("scene_revision");
    assertThat(request.path("messages").path(0).path("content").asString())
        .contains(BrandPictures.ORANGE);
    JsonNode payload = userPayload(request);
    assertThat(payload.propertyNames())
        .containsExactly(
            "brand_essence_prompt",
            "style_reference_url",
            "current_scene",
            "conversation_history",
            "user_assets",
            "prompt_history",
            "user_feedback");
    assertThat(payload.path("current_scene").path("camera_movement").asString())
        .isEqualTo("slow push-in");
    assertThat(payload.path("current_scene").path("sequence_index").asInt()).isZero();
    assertThat(payload.path("conversation_history")).hasSize(2);
    assertThat(payload.path("conversation_history").path(1).path("timestamp").asString())
        .isEqualTo("2026-11-21T12:00:05Z");
    assertThat(payload.path("prompt_history").path(0).path("feedback").isNull()).isTrue();
    assertThat(payload.path("user_feedback").asString()).isEqualTo("Make it warmer");
  }

  @Test
  void aRedRerollIsADifferentTakeAndARepeatIsSentBack() {
    SceneScript previous = openAi().storyboard(brief(3)).get(1);
    stub.flawNext(1, Flaw.SAME_TAKE);
    SceneScript rerolled = openAi().reroll(brief(3), 1, previous, 2);
    assertThat(rerolled.cinematographyPrompt())
        .isNotEqualTo(previous.cinematographyPrompt())
        .startsWith("Take 2:");
    assertThat(rerolled.cameraMovement()).isNotEqualTo(previous.cameraMovement());
    List<JsonNode> requests = stub.requests();
    assertThat(requests).hasSize(3);
    JsonNode payload = userPayload(requests.get(1));
    assertThat(payload.path("sequence_index").asInt()).isEqualTo(1);
    assertThat(payload.path("attempt").asInt()).isEqualTo(2);
    assertThat(payload.path("previous_scene").path("cinematography_prompt").asString())
        .isEqualTo(previous.cinematographyPrompt());
    assertThat(requests.get(2).path("messages").path(3).path("content").asString())
        .contains("repeats the previous take");
  }

  @Test
  void aRefusalIsContentRefusedAndServerErrorsEndRetryable() {
    stub.refuseNext("I can't write that.");
    failsWith(
        () -> openAi().storyboard(brief(3)),
        ErrorCode.CONTENT_REFUSED,
        false,
        "I can't write that.");
    stub.failNext(3, 503);
    failsWith(() -> openAi().storyboard(brief(3)), ErrorCode.EXTERNAL_API_ERROR, true, "503");
    assertThat(stub.requests()).hasSize(4);
  }
}
