package dev.reelforge.core.storage;

import java.time.Duration;
import java.util.Locale;

/**
 * How long stored objects are kept (seed 002: 30/90/180-day windows). The durations are defaults;
 * operators change them with {@code reelforge.storage.retention.*}.
 */
public enum RetentionClass {
  SHORT(Duration.ofDays(30)),
  STANDARD(Duration.ofDays(90)),
  LONG(Duration.ofDays(180));

  private final Duration defaultDuration;

  RetentionClass(Duration defaultDuration) {
    this.defaultDuration = defaultDuration;
  }

  public Duration defaultDuration() {
    return defaultDuration;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RetentionClass byId(String id) {
    return valueOf(id.strip().toUpperCase(Locale.ROOT));
  }
}
