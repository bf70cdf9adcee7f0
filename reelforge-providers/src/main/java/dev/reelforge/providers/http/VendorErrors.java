package dev.reelforge.providers.http;

import dev.reelforge.core.error.ReelForgeException;
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
}
