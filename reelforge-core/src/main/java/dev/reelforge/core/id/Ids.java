package dev.reelforge.core.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered identifiers (UUID version 7, RFC 9562): the first 48 bits are the Unix time in
 * milliseconds, so new rows land at the end of a B-tree index instead of at random places, and ids
 * sort roughly by creation time.
 */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /** A new version-7 UUID stamped with {@code clock}'s current time. */
  public static UUID newId(Clock clock) {
    long millis = clock.millis();
    long randA = RANDOM.nextLong();
    long randB = RANDOM.nextLong();
    long msb = (millis << 16) | 0x7000L | (randA & 0x0FFFL);
    long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  /** The millisecond timestamp a version-7 UUID carries. */
  public static long timestampMillis(UUID id) {
    if (id.version() != 7) {
      throw new IllegalArgumentException("not a version-7 UUID: " + id);
    }
    return id.getMostSignificantBits() >>> 16;
  }
}
