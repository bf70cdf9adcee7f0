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
import dev.reelforge.core.moderation.ModerationCategory;
import dev.reelforge.core.moderation.ModerationResult;
import dev.reelforge.core.moderation.Moderator;
import dev.reelforge.core.moderation.Severity;
import dev.reelforge.providers.stub.ModerationStub;
import dev.reelforge.providers.stub.ProtocolFailures;
import dev.reelforge.providers.stub.StubServer;
import dev.reelforge.testkit.moderation.ModeratorContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OpenAiModeratorTest extends ModeratorContract {

  private final StubServer stub = new StubServer(new ModerationStub());
  private final OpenAiModerator moderator =
      OpenAiFactory.moderator(OpenAiTests.options(stub), stub.context());

  @BeforeEach
  void answer() {
    stub.wireMock.stubFor(endpoint().willReturn(judged()));
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  static MappingBuilder endpoint() {
    return post("/v1/moderations");
  }

  static ResponseDefinitionBuilder judged() {
    return aResponse().withTransformers(ModerationStub.NAME);
  }

  @Override
  protected Moderator moderator() {
    return moderator;
  }

  @Test
  void theRequestIsTheDocumentedShape() {
    moderator.moderate("Hello world");
    stub.wireMock.verify(
        postRequestedFor(urlEqualTo("/v1/moderations"))
            .withHeader("Authorization", equalTo("Bearer sk-test"))
            .withRequestBody(
                equalToJson("{\"model\":\"omni-moderation-latest\",\"input\":\"Hello world\"}")));
  }

  @Test
  void scoresBecomeSeverities() {
    stub.wireMock.stubFor(
        endpoint()
            .willReturn(
                aResponse()
                    .withBody(
                        """
                        {"id":"modr-1","model":"omni-moderation-latest","results":[{"flagged":true,
                         "categories":{"harassment":true,"violence":false,"sexual/minors":false,"hate":false},
                         "category_scores":{"harassment":0.55,"violence":0.4,"sexual/minors":0.01,"hate":0.02}}]}
                        """)));
    ModerationResult result = moderator.moderate("some text");
    assertThat(result.flags())
        .anySatisfy(
            f -> {
              assertThat(f.category()).isEqualTo(ModerationCategory.HARASSMENT);
              assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
              assertThat(f.reason()).contains("harassment").contains("0.55");
            })
        .anySatisfy(
            f -> {
              assertThat(f.category()).isEqualTo(ModerationCategory.VIOLENCE);
              assertThat(f.severity()).isEqualTo(Severity.LOW);
            });
    assertThat(result.allowed()).isTrue();
    assertThat(result.flagged(ModerationCategory.HATE)).isFalse();
  }

  @Nested
  class Failures extends ProtocolFailures {
    Failures() {
      super(
          stub,
          () -> OpenAiModeratorTest.endpoint(),
          () -> postRequestedFor(urlEqualTo("/v1/moderations")),
          () -> judged(),
          () -> moderator.moderate("Hello world"));
    }
  }
}
