package dev.reelforge.providers.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.reelforge.core.cost.ProviderCall;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.stub.StubServer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The client every cloud adapter shares: where the key goes, JSON in and out, metering. */
class JsonApiClientTest {

  private final StubServer stub = new StubServer();

  @BeforeEach
  void answer() {
    stub.wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withBody("{\"ok\":true}")));
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  private JsonApiClient client(String key, Auth auth) {
    return stub.context().client("demo", stub.endpoint("/v1", key), auth, StubServer.fastOptions());
  }

  @Test
  void aJsonPostCarriesTheBodyTheTypeAndABearerKey() {
    ObjectNode body = Json.object().put("model", "m1");
    JsonApiClient api = client("sk-1", Auth.bearer());
    assertThat(api.json(api.post("/things", body)).path("ok").asBoolean()).isTrue();
    stub.wireMock.verify(
        postRequestedFor(urlEqualTo("/v1/things"))
            .withHeader("Authorization", equalTo("Bearer sk-1"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson("{\"model\":\"m1\"}")));
  }

  @Test
  void eachVendorsKeyGoesWhereItWantsIt() {
    client("xi-1", Auth.header("xi-api-key", "")).get("/voices");
    stub.wireMock.verify(
        getRequestedFor(urlEqualTo("/v1/voices"))
            .withHeader("xi-api-key", equalTo("xi-1"))
            .withoutHeader("Authorization"));
    client("fal-1", Auth.header("Authorization", "Key ")).get("/status");
    stub.wireMock.verify(
        getRequestedFor(urlEqualTo("/v1/status"))
            .withHeader("Authorization", equalTo("Key fal-1")));
    client("pb 1&2", Auth.queryParameter("key")).get("/api/?q=sea+waves");
    stub.wireMock.verify(
        getRequestedFor(urlPathEqualTo("/v1/api/"))
            .withQueryParam("q", equalTo("sea waves"))
            .withQueryParam("key", equalTo("pb 1&2"))
            .withoutHeader("Authorization"));
    client("pb-3", Auth.queryParameter("key")).get("/plain");
    stub.wireMock.verify(
        getRequestedFor(urlPathEqualTo("/v1/plain")).withQueryParam("key", equalTo("pb-3")));
  }

  @Test
  void withoutAKeyNothingIsSent() {
    client("", Auth.bearer()).get("/models");
    client("", Auth.queryParameter("key")).get("/models?x=1");
    stub.wireMock.verify(
        2,
        anyRequestedFor(urlPathEqualTo("/v1/models"))
            .withHeader("Authorization", absent())
            .withQueryParam("key", absent()));
  }

  @Test
  void absoluteUrlsTheVendorHandsOutGetTheKeyToo() {
    JsonApiClient api = client("fal-1", Auth.header("Authorization", "Key "));
    api.send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/requests/7/status")).GET());
    stub.wireMock.verify(
        getRequestedFor(urlEqualTo("/requests/7/status"))
            .withHeader("Authorization", equalTo("Key fal-1")));
  }

  @Test
  void aMeteredCallRecordsItsAttemptsUnderTheProvidersName() {
    stub.wireMock.resetAll();
    stub.wireMock.stubFor(
        any(urlEqualTo("/v1/speak"))
            .inScenario("busy")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("free"));
    stub.wireMock.stubFor(
        any(urlEqualTo("/v1/speak"))
            .inScenario("busy")
            .whenScenarioStateIs("free")
            .willReturn(aResponse().withBody("{}")));
    JsonApiClient api = client("sk-1", Auth.bearer());
    ProviderResponse response = api.post("/speak", Json.object());
    api.meter("speech", "m1", 42, "characters", new BigDecimal("0.01"), response);
    ProviderCall call = stub.costs.calls().getLast();
    assertThat(call.provider()).isEqualTo("demo");
    assertThat(call.operation()).isEqualTo("speech");
    assertThat(call.quantity()).isEqualTo(42);
    assertThat(call.attempts()).isEqualTo(2);
    assertThat(call.estimatedUsd()).isEqualByComparingTo("0.01");
  }

  @Test
  void aBodyThatIsNotJsonIsARetryableProviderError() {
    stub.wireMock.resetAll();
    stub.wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withBody("<html>oops</html>")));
    JsonApiClient api = client("sk-1", Auth.bearer());
    ProviderResponse response = api.get("/x");
    assertThatThrownBy(() -> api.json(response))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR);
              assertThat(e.retryable()).isTrue();
              assertThat(e.getMessage()).contains("demo").contains("not JSON");
            });
  }

  @Test
  void itsTextNeverShowsTheKey() {
    assertThat(client("sk-secret", Auth.queryParameter("key")).toString())
        .doesNotContain("sk-secret")
        .contains("demo");
  }
}
