package dev.reelforge.core.error;

import java.time.Duration;

/**
 * A rate limit or quota was reached: the request may be repeated unchanged after {@link
 * #retryAfter()}, which the HTTP edge sends as {@code Retry-After}.
 */
public class LimitExceededException extends ReelForgeException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public LimitExceededException(ErrorCode code, String message, Duration retryAfter) {
    super(code, message);
    this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
