package dev.reelforge.providers.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.resilience.CircuitBreaker;
import dev.reelforge.providers.stub.StubServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderHttpTest {

  private final StubServer stub = new StubServer();

  @AfterEach
  void stop() {
    stub.close();
  }

  private HttpRequest request() {
    return HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/thing")).GET().build();
  }

  private void failTimesThenSucceed(int failures, int status, String retryAfter) {
    String state = Scenario.STARTED;
    for (int i = 0; i < failures; i++) {
      var response = aResponse().withStatus(status).withBody("{\"error\":{\"message\":\"busy\"}}");
      if (retryAfter != null) {
        response = response.withHeader("Retry-After", retryAfter);
      }
      stub.wireMock.stubFor(
          get("/thing")
              .inScenario("flaky")
              .whenScenarioStateIs(state)
              .willReturn(response)
              .willSetStateTo("failed-" + (i + 1)));
      state = "failed-" + (i + 1);
    }
    stub.wireMock.stubFor(
        get("/thing")
            .inScenario("flaky")
            .whenScenarioStateIs(state)
            .willReturn(aResponse().withStatus(200).withBody("ok")));
  }

  @Test
  void theObserverSeesEachCallOnceSendsItsHeadersWithEveryAttemptAndLearnsTheOutcome() {
    failTimesThenSucceed(1, 503, null);
    List<String> seen = new ArrayList<>();
    ProviderHttp.Observer observer =
        (provider, method, uri) -> {
          seen.add("start " + provider + " " + method + " " + uri.getPath());
          return new ProviderHttp.Observer.Call() {
            @Override
            public java.util.Map<String, String> headers() {
              return java.util.Map.of(
                  "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
            }

            @Override
            public void ended(ReelForgeException failure) {
              seen.add(failure == null ? "ok" : "failed " + failure.code());
            }
          };
        };
    ProviderHttp http = stub.http("demo", stub.fastOptions(), observer);

    assertThat(http.send(request()).text()).isEqualTo("ok");
    stub.wireMock.verify(
        2,
        getRequestedFor(urlEqualTo("/thing"))
            .withHeader(
                "traceparent",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                    "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")));
    stub.wireMock.stubFor(get("/missing").willReturn(aResponse().withStatus(404).withBody("{}")));
    assertThatThrownBy(
            () ->
                http.send(
                    HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/missing")).GET().build()))
        .isInstanceOf(ReelForgeException.class);
    assertThat(seen.getFirst()).isEqualTo("start demo GET /thing");
    assertThat(seen.get(1)).isEqualTo("ok");
    assertThat(seen.get(2)).isEqualTo("start demo GET /missing");
    assertThat(seen.get(3)).startsWith("failed ");
  }

  @Test
  void serverErrorsAreRetriedWithGrowingJitteredBackoff() {
    failTimesThenSucceed(2, 503, null);
    ProviderResponse response = stub.http("demo").send(request());
    assertThat(response.text()).isEqualTo("ok");
    assertThat(response.attempts()).isEqualTo(3);
    stub.wireMock.verify(3, getRequestedFor(urlEqualTo("/thing")));
    // 800 ms base: the first wait is 400–800 ms, the second 800–1600 ms.
    assertThat(stub.waits).hasSize(2);
    assertThat(stub.waits.get(0).toMillis()).isBetween(400L, 800L);
    assertThat(stub.waits.get(1).toMillis()).isBetween(800L, 1600L);
  }

  @Test
  void tooManyRequestsWaitsAtLeastWhatRetryAfterSays() {
    failTimesThenSucceed(1, 429, "3");
    assertThat(stub.http("demo").send(request()).text()).isEqualTo("ok");
    assertThat(stub.waits).hasSize(1);
    assertThat(stub.waits.getFirst().toMillis()).isBetween(3000L, 3300L);
  }

  @Test
  void aRetryAfterLongerThanTheCapFailsAtOnceAsRateLimited() {
    failTimesThenSucceed(1, 429, "120");
    assertThatThrownBy(() -> stub.http("demo").send(request()))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED);
              assertThat(e.retryable()).isTrue();
              assertThat(e.getMessage()).contains("120 s");
            });
    stub.wireMock.verify(1, getRequestedFor(urlEqualTo("/thing")));
  }

  @Test
  void aRejectedRequestIsNotRetriedAndSaysWhy() {
    stub.wireMock.stubFor(
        get("/thing")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody("{\"error\":{\"message\":\"Incorrect API key provided\"}}")));
    assertThatThrownBy(() -> stub.http("openai").send(request()))
        .isInstanceOfSatisfying(
            ProviderRejection.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage())
                  .contains("Incorrect API key provided")
                  .contains("reelforge.providers.openai.api-key");
            });
    stub.wireMock.verify(1, getRequestedFor(urlEqualTo("/thing")));
    assertThat(stub.waits).isEmpty();
  }

  @Test
  void aSlowProviderTimesOutEachAttemptThenFailsRetryably() {
    stub.wireMock.stubFor(
        get("/thing").willReturn(aResponse().withFixedDelay(1500).withBody("late")));
    ProviderHttp http =
        stub.http(
            "demo",
            StubServer.fastOptions().withTimeout(Duration.ofMillis(300)).withMaxAttempts(2));
    assertThatThrownBy(() -> http.send(request()))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_TIMEOUT);
              assertThat(e.retryable()).isTrue();
            });
    stub.wireMock.verify(2, getRequestedFor(urlEqualTo("/thing")));
  }

  @Test
  void fiveFailedCallsOpenTheCircuitForSixtySecondsThenOneTrialGoesThrough() {
    stub.wireMock.stubFor(get("/thing").willReturn(aResponse().withStatus(500)));
    ProviderHttp http = stub.http("demo", StubServer.fastOptions().withMaxAttempts(1));
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> http.send(request())).isInstanceOf(ReelForgeException.class);
    }
    assertThat(http.breaker().state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThatThrownBy(() -> http.send(request()))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
    stub.wireMock.verify(5, getRequestedFor(urlEqualTo("/thing")));

    stub.clock.advance(Duration.ofSeconds(59));
    assertThat(http.breaker().state()).isEqualTo(CircuitBreaker.State.OPEN);
    stub.clock.advance(Duration.ofSeconds(2));
    assertThat(http.breaker().state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    stub.wireMock.stubFor(get("/thing").willReturn(aResponse().withBody("back")));
    assertThat(http.send(request()).text()).isEqualTo("back");
    assertThat(http.breaker().state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void failuresOutsideTheWindowDoNotOpenTheCircuit() {
    stub.wireMock.stubFor(get("/thing").willReturn(aResponse().withStatus(502)));
    ProviderHttp http = stub.http("demo", StubServer.fastOptions().withMaxAttempts(1));
    for (int i = 0; i < 8; i++) {
      assertThatThrownBy(() -> http.send(request())).isInstanceOf(ReelForgeException.class);
      stub.clock.advance(Duration.ofSeconds(31));
    }
    assertThat(http.breaker().state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void aVendorsReadingOfTheBodyDecidesBeforeTheStatus() {
    // Kling answers 429 both for "slow down" and for "the account is spent"; only the body tells.
    VendorErrors kling =
        (status, body) ->
            Optional.of(
                new String(body, StandardCharsets.UTF_8).contains("1102")
                    ? new ReelForgeException(
                        ErrorCode.EXTERNAL_API_ERROR, "account spent", false, List.of(), null)
                    : new ReelForgeException(
                        ErrorCode.EXTERNAL_RATE_LIMIT, "vendor busy", true, List.of(), null));
    ProviderHttp http =
        new ProviderHttp(
            "demo",
            HttpClient.newHttpClient(),
            StubServer.fastOptions(),
            stub.clock,
            stub.sleeper(),
            ProviderHttp.Observer.NONE,
            kling);
    stub.wireMock.stubFor(
        get("/thing").willReturn(aResponse().withStatus(429).withBody("{\"code\":1102}")));
    for (int i = 0; i < 7; i++) {
      assertThatThrownBy(() -> http.send(request()))
          .isInstanceOfSatisfying(
              ReelForgeException.class,
              e -> {
                assertThat(e.getMessage()).isEqualTo("account spent");
                assertThat(e.retryable()).isFalse();
              });
    }
    stub.wireMock.verify(7, getRequestedFor(urlEqualTo("/thing")));
    assertThat(stub.waits).as("not retried").isEmpty();
    assertThat(http.breaker().state()).isEqualTo(CircuitBreaker.State.CLOSED);

    // A busy vendor keeps its own code when it asks for a wait too long to hold a worker.
    stub.wireMock.stubFor(
        get("/thing")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "120")
                    .withBody("{\"code\":1302}")));
    assertThatThrownBy(() -> http.send(request()))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_RATE_LIMIT);
              assertThat(e.retryable()).isTrue();
              assertThat(e.getMessage()).contains("120 s");
            });
  }

  @Test
  void rejectedRequestsDoNotOpenTheCircuit() {
    stub.wireMock.stubFor(get("/thing").willReturn(aResponse().withStatus(400)));
    ProviderHttp http = stub.http("demo");
    for (int i = 0; i < 7; i++) {
      assertThatThrownBy(() -> http.send(request())).isInstanceOf(ProviderRejection.class);
    }
    assertThat(http.breaker().state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void noMoreThanTheCapAreInFlightAtOnce() throws Exception {
    stub.wireMock.stubFor(get("/thing").willReturn(aResponse().withFixedDelay(200).withBody("ok")));
    ProviderHttp capped =
        stub.http(
            "demo",
            StubServer.fastOptions().withMaxConcurrent(2).withTimeout(Duration.ofSeconds(5)));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      long started = System.nanoTime();
      List<Future<ProviderResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(pool.submit(() -> capped.send(request())));
      }
      for (Future<ProviderResponse> call : calls) {
        assertThat(call.get().text()).isEqualTo("ok");
      }
      // Six 200 ms calls two at a time take at least three rounds.
      assertThat(Duration.ofNanos(System.nanoTime() - started).toMillis())
          .isGreaterThanOrEqualTo(590);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void downloadsLandWholeOrNotAtAllAndRespectTheSizeCap(@TempDir Path dir) throws Exception {
    stub.wireMock.stubFor(get("/file.bin").willReturn(aResponse().withBody(new byte[5000])));
    Path target = dir.resolve("file.bin");
    ProviderHttp http = stub.http("demo");
    http.download(URI.create(stub.baseUrl() + "/file.bin"), target, 10_000, Duration.ofSeconds(5));
    assertThat(Files.size(target)).isEqualTo(5000);

    Path refused = dir.resolve("big.bin");
    assertThatThrownBy(
            () ->
                http.download(
                    URI.create(stub.baseUrl() + "/file.bin"), refused, 1000, Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(
            ReelForgeException.class, e -> assertThat(e.getMessage()).contains("at most 1000"));
    assertThat(refused).doesNotExist();
    assertThat(dir.resolve("big.bin.part")).doesNotExist();
  }
}
