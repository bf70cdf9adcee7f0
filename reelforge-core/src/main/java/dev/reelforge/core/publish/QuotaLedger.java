package dev.reelforge.core.publish;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Platform quota used, per scope (a platform and account, e.g. {@code youtube:<account>}), shared
 * by every node: what quota calendars count against. Reservations are idempotent per target, so a
 * retried or resumed upload is counted once.
 */
public interface QuotaLedger {

  /**
   * Atomically: when {@code targetId} already holds a reservation in {@code scope}, answers
   * granted; when the units used since {@code windowStart} plus {@code units} fit {@code capacity},
   * records {@code units} at {@code at} and answers granted; otherwise records nothing and answers
   * the usages in the window, oldest first, so the caller can tell when room opens.
   */
  Reservation reserve(
      String scope, UUID targetId, int units, int capacity, Instant windowStart, Instant at);

  /** Gives a reservation back (the upload never reached the platform). */
  void release(String scope, UUID targetId);

  /** Units used in {@code scope} since {@code since}. */
  int used(String scope, Instant since);

  /** One recorded use. */
  record Usage(Instant at, int units) {}

  /** A reservation's answer. */
  record Reservation(boolean granted, List<Usage> window) {
    public Reservation {
      window = List.copyOf(Objects.requireNonNull(window, "window"));
    }

    public static Reservation grant() {
      return new Reservation(true, List.of());
    }
  }
}
