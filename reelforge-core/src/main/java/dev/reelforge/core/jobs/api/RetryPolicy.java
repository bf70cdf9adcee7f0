package dev.reelforge.core.jobs.api;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How a stage is retried: at most {@code maxAttempts} executions, waiting {@code initialBackoff}
 * after the first failure and {@code multiplier} times longer after each next one, capped at {@code
 * maxBackoff}, with up to {@code jitter} of each wait randomised so that many failed tasks do not
 * retry in lock-step.
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    double multiplier,
    double jitter) {

  /** Three attempts, 1 s then 4 s (then 16 s if raised): seed 004's image-job policy. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(5), 4.0, 0.2);

  /** One attempt: failures go straight to the dead letters. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, 0);

  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
    }
    if (multiplier < 1.0) {
      throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
    }
  }

  public static RetryPolicy of(int maxAttempts, Duration initialBackoff, double multiplier) {
    Duration max =
        DEFAULT.maxBackoff.compareTo(initialBackoff) >= 0 ? DEFAULT.maxBackoff : initialBackoff;
    return new RetryPolicy(maxAttempts, initialBackoff, max, multiplier, 0.2);
  }

  public RetryPolicy withJitter(double jitter) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter);
  }

  /** Whether a task that has been executed {@code attempts} times may run again. */
  public boolean allowsAnotherAttempt(int attempts) {
    return attempts < maxAttempts;
  }

  /**
   * The wait before the next execution after the {@code attempt}-th failed (1-based): the
   * exponential delay, minus a random share of up to {@code jitter} of it.
   */
  public Duration backoff(int attempt, RandomGenerator random) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt is 1-based, was " + attempt);
    }
    double base = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1);
    double capped = Math.min(base, maxBackoff.toMillis());
    double jittered = capped * (1.0 - jitter * random.nextDouble());
    return Duration.ofMillis(Math.round(jittered));
  }
}
