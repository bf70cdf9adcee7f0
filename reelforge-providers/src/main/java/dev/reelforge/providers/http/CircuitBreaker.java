package dev.reelforge.providers.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Seed 001 §6.4's breaker: CLOSED until {@code threshold} calls fail within {@code window}, then
 * OPEN (calls refused at once) for {@code openFor}, then HALF_OPEN: one trial call goes through;
 * its success closes the circuit, its failure opens it again. Failed calls are those that ended in
 * a transient error after their retries; a rejected request (4xx) says nothing about the provider's
 * health and does not count.
 */
public final class CircuitBreaker {

  /** The breaker's state. */
  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final int threshold;
  private final Duration window;
  private final Duration openFor;
  private final Clock clock;
  private final Deque<Instant> failures = new ArrayDeque<>();
  private Instant openedAt;
  private boolean trialInFlight;

  public CircuitBreaker(int threshold, Duration window, Duration openFor, Clock clock) {
    this.threshold = threshold;
    this.window = window;
    this.openFor = openFor;
    this.clock = clock;
  }

  /** The state now. */
  public synchronized State state() {
    if (openedAt == null) {
      return State.CLOSED;
    }
    return clock.instant().isBefore(openedAt.plus(openFor)) ? State.OPEN : State.HALF_OPEN;
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
        if (trialInFlight) {
          yield Admission.REFUSED;
        }
        trialInFlight = true;
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
    trialInFlight = false;
  }

  /** Records a failed call; opens the circuit at the threshold or when a trial fails. */
  public synchronized void onFailure() {
    Instant now = clock.instant();
    if (trialInFlight || state() == State.HALF_OPEN) {
      trialInFlight = false;
      openedAt = now;
      return;
    }
    failures.addLast(now);
    while (!failures.isEmpty() && failures.peekFirst().isBefore(now.minus(window))) {
      failures.removeFirst();
    }
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
      trialInFlight = false;
    }
  }
}
