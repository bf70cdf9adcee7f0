package dev.reelforge.providers.meta;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.Auth;
import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.http.Endpoint;
import dev.reelforge.providers.http.JsonApiClient;
import dev.reelforge.providers.http.ResilienceOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Meta's Graph API as the Instagram and Facebook publishers call it: {@code
 * {baseUrl}/{version}/{node}}, the account's token as a bearer header on each call (tokens belong
 * to the connected account, not to the application), parameters form-encoded, errors read by {@link
 * GraphErrors}.
 *
 * <p>Reads go through a client that retries transient failures in-line. Writes are sent once: a
 * retried {@code media_publish} or upload chunk whose first answer was lost could post twice or
 * write at a stale offset, so a failed write is thrown (retryable) and the publisher's next call
 * first asks the platform where things stand.
 */
public final class GraphClient {

  private final JsonApiClient reads;
  private final JsonApiClient writes;
  private final String version;

  GraphClient(JsonApiClient reads, JsonApiClient writes, String version) {
    this.reads = Objects.requireNonNull(reads, "reads");
    this.writes = Objects.requireNonNull(writes, "writes");
    this.version = Objects.requireNonNull(version, "version");
  }

  /**
   * A client of {@code provider} at {@code baseUrl}, API {@code version}; writes get one attempt of
   * at most {@code writeTimeout} each.
   *
   * @param platform the platform as people name it, for messages
   */
  public static GraphClient of(
      String provider,
      String platform,
      String baseUrl,
      String version,
      ResilienceOptions resilience,
      java.time.Duration writeTimeout,
      CloudContext context) {
    Endpoint endpoint = new Endpoint(baseUrl, "");
    GraphErrors errors = new GraphErrors(platform);
    // The token travels per call (each account has its own), so the clients add no key.
    Auth none = Auth.bearer();
    return new GraphClient(
        context.client(provider, endpoint, none, resilience, errors),
        context.client(
            provider,
            endpoint,
            none,
            resilience.withMaxAttempts(1).withTimeout(writeTimeout),
            errors),
        version);
  }

  public String version() {
    return version;
  }

  /** {@code GET /{version}/{node}?query}. */
  public JsonNode get(String node, Map<String, String> query, String token) {
    return reads.json(
        reads.send(
            authorized(HttpRequest.newBuilder(reads.endpoint().uri(path(node, query))), token)
                .GET()));
  }

  /** {@code POST /{version}/{node}} with {@code form} form-encoded; sent once. */
  public JsonNode post(String node, Map<String, String> form, String token) {
    return writes.json(
        writes.send(
            authorized(HttpRequest.newBuilder(writes.endpoint().uri(path(node, Map.of()))), token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))));
  }

  /**
   * Sends {@code request} (an absolute URL with its own headers, such as Facebook's upload host)
   * once, through the write client: errors are read the same way.
   */
  public JsonNode sendOnce(HttpRequest.Builder request) {
    return writes.json(writes.send(request));
  }

  /** {@code /{version}/{node}} with {@code query} encoded. */
  String path(String node, Map<String, String> query) {
    String path = "/" + version + "/" + node;
    return query.isEmpty() ? path : path + "?" + encode(query);
  }

  /** The URI of {@code node} on the Graph host, for messages and tests. */
  public URI uri(String node) {
    return reads.endpoint().uri(path(node, Map.of()));
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
    if (token == null || token.isBlank()) {
      throw new ReelForgeException(
          ErrorCode.AUTH_REQUIRED,
          "the connected account has no access token; connect it again",
          false,
          java.util.List.of(),
          null);
    }
    return request.header("Authorization", "Bearer " + token);
  }

  /** {@code k=v&…} in order, both encoded. */
  static String encode(Map<String, String> parameters) {
    return new LinkedHashMap<>(parameters)
        .entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  /** A node id as a path segment (ids are digits; anything else is encoded, never a path). */
  public static String node(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "GraphClient[" + reads.endpoint() + ", " + version + "]";
  }
}
