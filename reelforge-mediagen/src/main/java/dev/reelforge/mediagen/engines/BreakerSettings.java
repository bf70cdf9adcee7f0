package dev.reelforge.mediagen.engines;

import dev.reelforge.core.resilience.CircuitBreaker;
import java.time.Duration;
import java.util.Objects;

/**
 * When an engine's circuit opens and for how long (seed 001 §6.4): {@code threshold} failed jobs
 * within {@code window} open it for {@code openFor}; then one trial job decides.
 */
public record BreakerSettings(int threshold, Duration window, Duration openFor) {

  /** Seed 001 §6.4: 5 failures within 120 s open the circuit for 60 s. */
  public static final BreakerSettings SEED =
      new BreakerSettings(
          CircuitBreaker.SEED_THRESHOLD, CircuitBreaker.SEED_WINDOW, CircuitBreaker.SEED_OPEN_FOR);

  public BreakerSettings {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(openFor, "openFor");
    if (threshold < 1 || window.isNegative() || window.isZero() || openFor.isNegative()) {
      throw new IllegalArgumentException(
          "a breaker needs a threshold of at least 1 and a positive window");
    }
  }
}
