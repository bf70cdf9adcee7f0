package dev.reelforge.mediagen.engines;

import dev.reelforge.core.resilience.CircuitBreaker;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One engine's circuit breaker as seen now, for {@code doctor}, {@code /api/health} and metrics.
 *
 * @param engine the engine's name
 * @param state {@code closed}, {@code open} or {@code half_open}
 * @param recentFailures failures counted within the breaker's window
 * @param openUntil when an open circuit lets a trial job through; empty unless open
 */
public record EngineBreaker(
    String engine, String state, int recentFailures, Optional<Instant> openUntil) {

  public static final String CLOSED = "closed";
  public static final String OPEN = "open";
  public static final String HALF_OPEN = "half_open";

  public EngineBreaker {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(openUntil, "openUntil");
  }

  static EngineBreaker of(String engine, CircuitBreaker.Snapshot snapshot) {
    return new EngineBreaker(
        engine,
        snapshot.state().name().toLowerCase(Locale.ROOT),
        snapshot.recentFailures(),
        snapshot.openUntil());
  }

  /** Whether jobs reach this engine now (closed), or a trial may (half open). */
  public boolean admitsJobs() {
    return !state.equals(OPEN);
  }
}
