package dev.reelforge.providers.gemini;

import static dev.reelforge.providers.videogen.VideoVendorContext.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.BrandAnalysis.Role;
import dev.reelforge.core.cost.ProviderCall;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.providers.brandvision.BrandAnswerSchema;
import dev.reelforge.providers.brandvision.BrandPictures;
import dev.reelforge.providers.videogen.VideoVendorContext;
import dev.reelforge.testkit.brand.stub.GeminiStub;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class GeminiBrandAnalyzerTest {

  private static final String KEY = "AIza-test-key";

  private final GeminiStub stub = new GeminiStub(KEY);
  private final VideoVendorContext cloud = new VideoVendorContext();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    stub.close();
  }

  private GeminiBrandAnalyzer gemini(String key, String model) {
    return GeminiFactory.analyzer(
        GeminiOptions.newBuilder()
            .setBaseUrl(stub.baseUrl())
            .setApiKey(key)
            .setModel(model)
            .setResilience(VideoVendorContext.resilience())
            .build(),
        cloud.context());
  }

  private GeminiBrandAnalyzer gemini() {
    return gemini(KEY, GeminiOptions.DEFAULT_MODEL);
  }

  @Test
  void theImageGoesInlineWithTheKeyAndASchemaAndComesBackAsAnAnalysis() throws IOException {
    Path logo = BrandPictures.logo(dir);
    BrandAnalysis analysis = gemini().analyze(logo);

    Request request = stub.received().getLast();
    assertThat(request.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
    assertThat(request.header("x-goog-api-key")).isEqualTo(KEY);
    assertThat(request.query()).as("the key travels in the header only").isNull();
    JsonNode body = stub.lastRequest();
    JsonNode inline = body.path("contents").path(0).path("parts").path(0).path("inline_data");
    assertThat(inline.path("mime_type").asString()).isEqualTo("image/png");
    assertThat(Base64.getDecoder().decode(inline.path("data").asString()))
        .isEqualTo(Files.readAllBytes(logo));
    assertThat(body.path("contents").path(0).path("parts").path(1).path("text").asString())
        .isEqualTo(BrandAnswerSchema.TASK);
    assertThat(body.path("system_instruction").path("parts").path(0).path("text").asString())
        .contains("integrity");
    JsonNode config = body.path("generationConfig");
    assertThat(config.path("responseMimeType").asString()).isEqualTo("application/json");
    JsonNode schema = config.path("responseSchema");
    assertThat(schema.path("type").asString()).isEqualTo("OBJECT");
    assertThat(schema.path("required").valueStream().map(JsonNode::asString))
        .containsExactly(
            "palette",
            "scores",
            "integrity_reason",
            "brand_essence_prompt",
            "invariant_elements",
            "text_seen",
            "mood");
    assertThat(schema.path("properties").path("scores").path("required")).hasSize(4);
    assertThat(schema.findValues("additionalProperties"))
        .as("Gemini's schema has no additionalProperties")
        .isEmpty();

    assertThat(analysis.paletteHex()).containsExactly(BrandPictures.WHITE, BrandPictures.ORANGE);
    assertThat(analysis.palette().get(0).role()).isEqualTo(Role.BACKGROUND);
    assertThat(analysis.palette().get(1).role()).isEqualTo(Role.SUBJECT);
    assertThat(analysis.scores().physics()).isEqualTo(0.82);
    assertThat(analysis.scores().integrity()).isEqualTo(0.9);
    assertThat(analysis.flagged()).isFalse();
    assertThat(analysis.quality().width()).isEqualTo(BrandPictures.WIDTH);
    assertThat(analysis.quality().height()).isEqualTo(BrandPictures.HEIGHT);
    assertThat(analysis.brandEssencePrompt()).contains(BrandPictures.ORANGE).contains("Mood: ");
    assertThat(analysis.invariantElements()).hasSize(2);
    assertThat(analysis.analyzer()).isEqualTo("gemini/gemini-2.5-flash");

    ProviderCall call = cloud.costs.calls().getLast();
    assertThat(call.provider()).isEqualTo("gemini");
    assertThat(call.operation()).isEqualTo("brand-analysis");
    assertThat(call.unit()).isEqualTo("tokens");
    assertThat(call.quantity()).isGreaterThan(258);
  }

  @Test
  void integrityBelowTheFloorFlagsTheImageWithTheModelsReason() throws IOException {
    stub.answerScores(0.2, 0.3, 0.1, 0.25, "The image is almost entirely blank.");
    BrandAnalysis analysis = gemini().analyze(BrandPictures.logo(dir));
    assertThat(analysis.flagged()).isTrue();
    assertThat(analysis.flaggedReason().orElseThrow())
        .contains("integrity 0.25")
        .contains("almost entirely blank");
  }

  @Test
  void theLetteringTheModelReadsIsKept() throws IOException {
    stub.seeText("ACME ROASTERS");
    BrandAnalysis analysis = gemini().analyze(BrandPictures.logo(dir));
    assertThat(analysis.text().present()).isTrue();
    assertThat(analysis.text().text()).isEqualTo("ACME ROASTERS");
    assertThat(analysis.text().reader()).isEqualTo("gemini/gemini-2.5-flash");
  }

  @Test
  void aBlockedPromptOrASafetyStopIsContentRefused() throws IOException {
    Path logo = BrandPictures.logo(dir);
    stub.blockNextPrompt("PROHIBITED_CONTENT");
    failsWith(
        () -> gemini().analyze(logo),
        ErrorCode.CONTENT_REFUSED,
        false,
        "blockReason PROHIBITED_CONTENT");
    stub.stopNextForSafety();
    failsWith(
        () -> gemini().analyze(logo), ErrorCode.CONTENT_REFUSED, false, "finishReason SAFETY");
    assertThat(stub.received()).as("refusals are not retried").hasSize(2);
  }

  @Test
  void aMalformedOrCutOffAnswerIsARetryableProviderErrorThatSaysWhy() throws IOException {
    Path logo = BrandPictures.logo(dir);
    stub.answerNextMalformed();
    failsWith(
        () -> gemini().analyze(logo),
        ErrorCode.EXTERNAL_API_ERROR,
        true,
        "Gemini's brand analysis does not fit",
        "not JSON");
    stub.cutOffNext();
    failsWith(() -> gemini().analyze(logo), ErrorCode.EXTERNAL_API_ERROR, true, "token limit");
  }

  @Test
  void resourceExhaustedIsRetriedAndServerErrorsEndRetryable() throws IOException {
    Path logo = BrandPictures.logo(dir);
    stub.failNext(1, 429);
    assertThat(gemini().analyze(logo).paletteHex()).contains(BrandPictures.ORANGE);
    assertThat(stub.received()).hasSize(2);
    assertThat(cloud.waits).hasSize(1);

    stub.failNext(3, 503);
    failsWith(
        () -> gemini().analyze(logo), ErrorCode.EXTERNAL_API_ERROR, true, "503", "overloaded");
    assertThat(stub.received()).hasSize(5);
  }

  @Test
  void aWrongKeyOrModelIsRejectedAtOnceNamingWhatToFix() throws IOException {
    Path logo = BrandPictures.logo(dir);
    failsWith(
        () -> gemini("AIza-wrong", GeminiOptions.DEFAULT_MODEL).analyze(logo),
        ErrorCode.EXTERNAL_API_ERROR,
        false,
        "reelforge.providers.gemini.api-key");
    failsWith(
        () -> gemini(KEY, "gemini-0.1-nope").analyze(logo),
        ErrorCode.EXTERNAL_API_ERROR,
        false,
        "HTTP 404",
        "is not found");
    assertThat(stub.received()).hasSize(2);
  }

  @Test
  void aFileThatIsNotAPictureNeverReachesGemini() throws IOException {
    failsWith(
        () -> gemini().analyze(BrandPictures.notAPicture(dir)),
        ErrorCode.INVALID_INPUT,
        false,
        "not a PNG or JPEG");
    assertThat(stub.received()).isEmpty();
  }

  /** The stub holds Gemini's schema dialect: OpenAI's additionalProperties is an unknown field. */
  @Test
  void theStubRefusesASchemaInOpenAisDialectAsGeminiDoes() throws Exception {
    String body =
        "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}],\"generationConfig\":{"
            + "\"responseMimeType\":\"application/json\",\"responseSchema\":"
            + BrandAnswerSchema.jsonSchema()
            + "}}";
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(stub.baseUrl() + "/models/gemini-2.5-flash:generateContent"))
                    .header("x-goog-api-key", KEY)
                    .timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("INVALID_ARGUMENT")
        .contains("Unknown name \\\"additionalProperties\\\"");
  }
}
