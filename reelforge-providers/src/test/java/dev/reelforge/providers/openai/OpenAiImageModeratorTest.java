package dev.reelforge.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.moderation.ModerationCategory;
import dev.reelforge.core.moderation.ModerationPolicy;
import dev.reelforge.core.moderation.ModerationResult;
import dev.reelforge.core.moderation.Severity;
import dev.reelforge.providers.stub.ModerationStub;
import dev.reelforge.providers.stub.ProtocolFailures;
import dev.reelforge.providers.stub.StubServer;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAiImageModeratorTest {

  private final StubServer stub = new StubServer(new ModerationStub());
  private final OpenAiImageModerator moderator =
      OpenAiFactory.imageModerator(OpenAiTests.options(stub), stub.context());

  @TempDir Path dir;

  @BeforeEach
  void answer() {
    stub.wireMock.stubFor(
        post("/v1/moderations").willReturn(aResponse().withTransformers(ModerationStub.NAME)));
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  private Path picture(String name, boolean violent) {
    try {
      return write(name, violent);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Path write(String name, boolean violent) throws java.io.IOException {
    Path file = dir.resolve(name);
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    if (violent) {
      Files.write(
          file,
          ModerationStub.VIOLENT_MARKER.getBytes(StandardCharsets.ISO_8859_1),
          StandardOpenOption.APPEND);
    }
    return file;
  }

  @Test
  void thePictureGoesAsADataUrlInTheDocumentedShape() throws Exception {
    Path file = picture("calm.png", false);
    ModerationResult result = moderator.moderate(file);
    assertThat(result.flags()).isEmpty();
    assertThat(result.moderator()).isEqualTo("openai/omni-moderation-latest");
    assertThat(result.unchecked()).containsExactly(OpenAiImageModerator.IMAGE_CATEGORIES_ONLY);
    String base64 = java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    stub.wireMock.verify(
        postRequestedFor(urlEqualTo("/v1/moderations"))
            .withRequestBody(
                matchingJsonPath(
                    "$.model",
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "omni-moderation-latest")))
            .withRequestBody(
                matchingJsonPath(
                    "$.input[0].type",
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo("image_url")))
            .withRequestBody(
                matchingJsonPath(
                    "$.input[0].image_url.url",
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "data:image/png;base64," + base64))));
  }

  @Test
  void aViolentPictureIsFlaggedAndHeldByTheDefaultPolicy() throws Exception {
    ModerationResult result = moderator.moderate(picture("violent.png", true));
    assertThat(result.flags())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.category()).isEqualTo(ModerationCategory.VIOLENCE);
              // "graphic" flagged: grave, so HIGH.
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(ModerationPolicy.DEFAULT.holds(f)).isTrue();
            });
  }

  @Nested
  class Failures extends ProtocolFailures {
    Failures() {
      super(
          stub,
          () -> post("/v1/moderations"),
          () -> postRequestedFor(urlEqualTo("/v1/moderations")),
          () -> aResponse().withTransformers(ModerationStub.NAME),
          () -> moderator.moderate(picture("any.png", false)));
    }
  }
}
