package dev.reelforge.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.resilience.CircuitBreaker.Admission;
import dev.reelforge.core.resilience.CircuitBreaker.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  private final MovingClock clock = new MovingClock();

  @Test
  void fiveFailuresWithinTheWindowOpenItForSixtySecondsThenOneTrialDecides() {
    CircuitBreaker breaker = CircuitBreaker.seedDefaults(null, clock);
    for (int i = 0; i < 4; i++) {
      breaker.onFailure();
      clock.advance(Duration.ofSeconds(10));
    }
    assertThat(breaker.snapshot())
        .isEqualTo(new CircuitBreaker.Snapshot(State.CLOSED, 4, Optional.empty()));
    breaker.onFailure();
    Instant opened = clock.instant();
    assertThat(breaker.snapshot())
        .isEqualTo(new CircuitBreaker.Snapshot(State.OPEN, 0, Optional.of(opened.plusSeconds(60))));
    assertThat(breaker.tryAcquire()).isEqualTo(Admission.REFUSED);

    clock.advance(Duration.ofSeconds(60));
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    assertThat(breaker.tryAcquire()).isEqualTo(Admission.TRIAL);
    assertThat(breaker.tryAcquire()).as("one trial at a time").isEqualTo(Admission.REFUSED);
    breaker.onSuccess();
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.tryAcquire()).isEqualTo(Admission.ADMITTED);
  }

  @Test
  void aFailedTrialOpensTheCircuitAgain() {
    CircuitBreaker breaker = CircuitBreaker.seedDefaults(null, clock);
    for (int i = 0; i < 5; i++) {
      breaker.onFailure();
    }
    clock.advance(Duration.ofSeconds(61));
    assertThat(breaker.tryAcquire()).isEqualTo(Admission.TRIAL);
    breaker.onFailure();
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.retryAt()).isEqualTo(clock.instant().plusSeconds(60));
  }

  @Test
  void failuresOlderThanTheWindowAreForgotten() {
    CircuitBreaker breaker = CircuitBreaker.seedDefaults(null, clock);
    for (int i = 0; i < 8; i++) {
      breaker.onFailure();
      clock.advance(Duration.ofSeconds(31));
    }
    // Failures 31 s apart: never more than four within 120 s.
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.snapshot().recentFailures()).isEqualTo(3);
  }

  @Test
  void aTrialThatNeverReportsStopsHoldingTheCircuitAfterItsTimeout() {
    CircuitBreaker breaker = CircuitBreaker.seedDefaults(Duration.ofMinutes(5), clock);
    for (int i = 0; i < 5; i++) {
      breaker.onFailure();
    }
    clock.advance(Duration.ofSeconds(60));
    assertThat(breaker.tryAcquire()).isEqualTo(Admission.TRIAL);
    clock.advance(Duration.ofMinutes(4));
    assertThat(breaker.tryAcquire()).isEqualTo(Admission.REFUSED);
    clock.advance(Duration.ofMinutes(1));
    assertThat(breaker.tryAcquire()).as("the lost trial's slot is free").isEqualTo(Admission.TRIAL);
  }

  @Test
  void aNeutralEndFreesTheTrialWithoutDecidingAnything() {
    CircuitBreaker breaker = CircuitBreaker.seedDefaults(null, clock);
    for (int i = 0; i < 5; i++) {
      breaker.onFailure();
    }
    clock.advance(Duration.ofSeconds(60));
    Admission trial = breaker.tryAcquire();
    breaker.onNeutral(trial);
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    assertThat(breaker.tryAcquire()).isEqualTo(Admission.TRIAL);
  }

  @Test
  void aLateFailureWhileOpenDoesNotProlongTheOpening() {
    CircuitBreaker breaker = CircuitBreaker.seedDefaults(null, clock);
    for (int i = 0; i < 5; i++) {
      breaker.onFailure();
    }
    Instant until = breaker.retryAt();
    clock.advance(Duration.ofSeconds(30));
    breaker.onFailure(); // a call admitted before the circuit opened
    assertThat(breaker.retryAt()).isEqualTo(until);
  }

  /** A clock the test moves (the testkit's MutableClock depends on core). */
  private static final class MovingClock extends Clock {
    private volatile Instant now = START;

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
