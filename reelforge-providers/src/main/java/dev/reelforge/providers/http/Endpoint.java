package dev.reelforge.providers.http;

import java.net.URI;
import java.util.Objects;

/**
 * Where a provider is and how to authenticate: a base URL (so that compatible servers and local
 * stub servers can stand in) and an API key (may be empty for servers that need none, like Ollama).
 */
public record Endpoint(String baseUrl, String apiKey) {

  public Endpoint {
    Objects.requireNonNull(baseUrl, "baseUrl");
    apiKey = Objects.requireNonNullElse(apiKey, "").strip();
    baseUrl = baseUrl.strip().replaceAll("/+$", "");
    if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      throw new IllegalArgumentException(
          "base URL must start with http:// or https://: " + baseUrl);
    }
  }

  /** {@code baseUrl} + {@code path} ({@code path} starts with a slash). */
  public URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  public boolean hasKey() {
    return !apiKey.isEmpty();
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    return "Endpoint[" + baseUrl + (hasKey() ? ", key set" : ", no key") + "]";
  }
}
