package dev.reelforge.providers.http;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where a vendor wants its API key: in a header, after a scheme word ({@code Authorization: Bearer
 * …}, {@code Authorization: Key …}, {@code xi-api-key: …}), or as a query parameter ({@code
 * ?key=…}). Nothing is sent when the endpoint has no key (local servers such as Ollama need none).
 */
public final class Auth {

  private final String name;
  private final String prefix;
  private final boolean query;
  private final Supplier<String> token;

  private Auth(String name, String prefix, boolean query, Supplier<String> token) {
    this.name = Objects.requireNonNull(name, "name");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.query = query;
    this.token = token;
  }

  /** {@code Authorization: Bearer KEY} (OpenAI and compatible servers). */
  public static Auth bearer() {
    return header("Authorization", "Bearer ");
  }

  /** {@code NAME: PREFIXKEY}, e.g. {@code header("Authorization", "Key ")}. */
  public static Auth header(String name, String prefix) {
    return new Auth(name, prefix, false, null);
  }

  /**
   * {@code Authorization: Bearer TOKEN} with a token made per request, for vendors whose credential
   * is a short-lived token signed from a key pair (Kling's JWT) rather than the key itself.
   */
  public static Auth bearer(Supplier<String> token) {
    return new Auth("Authorization", "Bearer ", false, Objects.requireNonNull(token, "token"));
  }

  /** The key as the query parameter {@code name}, appended to every request's URI. */
  public static Auth queryParameter(String name) {
    return new Auth(name, "", true, null);
  }

  /** {@code uri} with the key added when it travels in the query. */
  URI apply(URI uri, Endpoint endpoint) {
    if (!query || !endpoint.hasKey()) {
      return uri;
    }
    String parameter =
        URLEncoder.encode(name, StandardCharsets.UTF_8)
            + "="
            + URLEncoder.encode(endpoint.apiKey(), StandardCharsets.UTF_8);
    String text = uri.toString();
    int fragment = text.indexOf('#');
    String head = fragment < 0 ? text : text.substring(0, fragment);
    String tail = fragment < 0 ? "" : text.substring(fragment);
    return URI.create(head + (uri.getRawQuery() == null ? "?" : "&") + parameter + tail);
  }

  /** {@code request} with the key header added when the key travels in a header. */
  HttpRequest.Builder apply(HttpRequest.Builder request, Endpoint endpoint) {
    if (token != null) {
      request.header(name, prefix + token.get());
    } else if (!query && endpoint.hasKey()) {
      request.header(name, prefix + endpoint.apiKey());
    }
    return request;
  }

  /** Never prints a key; says where one goes. */
  @Override
  public String toString() {
    return query
        ? "Auth[query " + name + "]"
        : "Auth[header " + name + (token == null ? "" : ", signed token") + "]";
  }
}
