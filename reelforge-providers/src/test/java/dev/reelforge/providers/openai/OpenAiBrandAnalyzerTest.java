package dev.reelforge.providers.openai;

import static dev.reelforge.providers.videogen.VideoVendorContext.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.cost.ProviderCall;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.providers.brandvision.BrandAnswerSchema;
import dev.reelforge.providers.brandvision.BrandPictures;
import dev.reelforge.providers.videogen.VideoVendorContext;
import dev.reelforge.testkit.brand.stub.OpenAiVisionStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class OpenAiBrandAnalyzerTest {

  private static final String KEY = "sk-test-vision";

  private final OpenAiVisionStub stub = new OpenAiVisionStub(KEY);
  private final VideoVendorContext cloud = new VideoVendorContext();
  private final OpenAiBrandAnalyzer openai =
      OpenAiFactory.brandAnalyzer(
          OpenAiOptions.newBuilder()
              .setBaseUrl(stub.baseUrl())
              .setApiKey(KEY)
              .setResilience(VideoVendorContext.resilience())
              .build(),
          cloud.context());

  @TempDir Path dir;

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void theImageGoesAsADataUrlWithAStrictSchemaAndComesBackAsAnAnalysis() throws IOException {
    Path logo = BrandPictures.logo(dir);
    BrandAnalysis analysis = openai.analyze(logo);

    assertThat(stub.received().getLast().path()).isEqualTo("/v1/chat/completions");
    assertThat(stub.received().getLast().header("Authorization")).isEqualTo("Bearer " + KEY);
    JsonNode body = stub.lastRequest();
    assertThat(body.path("model").asString()).isEqualTo(OpenAiOptions.DEFAULT_VISION_MODEL);
    assertThat(body.path("messages").path(0).path("role").asString()).isEqualTo("system");
    JsonNode parts = body.path("messages").path(1).path("content");
    assertThat(parts.path(0).path("type").asString()).isEqualTo("text");
    JsonNode image = parts.path(1);
    assertThat(image.path("type").asString()).isEqualTo("image_url");
    String url = image.path("image_url").path("url").asString();
    assertThat(url).startsWith("data:image/png;base64,");
    assertThat(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)))
        .isEqualTo(Files.readAllBytes(logo));
    assertThat(image.path("image_url").path("detail").asString()).isEqualTo("high");
    JsonNode format = body.path("response_format");
    assertThat(format.path("type").asString()).isEqualTo("json_schema");
    assertThat(format.path("json_schema").path("name").asString())
        .isEqualTo(BrandAnswerSchema.NAME);
    assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
    JsonNode schema = format.path("json_schema").path("schema");
    assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(
            schema.path("properties").path("scores").path("additionalProperties").asBoolean(true))
        .isFalse();
    assertThat(schema.path("required")).hasSize(schema.path("properties").size());

    assertThat(analysis.paletteHex()).containsExactly(BrandPictures.WHITE, BrandPictures.ORANGE);
    assertThat(analysis.scores().vibe()).isEqualTo(0.55);
    assertThat(analysis.analyzer()).isEqualTo("openai/gpt-4o-mini");
    assertThat(analysis.quality().width()).isEqualTo(BrandPictures.WIDTH);
    ProviderCall call = cloud.costs.calls().getLast();
    assertThat(call.operation()).isEqualTo("brand-analysis");
    assertThat(call.model()).startsWith("gpt-4o-mini");
    assertThat(call.quantity()).isGreaterThan(765);
  }

  @Test
  void lowIntegrityIsFlagged() throws IOException {
    stub.answerScores(0.1, 0.1, 0.1, 0.12, "A screenshot of an error dialog, not a brand.");
    BrandAnalysis analysis = openai.analyze(BrandPictures.logo(dir));
    assertThat(analysis.flaggedReason().orElseThrow())
        .contains("integrity 0.12 is below 0.4")
        .contains("not a brand");
  }

  @Test
  void aRefusalAFilterStopOrAContentPolicyRejectionIsContentRefused() throws IOException {
    Path logo = BrandPictures.logo(dir);
    stub.refuseNext("I can't help with analysing this image.");
    failsWith(
        () -> openai.analyze(logo),
        ErrorCode.CONTENT_REFUSED,
        false,
        "I can't help with analysing this image.");
    stub.refuseNextUnderContentPolicy();
    failsWith(() -> openai.analyze(logo), ErrorCode.CONTENT_REFUSED, false, "safety system");
    assertThat(stub.received()).as("refusals are not retried").hasSize(2);
  }

  @Test
  void aMalformedOrCutOffAnswerIsARetryableProviderError() throws IOException {
    Path logo = BrandPictures.logo(dir);
    stub.answerNextMalformed();
    failsWith(
        () -> openai.analyze(logo),
        ErrorCode.EXTERNAL_API_ERROR,
        true,
        "OpenAI's brand analysis does not fit",
        "not JSON");
    stub.cutOffNext();
    failsWith(() -> openai.analyze(logo), ErrorCode.EXTERNAL_API_ERROR, true, "token limit");
  }

  @Test
  void aRateLimitIsWaitedOutAndServerErrorsEndRetryable() throws IOException {
    Path logo = BrandPictures.logo(dir);
    stub.failNext(2, 429);
    assertThat(openai.analyze(logo).paletteHex()).contains(BrandPictures.ORANGE);
    assertThat(stub.received()).hasSize(3);
    stub.failNext(3, 500);
    failsWith(() -> openai.analyze(logo), ErrorCode.EXTERNAL_API_ERROR, true, "500");
  }

  @Test
  void aWrongKeyNamesTheSetting() throws IOException {
    OpenAiBrandAnalyzer wrong =
        OpenAiFactory.brandAnalyzer(
            OpenAiOptions.newBuilder()
                .setBaseUrl(stub.baseUrl())
                .setApiKey("sk-wrong")
                .setResilience(VideoVendorContext.resilience())
                .build(),
            cloud.context());
    failsWith(
        () -> wrong.analyze(BrandPictures.logo(dir)),
        ErrorCode.EXTERNAL_API_ERROR,
        false,
        "HTTP 401",
        "reelforge.providers.openai.api-key");
  }
}
