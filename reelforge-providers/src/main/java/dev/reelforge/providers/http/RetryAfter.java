package dev.reelforge.providers.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** A {@code Retry-After} header as seconds or an HTTP date (RFC 9110 §10.2.3). */
final class RetryAfter {

  private RetryAfter() {}

  /** How long the provider asks to wait; empty without the header or when it is unreadable. */
  static Optional<Duration> of(HttpHeaders headers, Clock clock) {
    return headers.firstValue("Retry-After").flatMap(value -> parse(value.strip(), clock));
  }

  private static Optional<Duration> parse(String value, Clock clock) {
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration until = Duration.between(clock.instant(), at);
        return Optional.of(until.isNegative() ? Duration.ZERO : until);
      } catch (RuntimeException unparseable) {
        return Optional.empty();
      }
    }
  }
}
