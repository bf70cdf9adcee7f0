package dev.reelforge.core.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * Seed 001 §6.4's breaker: CLOSED until {@code threshold} calls fail within {@code window}, then
 * OPEN (calls refused at once) for {@code openFor}, then HALF_OPEN: one trial call goes through;
 * its success closes the circuit, its failure opens it again. Failed calls are those that ended in
 * a transient error after their retries; a rejected request (4xx) says nothing about the provider's
 * health and does not count.
 *
 * <p>One breaker serves two kinds of call: an HTTP call to a provider ({@code
 * providers.http.ProviderHttp}), which reports within seconds, and a video engine's job (the media
 * feature), which reports minutes later and possibly never in this process (the job was resumed on
 * another node). For the second kind a trial that has not reported after {@code trialTimeout} no
 * longer holds the half-open circuit: the next call becomes the trial.
 */
public final class CircuitBreaker {

  /** Seed 001 §6.4: failures before the circuit opens. */
  public static final int SEED_THRESHOLD = 5;

  /** Seed 001 §6.4: the window failures are counted in. */
  public static final Duration SEED_WINDOW = Duration.ofSeconds(120);

  /** Seed 001 §6.4: how long an open circuit refuses calls. */
  public static final Duration SEED_OPEN_FOR = Duration.ofSeconds(60);

  /** The breaker's state. */
  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  /**
   * The breaker as seen now, for health pages and metrics.
   *
   * @param state the state now
   * @param recentFailures failures counted within the window (0 while open: they opened it)
   * @param openUntil when an open circuit lets the next trial through; empty unless open
   */
  public record Snapshot(State state, int recentFailures, Optional<Instant> openUntil) {
    public Snapshot {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(openUntil, "openUntil");
    }
  }

  private final int threshold;
  private final Duration window;
  private final Duration openFor;
  private final Duration trialTimeout;
  private final Clock clock;
  private final Deque<Instant> failures = new ArrayDeque<>();
  private Instant openedAt;
  private Instant trialSince;

  /** A breaker whose half-open trial holds the circuit until it reports, however long it takes. */
  public CircuitBreaker(int threshold, Duration window, Duration openFor, Clock clock) {
    this(threshold, window, openFor, null, clock);
  }

  /**
   * @param trialTimeout how long a half-open trial may go without reporting before another call may
   *     become the trial; null for never
   */
  public CircuitBreaker(
      int threshold, Duration window, Duration openFor, Duration trialTimeout, Clock clock) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1, was " + threshold);
    }
    this.threshold = threshold;
    this.window = Objects.requireNonNull(window, "window");
    this.openFor = Objects.requireNonNull(openFor, "openFor");
    this.trialTimeout = trialTimeout;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Seed 001 §6.4's settings: 5 failures within 120 s open it for 60 s. */
  public static CircuitBreaker seedDefaults(Duration trialTimeout, Clock clock) {
    return new CircuitBreaker(SEED_THRESHOLD, SEED_WINDOW, SEED_OPEN_FOR, trialTimeout, clock);
  }

  /** The state now. */
  public synchronized State state() {
    if (openedAt == null) {
      return State.CLOSED;
    }
    return clock.instant().isBefore(openedAt.plus(openFor)) ? State.OPEN : State.HALF_OPEN;
  }

  /** The state now, with the failures counted and when an open circuit half-opens. */
  public synchronized Snapshot snapshot() {
    State state = state();
    dropOldFailures(clock.instant());
    return new Snapshot(
        state,
        failures.size(),
        state == State.OPEN ? Optional.of(openedAt.plus(openFor)) : Optional.empty());
  }

  /** Whether a call may go out, and whether it is the trial of a half-open circuit. */
  public enum Admission {
    REFUSED,
    ADMITTED,
    TRIAL
  }

  /** Admits a call now or not. In HALF_OPEN only one trial goes out until it reports. */
  public synchronized Admission tryAcquire() {
    return switch (state()) {
      case CLOSED -> Admission.ADMITTED;
      case OPEN -> Admission.REFUSED;
      case HALF_OPEN -> {
        if (trialInFlight()) {
          yield Admission.REFUSED;
        }
        trialSince = clock.instant();
        yield Admission.TRIAL;
      }
    };
  }

  /** When an open circuit lets the next trial through. */
  public synchronized Instant retryAt() {
    return openedAt == null ? clock.instant() : openedAt.plus(openFor);
  }

  public synchronized void onSuccess() {
    failures.clear();
    openedAt = null;
    trialSince = null;
  }

  /** Records a failed call; opens the circuit at the threshold or when a trial fails. */
  public synchronized void onFailure() {
    Instant now = clock.instant();
    if (trialSince != null || state() == State.HALF_OPEN) {
      trialSince = null;
      openedAt = now;
      return;
    }
    if (state() == State.OPEN) {
      return; // a call admitted before the circuit opened: the circuit already knows
    }
    failures.addLast(now);
    dropOldFailures(now);
    if (failures.size() >= threshold) {
      openedAt = now;
      failures.clear();
    }
  }

  /**
   * Ends a call that told nothing about the provider's health (a rejected request, a cancelled
   * wait); a trial's slot is freed for the next call.
   */
  public synchronized void onNeutral(Admission admission) {
    if (admission == Admission.TRIAL) {
      trialSince = null;
    }
  }

  private boolean trialInFlight() {
    if (trialSince == null) {
      return false;
    }
    if (trialTimeout != null && !clock.instant().isBefore(trialSince.plus(trialTimeout))) {
      trialSince = null; // the trial never reported: its job ended elsewhere or was abandoned
      return false;
    }
    return true;
  }

  private void dropOldFailures(Instant now) {
    while (!failures.isEmpty() && failures.peekFirst().isBefore(now.minus(window))) {
      failures.removeFirst();
    }
  }
}
