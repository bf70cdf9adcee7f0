package dev.reelforge.postgres.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants as the {@code timestamptz} values the JDBC driver binds unambiguously. */
public final class Utc {

  private Utc() {}

  public static OffsetDateTime now(Clock clock) {
    return of(clock.instant());
  }

  public static OffsetDateTime of(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
