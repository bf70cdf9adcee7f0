package dev.reelforge.providers.http;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

/**
 * How a provider's answer or a failed attempt maps onto the core error taxonomy, in one place for
 * every cloud adapter: 408, 425, 429 and 5xx are transient ({@code RATE_LIMIT_EXCEEDED} for 429,
 * else {@code EXTERNAL_API_ERROR}, both retryable), every other 4xx a permanent {@link
 * ProviderRejection}; timeouts are {@code EXTERNAL_API_TIMEOUT} and unreachable hosts {@code
 * EXTERNAL_API_ERROR}, both retryable.
 */
public final class HttpErrors {

  private HttpErrors() {}

  /** 408 Request Timeout, 425 Too Early, 429 Too Many Requests and every 5xx may pass on retry. */
  public static boolean isTransient(int status) {
    return status == 408 || status == 425 || status == 429 || status >= 500;
  }

  /**
   * The error for a non-2xx answer of {@code provider}: a {@link ProviderRejection} (permanent) for
   * a 4xx that retrying cannot change, else a retryable error carrying the provider's message.
   */
  public static ReelForgeException forStatus(String provider, int status, byte[] errorBody) {
    String message = ErrorBodies.message(errorBody);
    if (!isTransient(status)) {
      return new ProviderRejection(provider, status, message, ErrorBodies.code(errorBody));
    }
    return new ReelForgeException(
        status == 429 ? ErrorCode.RATE_LIMIT_EXCEEDED : ErrorCode.EXTERNAL_API_ERROR,
        provider + " failed (HTTP " + status + ")" + (message.isEmpty() ? "" : ": " + message),
        true,
        List.of(),
        null);
  }

  /**
   * A {@code Retry-After} too long to wait for in-line: the call fails as rate limited (retryable),
   * so that the job engine reschedules instead of a worker sleeping.
   */
  public static ReelForgeException retryLater(String provider, Duration retryAfter) {
    return retryLater(provider, retryAfter, ErrorCode.RATE_LIMIT_EXCEEDED);
  }

  /**
   * The same with the code the vendor's own reading gave ({@code EXTERNAL_RATE_LIMIT} for a video
   * engine at capacity), so that a fallback chain can tell the vendor's limit from ours.
   */
  public static ReelForgeException retryLater(
      String provider, Duration retryAfter, ErrorCode code) {
    return new ReelForgeException(
        code,
        provider + " asks to retry after " + retryAfter.toSeconds() + " s",
        true,
        List.of(),
        null);
  }

  /** An attempt that got no answer within {@code timeout}. */
  public static ReelForgeException timedOut(
      String provider, Duration timeout, HttpTimeoutException cause) {
    return new ReelForgeException(
        ErrorCode.EXTERNAL_API_TIMEOUT,
        provider + " did not answer within " + timeout.toMillis() + " ms",
        true,
        List.of(),
        cause);
  }

  /** An attempt that failed below HTTP: refused connection, reset, TLS failure. */
  public static ReelForgeException unreachable(String provider, IOException cause) {
    return new ReelForgeException(
        ErrorCode.EXTERNAL_API_ERROR,
        provider
            + " could not be reached: "
            + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : " " + cause.getMessage()),
        true,
        List.of(),
        cause);
  }

  /** The calling thread was interrupted (a cancelled task): the work may be tried again later. */
  public static ReelForgeException interrupted(String provider, InterruptedException cause) {
    return new ReelForgeException(
        ErrorCode.SERVICE_UNAVAILABLE,
        "interrupted while calling " + provider,
        true,
        List.of(),
        cause);
  }
}
