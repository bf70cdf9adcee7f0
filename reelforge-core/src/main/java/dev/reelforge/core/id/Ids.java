package dev.reelforge.core.id;

import dev.reelforge.core.error.ReelForgeException;
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

  /**
   * The id in a path or parameter. A malformed one names nothing, so it is a 404 like an id that
   * exists nowhere, never a 400 that would tell ids apart.
   *
   * @throws ReelForgeException RESOURCE_NOT_FOUND naming {@code what} for anything but a UUID
   */
  public static UUID parse(String text, String what) {
    try {
      return UUID.fromString(text == null ? "" : text.strip());
    } catch (IllegalArgumentException e) {
      throw ReelForgeException.notFound(what, text);
    }
  }

  /** Whether {@code text} is a UUID in its canonical 36-character form. */
  public static boolean isUuid(String text) {
    return text != null
        && text.length() == 36
        && text.matches(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  }

  /** The millisecond timestamp a version-7 UUID carries. */
  public static long timestampMillis(UUID id) {
    if (id.version() != 7) {
      throw new IllegalArgumentException("not a version-7 UUID: " + id);
    }
    return id.getMostSignificantBits() >>> 16;
  }
}
