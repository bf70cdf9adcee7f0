package dev.reelforge.providers.http;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.util.List;
import java.util.Optional;

/**
 * A vendor's own reading of a failed answer, consulted before the generic status mapping of {@link
 * HttpErrors}: some vendors say in the body what the status cannot (Kling answers 429 both for
 * "slow down" and for "your balance is spent"; a content-policy refusal is a 400 like any bad
 * parameter). What it returns decides whether {@link ProviderHttp} retries: a non-retryable error
 * stops at once and never counts against the circuit breaker.
 */
@FunctionalInterface
public interface VendorErrors {

  /** The generic mapping alone. */
  VendorErrors NONE = (status, body) -> Optional.empty();

  /**
   * @param status the HTTP status (not 2xx)
   * @param body the error body, possibly truncated or empty
   * @return the error this answer means, or empty for {@link HttpErrors#forStatus}
   */
  Optional<ReelForgeException> read(int status, byte[] body);

  /**
   * A 429 read as the vendor at its own capacity ({@code EXTERNAL_RATE_LIMIT}, retryable) rather
   * than as our limit ({@code RATE_LIMIT_EXCEEDED}): for video engines, whose fallback chain moves
   * on to another engine when one is busy. {@link ProviderHttp} still honours {@code Retry-After}
   * and retries it like any transient answer; what is left after the retries carries this code.
   *
   * @param vendor the vendor's name as people know it ({@code Runway}), for the message
   */
  static VendorErrors busyWhenRateLimited(String vendor) {
    return (status, body) -> {
      if (status != 429) {
        return Optional.empty();
      }
      String message = ErrorBodies.message(body);
      return Optional.of(
          new ReelForgeException(
              ErrorCode.EXTERNAL_RATE_LIMIT,
              vendor + " is busy (HTTP 429)" + (message.isEmpty() ? "" : ": " + message),
              true,
              List.of(),
              null));
    };
  }
}
