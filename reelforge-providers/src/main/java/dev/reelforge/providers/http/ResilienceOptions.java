package dev.reelforge.providers.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How one provider's calls are protected. Defaults follow the seeds: seed 000's {@code
 * RETRY_CONFIG} (2 retries, 800 ms base, 5 s cap, jitter) and {@code API_LIMITS} (30 s), seed 001
 * §6.4's circuit breaker (5 failures within 120 s open it for 60 s). The three the operator sets
 * ({@code reelforge.providers.http.timeout}, {@code max-attempts}, {@code max-concurrent}) are
 * checked with errors that name those settings.
 *
 * @param timeout one HTTP attempt's limit
 * @param maxAttempts attempts per call, the first included (1 = no retry)
 * @param baseDelay the first retry's delay before jitter; doubled per retry
 * @param maxDelay the longest computed delay
 * @param maxRetryAfter the longest {@code Retry-After} waited for in-line; a longer one fails the
 *     call as rate limited (retryable), so that the job engine reschedules instead of a worker
 *     sleeping
 * @param failureThreshold failed calls within {@code failureWindow} that open the circuit
 * @param failureWindow how far back failures count
 * @param openDuration how long an open circuit refuses calls before letting one through
 * @param maxConcurrent calls in flight at once to this provider from this process
 */
public record ResilienceOptions(
    Duration timeout,
    int maxAttempts,
    Duration baseDelay,
    Duration maxDelay,
    Duration maxRetryAfter,
    int failureThreshold,
    Duration failureWindow,
    Duration openDuration,
    int maxConcurrent) {

  public ResilienceOptions {
    OptionChecks.positive(OptionChecks.HTTP_SETTINGS + ".timeout", timeout);
    OptionChecks.atLeast(OptionChecks.HTTP_SETTINGS + ".max-attempts", maxAttempts, 1);
    OptionChecks.atLeast(OptionChecks.HTTP_SETTINGS + ".max-concurrent", maxConcurrent, 1);
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    Objects.requireNonNull(failureWindow, "failureWindow");
    Objects.requireNonNull(openDuration, "openDuration");
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failureThreshold must be at least 1");
    }
  }

  /** The seeds' defaults with a 30 s attempt timeout. */
  public static ResilienceOptions defaults() {
    return new ResilienceOptions(
        Duration.ofSeconds(30),
        3,
        Duration.ofMillis(800),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        5,
        Duration.ofSeconds(120),
        Duration.ofSeconds(60),
        4);
  }

  public ResilienceOptions withTimeout(Duration value) {
    return new ResilienceOptions(
        value,
        maxAttempts,
        baseDelay,
        maxDelay,
        maxRetryAfter,
        failureThreshold,
        failureWindow,
        openDuration,
        maxConcurrent);
  }

  public ResilienceOptions withMaxAttempts(int value) {
    return new ResilienceOptions(
        timeout,
        value,
        baseDelay,
        maxDelay,
        maxRetryAfter,
        failureThreshold,
        failureWindow,
        openDuration,
        maxConcurrent);
  }

  public ResilienceOptions withMaxConcurrent(int value) {
    return new ResilienceOptions(
        timeout,
        maxAttempts,
        baseDelay,
        maxDelay,
        maxRetryAfter,
        failureThreshold,
        failureWindow,
        openDuration,
        value);
  }
}
