package dev.reelforge.core.jobs.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the test moves by hand. The testkit's {@code MutableClock} does the same, but the testkit
 * depends on core, so core's own tests cannot use it without a cycle.
 */
final class SettableClock extends Clock {

  private volatile Instant now;

  SettableClock(Instant start) {
    this.now = start;
  }

  synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the engine only reads instants");
  }

  @Override
  public Instant instant() {
    return now;
  }
}
