package dev.reelforge.providers.stub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The failures every cloud adapter must survive, against its own endpoint: a rejected request (4xx,
 * not retried), 429 with {@code Retry-After} (waited for, then success), 5xx until retries run out
 * (retryable error), and a provider slower than the timeout. Adapter tests run these as a
 * {@code @Nested} class.
 */
public abstract class ProtocolFailures {

  /** The attempt timeout the adapters are built with in these tests. */
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final StubServer stub;
  private final Supplier<MappingBuilder> endpoint;
  private final Supplier<RequestPatternBuilder> requests;
  private final Supplier<ResponseDefinitionBuilder> success;
  private final Runnable call;

  /**
   * @param stub the stub server the adapter calls
   * @param endpoint matches the adapter's main request
   * @param requests the same request as a pattern, for counting
   * @param success a valid answer to the main request
   * @param call makes the adapter do its main call (built with a 2 s attempt timeout)
   */
  protected ProtocolFailures(
      StubServer stub,
      Supplier<MappingBuilder> endpoint,
      Supplier<RequestPatternBuilder> requests,
      Supplier<ResponseDefinitionBuilder> success,
      Runnable call) {
    this.stub = stub;
    this.endpoint = endpoint;
    this.requests = requests;
    this.success = success;
    this.call = call;
  }

  /** Each case sets up its own answers; a subclass's {@code @BeforeEach} may add more after. */
  @BeforeEach
  void startFromNoStubs() {
    stub.wireMock.resetAll();
  }

  @Test
  void aRejectedRequestFailsAtOnceWithTheProvidersReason() {
    stub.wireMock.stubFor(
        endpoint
            .get()
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"bad parameter\"},\"detail\":\"bad parameter\"}")));
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).contains("bad parameter");
            });
    stub.wireMock.verify(1, requests.get());
  }

  @Test
  void tooManyRequestsIsWaitedOutAsRetryAfterSays() {
    stub.wireMock.stubFor(
        endpoint
            .get()
            .inScenario("limited")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
            .willSetStateTo("open"));
    stub.wireMock.stubFor(
        endpoint.get().inScenario("limited").whenScenarioStateIs("open").willReturn(success.get()));
    call.run();
    stub.wireMock.verify(2, requests.get());
    assertThat(stub.waits)
        .anySatisfy(
            wait -> assertThat(wait).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2300)));
  }

  @Test
  void serverErrorsAreRetriedThenReportedAsRetryable() {
    stub.wireMock.stubFor(
        endpoint.get().willReturn(aResponse().withStatus(503).withBody("overloaded")));
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR);
              assertThat(e.retryable()).isTrue();
              assertThat(e.getMessage()).contains("503");
            });
    stub.wireMock.verify(3, requests.get());
  }

  @Test
  void aProviderSlowerThanTheTimeoutFailsRetryably() {
    stub.wireMock.stubFor(
        endpoint.get().willReturn(success.get().withFixedDelay((int) TIMEOUT.toMillis() + 800)));
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_TIMEOUT);
              assertThat(e.retryable()).isTrue();
            });
  }
}
