package dev.reelforge.providers.http;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One vendor's JSON API as its adapters see it: the endpoint, the key placed where the vendor wants
 * it ({@link Auth}), the resilient client ({@link ProviderHttp}: timeouts, retries, breaker and the
 * mapping of every HTTP status onto the error taxonomy by {@link HttpErrors}) and the meter that
 * records each call's cost. Adapters only build request bodies and read answers.
 */
public final class JsonApiClient {

  private final String provider;
  private final Endpoint endpoint;
  private final Auth auth;
  private final ProviderHttp http;
  private final Meter meter;

  /**
   * @param provider the configuration name, used in messages, metrics and cost records
   */
  public JsonApiClient(
      String provider, Endpoint endpoint, Auth auth, ProviderHttp http, Meter meter) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.auth = Objects.requireNonNull(auth, "auth");
    this.http = Objects.requireNonNull(http, "http");
    this.meter = Objects.requireNonNull(meter, "meter");
  }

  public String provider() {
    return provider;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  /** {@code POST path} (relative to the base URL) with {@code body} as JSON. */
  public ProviderResponse post(String path, JsonNode body) {
    return send(
        HttpRequest.newBuilder(endpoint.uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
  }

  /** {@code GET pathAndQuery} relative to the base URL (query values already encoded). */
  public ProviderResponse get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(endpoint.uri(pathAndQuery)).GET());
  }

  /**
   * Sends {@code request} with the key added: for absolute URLs the vendor hands out (status and
   * result URLs of a queue) and for methods the shortcuts above do not cover.
   */
  public ProviderResponse send(HttpRequest.Builder request) {
    HttpRequest built = auth.apply(request, endpoint).build();
    URI withKey = auth.apply(built.uri(), endpoint);
    if (!withKey.equals(built.uri())) {
      built = HttpRequest.newBuilder(built, (name, value) -> true).uri(withKey).build();
    }
    return http.send(built);
  }

  /** The answer's body as JSON; a body that is not JSON is a retryable provider error. */
  public JsonNode json(ProviderResponse response) {
    return Json.parse(response, provider);
  }

  /** Records what a successful call used and cost, with its attempts and time. */
  public void meter(
      String operation,
      String model,
      long quantity,
      String unit,
      BigDecimal usd,
      ProviderResponse response) {
    meter.record(operation, model, quantity, unit, usd, response);
  }

  /**
   * Downloads a file the vendor links to (a CDN URL, sent without the key), atomically and capped
   * at {@code maxBytes}.
   */
  public ProviderResponse download(URI uri, Path target, long maxBytes, Duration timeout) {
    return http.download(uri, target, maxBytes, timeout);
  }

  /**
   * Downloads a file the vendor serves only with its key (Gemini's generated videos), atomically
   * and capped at {@code maxBytes}. Callers make sure {@code uri} is the vendor's own host.
   */
  public ProviderResponse downloadWithKey(URI uri, Path target, long maxBytes, Duration timeout) {
    HttpRequest request =
        auth.apply(HttpRequest.newBuilder(auth.apply(uri, endpoint)).GET(), endpoint).build();
    return http.download(request, target, maxBytes, timeout);
  }

  /** The underlying resilient client (its circuit breaker, for tests and diagnostics). */
  public ProviderHttp http() {
    return http;
  }

  @Override
  public String toString() {
    return "JsonApiClient[" + provider + ", " + endpoint + ", " + auth + "]";
  }
}
