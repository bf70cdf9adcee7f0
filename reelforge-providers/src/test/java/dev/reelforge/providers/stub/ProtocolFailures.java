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
import org.junit.jupiter.api.Test;

/**
 * The failures every cloud adapter must survive, against its own endpoint: a rejected request (4xx,
 * not retried), 429 with {@code Retry-After} (waited for, then success), 5xx until retries run out
 * (retryable error), and a provider slower than the timeout. Adapter tests run these as a
 * {@code @Nested} class.
 */
public abstract class ProtocolFailures {

  /** The stub server the adapter calls. */
  protected abstract StubServer stub();

  /** Matches the adapter's main request. */
  protected abstract MappingBuilder endpoint();

  /** The same request as a pattern, for counting. */
  protected abstract RequestPatternBuilder requests();

  /** A valid answer to the main request. */
  protected abstract ResponseDefinitionBuilder success();

  /** Makes the adapter do its main call. */
  protected abstract void call();

  /** The attempt timeout the adapter was built with (the tests build it with 2 s). */
  protected Duration timeout() {
    return Duration.ofSeconds(2);
  }

  @Test
  void aRejectedRequestFailsAtOnceWithTheProvidersReason() {
    stub()
        .wireMock
        .stubFor(
            endpoint()
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":{\"message\":\"bad parameter\"},\"detail\":\"bad parameter\"}")));
    assertThatThrownBy(this::call)
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).contains("bad parameter");
            });
    stub().wireMock.verify(1, requests());
  }

  @Test
  void tooManyRequestsIsWaitedOutAsRetryAfterSays() {
    stub()
        .wireMock
        .stubFor(
            endpoint()
                .inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
                .willSetStateTo("open"));
    stub()
        .wireMock
        .stubFor(
            endpoint().inScenario("limited").whenScenarioStateIs("open").willReturn(success()));
    call();
    stub().wireMock.verify(2, requests());
    assertThat(stub().waits)
        .anySatisfy(
            wait -> assertThat(wait).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2300)));
  }

  @Test
  void serverErrorsAreRetriedThenReportedAsRetryable() {
    stub()
        .wireMock
        .stubFor(endpoint().willReturn(aResponse().withStatus(503).withBody("overloaded")));
    assertThatThrownBy(this::call)
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR);
              assertThat(e.retryable()).isTrue();
              assertThat(e.getMessage()).contains("503");
            });
    stub().wireMock.verify(3, requests());
  }

  @Test
  void aProviderSlowerThanTheTimeoutFailsRetryably() {
    stub()
        .wireMock
        .stubFor(endpoint().willReturn(success().withFixedDelay((int) timeout().toMillis() + 800)));
    assertThatThrownBy(this::call)
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_TIMEOUT);
              assertThat(e.retryable()).isTrue();
            });
  }
}
