package dev.reelforge.providers.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A successful provider response with what it took to get it.
 *
 * @param status the HTTP status (2xx)
 * @param headers the response headers
 * @param body the body (empty for downloads written to a file)
 * @param attempts how many attempts it took, the successful one included
 * @param took wall time, waits between retries included
 */
public record ProviderResponse(
    int status, HttpHeaders headers, byte[] body, int attempts, Duration took) {

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
