package dev.reelforge.providers.fal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.imagegen.ImageRequest;
import dev.reelforge.providers.stub.ProtocolFailures;
import dev.reelforge.providers.stub.StockMedia;
import dev.reelforge.providers.stub.StubServer;
import dev.reelforge.testkit.imagegen.ImageGeneratorContract;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FalFluxImagesTest extends ImageGeneratorContract {

  private static final String MODEL = "fal-ai/flux/dev";
  private static final String REQUEST = "/fal-ai/flux/requests/req-42";

  private final StubServer stub = new StubServer();
  private final FalFluxImages fal =
      FalFactory.images(
          FalOptions.newBuilder()
              .setBaseUrl(stub.baseUrl())
              .setApiKey("fal-key")
              .setModel(MODEL)
              .setPollEvery(Duration.ofSeconds(1))
              .setDeadline(Duration.ofSeconds(30))
              .setResilience(StubServer.fastOptions())
              .build(),
          stub.context());

  @BeforeEach
  void queue() {
    stub.wireMock.stubFor(submit().willReturn(queued()));
    // Two polls in the queue, then done.
    stub.wireMock.stubFor(
        status()
            .inScenario("q")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(json("{\"status\":\"IN_QUEUE\",\"queue_position\":1}"))
            .willSetStateTo("running"));
    stub.wireMock.stubFor(
        status()
            .inScenario("q")
            .whenScenarioStateIs("running")
            .willReturn(json("{\"status\":\"IN_PROGRESS\",\"logs\":[]}"))
            .willSetStateTo("done"));
    stub.wireMock.stubFor(
        status()
            .inScenario("q")
            .whenScenarioStateIs("done")
            .willReturn(
                json(
                    "{\"status\":\"COMPLETED\",\"response_url\":\""
                        + stub.baseUrl()
                        + REQUEST
                        + "\"}")));
    stub.wireMock.stubFor(get(urlEqualTo(REQUEST)).willReturn(result(false)));
    stub.wireMock.stubFor(
        get("/files/flux.jpg").willReturn(aResponse().withBody(StockMedia.jpeg(768, 1152))));
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  static MappingBuilder submit() {
    return post(urlEqualTo("/" + MODEL));
  }

  static MappingBuilder status() {
    return get(urlEqualTo(REQUEST + "/status"));
  }

  private ResponseDefinitionBuilder queued() {
    String base = stub.baseUrl() + REQUEST;
    return json(
        "{\"request_id\":\"req-42\",\"response_url\":\""
            + base
            + "\",\"status_url\":\""
            + base
            + "/status\",\"cancel_url\":\""
            + base
            + "/cancel\",\"queue_position\":2}");
  }

  private ResponseDefinitionBuilder result(boolean nsfw) {
    return json(
        "{\"images\":[{\"url\":\""
            + stub.baseUrl()
            + "/files/flux.jpg\",\"width\":768,\"height\":1152,"
            + "\"content_type\":\"image/jpeg\"}],\"seed\":7,\"has_nsfw_concepts\":["
            + nsfw
            + "],\"prompt\":\"p\",\"timings\":{\"inference\":1.2}}");
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse().withHeader("Content-Type", "application/json").withBody(body);
  }

  @Override
  protected ImageGenerator generator() {
    return fal;
  }

  @Test
  void submitPollReadAndDownloadFollowTheQueueProtocol(@TempDir Path dir) {
    var image = fal.generate(new ImageRequest("a red kite over hills", 768, 1152, 7), dir);
    assertThat(image.width()).isEqualTo(768);
    stub.wireMock.verify(
        postRequestedFor(urlEqualTo("/" + MODEL))
            .withHeader("Authorization", equalTo("Key fal-key"))
            .withRequestBody(matchingJsonPath("$.prompt", equalTo("a red kite over hills")))
            .withRequestBody(matchingJsonPath("$.image_size.width", equalTo("768")))
            .withRequestBody(matchingJsonPath("$.seed", equalTo("7"))));
    stub.wireMock.verify(
        3,
        getRequestedFor(urlEqualTo(REQUEST + "/status"))
            .withHeader("Authorization", equalTo("Key fal-key")));
    assertThat(stub.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void aRequestStuckInTheQueuePastTheDeadlineIsCancelled(@TempDir Path dir) {
    stub.wireMock.resetScenarios();
    stub.wireMock.stubFor(
        status().willReturn(json("{\"status\":\"IN_QUEUE\",\"queue_position\":9}")));
    stub.wireMock.stubFor(
        put(urlEqualTo(REQUEST + "/cancel"))
            .willReturn(json("{\"status\":\"CANCELLATION_REQUESTED\"}")));
    stub.wireMock.removeStubMapping(
        stub.wireMock.getStubMappings().stream()
            .filter(m -> m.getScenarioName() != null)
            .findFirst()
            .orElseThrow());
    assertThatThrownBy(() -> fal.generate(new ImageRequest("slow", 512, 512, 1), dir))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_TIMEOUT);
              assertThat(e.getMessage()).contains("IN_QUEUE");
            });
    stub.wireMock.verify(putRequestedFor(urlEqualTo(REQUEST + "/cancel")));
  }

  @Test
  void anImageTheSafetyCheckerFlagsIsRefused(@TempDir Path dir) {
    stub.wireMock.stubFor(get(urlEqualTo(REQUEST)).willReturn(result(true)));
    assertThatThrownBy(() -> fal.generate(new ImageRequest("x", 512, 512, 1), dir))
        .isInstanceOfSatisfying(
            ReelForgeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
  }

  @Nested
  class Failures extends ProtocolFailures {
    Failures() {
      super(
          stub,
          () -> submit(),
          () -> postRequestedFor(urlEqualTo("/" + MODEL)),
          () -> queued(),
          () -> fal.generate(new ImageRequest("a fox", 512, 512, 1), Path.of("target", "fal")));
    }

    @BeforeEach
    void answerTheRest() {
      stub.wireMock.stubFor(status().willReturn(json("{\"status\":\"COMPLETED\"}")));
      stub.wireMock.stubFor(get(urlEqualTo(REQUEST)).willReturn(result(false)));
      stub.wireMock.stubFor(
          get("/files/flux.jpg").willReturn(aResponse().withBody(StockMedia.jpeg(64, 64))));
    }
  }
}
