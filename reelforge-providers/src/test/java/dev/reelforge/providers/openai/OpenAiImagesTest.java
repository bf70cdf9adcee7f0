package dev.reelforge.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.imagegen.ImageRequest;
import dev.reelforge.providers.stub.ProtocolFailures;
import dev.reelforge.providers.stub.StockMedia;
import dev.reelforge.providers.stub.StubServer;
import dev.reelforge.testkit.imagegen.ImageGeneratorContract;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAiImagesTest extends ImageGeneratorContract {

  private final StubServer stub = new StubServer();
  private final OpenAiImages images =
      OpenAiFactory.images(OpenAiTests.options(stub), stub.context());

  @BeforeEach
  void answer() {
    stub.wireMock.stubFor(endpoint().willReturn(generated()));
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  static MappingBuilder endpoint() {
    return post("/v1/images/generations");
  }

  static ResponseDefinitionBuilder generated() {
    String b64 = Base64.getEncoder().encodeToString(StockMedia.jpeg(1024, 1536));
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"created\":1763700000,\"data\":[{\"b64_json\":\""
                + b64
                + "\"}],"
                + "\"usage\":{\"total_tokens\":100,\"input_tokens\":50,\"output_tokens\":50}}");
  }

  @Override
  protected ImageGenerator generator() {
    return images;
  }

  @Test
  void aPortraitRequestAsksForThePortraitSizeAndIsMetered(@TempDir Path dir) {
    images.generate(new ImageRequest("a fox in snow", 1080, 1920, 1), dir);
    stub.wireMock.verify(
        postRequestedFor(urlEqualTo("/v1/images/generations"))
            .withHeader("Authorization", equalTo("Bearer sk-test"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-image-1")))
            .withRequestBody(matchingJsonPath("$.prompt", equalTo("a fox in snow")))
            .withRequestBody(matchingJsonPath("$.size", equalTo("1024x1536")))
            .withRequestBody(matchingJsonPath("$.n", equalTo("1"))));
    assertThat(stub.costs.calls().getLast().estimatedUsd()).isEqualByComparingTo("0.02");
  }

  @Test
  void aContentPolicyRefusalIsTheUsersInput(@TempDir Path dir) {
    stub.wireMock.stubFor(
        endpoint()
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error\":{\"code\":\"content_policy_violation\",\"message\":\"Your request"
                            + " was rejected as a result of our safety system.\",\"type\":\"invalid_request_error\"}}")));
    assertThatThrownBy(() -> images.generate(new ImageRequest("something", 1024, 1024, 1), dir))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.getMessage()).contains("safety system");
            });
  }

  @Nested
  class Failures extends ProtocolFailures {
    Failures() {
      super(
          stub,
          () -> OpenAiImagesTest.endpoint(),
          () -> postRequestedFor(urlEqualTo("/v1/images/generations")),
          () -> generated(),
          () ->
              images.generate(
                  new ImageRequest("a fox", 1024, 1024, 1), Path.of("target", "images")));
    }
  }
}
