package dev.reelforge.providers.http;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a vendor wants its API key: in a header, after a scheme word ({@code Authorization: Bearer
 * …}, {@code Authorization: Key …}, {@code xi-api-key: …}), or as a query parameter ({@code
 * ?key=…}). Nothing is sent when the endpoint has no key (local servers such as Ollama need none).
 */
public final class Auth {

  private final String name;
  private final String prefix;
  private final boolean query;

  private Auth(String name, String prefix, boolean query) {
    this.name = Objects.requireNonNull(name, "name");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.query = query;
  }

  /** {@code Authorization: Bearer KEY} (OpenAI and compatible servers). */
  public static Auth bearer() {
    return header("Authorization", "Bearer ");
  }

  /** {@code NAME: PREFIXKEY}, e.g. {@code header("Authorization", "Key ")}. */
  public static Auth header(String name, String prefix) {
    return new Auth(name, prefix, false);
  }

  /** The key as the query parameter {@code name}, appended to every request's URI. */
  public static Auth queryParameter(String name) {
    return new Auth(name, "", true);
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
    if (!query && endpoint.hasKey()) {
      request.header(name, prefix + endpoint.apiKey());
    }
    return request;
  }

  /** Never prints a key; says where one goes. */
  @Override
  public String toString() {
    return query ? "Auth[query " + name + "]" : "Auth[header " + name + "]";
  }
}
