package dev.reelforge.testkit.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.publish.QuotaLedger;
import dev.reelforge.core.publish.QuotaLedger.Reservation;
import dev.reelforge.core.publish.QuotaLedger.Usage;
import dev.reelforge.testkit.Race;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link QuotaLedger} honours: units are granted while the window has room and
 * refused past it, with the window's uses to tell when room opens; a target is counted once however
 * often it reserves; released units are free again; and reservations racing from many threads (on
 * PostgreSQL, from several nodes) never grant more than the capacity.
 */
public abstract class QuotaLedgerContract {

  private static final Instant START = Instant.parse("2026-06-01T10:00:00.123456789Z");

  protected QuotaLedger ledger;
  private String scope;

  /** The ledger under test. */
  protected abstract QuotaLedger createLedger();

  /**
   * A ledger sharing {@link #ledger}'s records as another node would: on PostgreSQL a second
   * instance on the same database; in memory, the same instance.
   */
  protected QuotaLedger anotherNode() {
    return ledger;
  }

  @BeforeEach
  void setUpLedger() {
    ledger = createLedger();
    scope = "youtube:" + UUID.randomUUID();
  }

  @Test
  void unitsAreGrantedWhileTheWindowHasRoomThenRefusedWithTheWindowsUses() {
    Instant windowStart = START.minus(Duration.ofDays(1));
    assertThat(
            ledger
                .reserve(scope, UUID.randomUUID(), 1600, 5000, windowStart, START.plusSeconds(2))
                .granted())
        .isTrue();
    assertThat(ledger.reserve(scope, UUID.randomUUID(), 1600, 5000, windowStart, START).granted())
        .isTrue();
    assertThat(ledger.used(scope, windowStart)).isEqualTo(3200);

    Reservation refused =
        ledger.reserve(scope, UUID.randomUUID(), 1900, 5000, windowStart, START.plusSeconds(9));
    assertThat(refused.granted()).isFalse();
    // Oldest first, so that the caller can tell when enough units leave the window.
    assertThat(refused.window())
        .containsExactly(
            new Usage(micros(START), 1600), new Usage(micros(START.plusSeconds(2)), 1600));
    assertThat(ledger.used(scope, windowStart)).isEqualTo(3200);

    // Exactly the capacity fits.
    assertThat(ledger.reserve(scope, UUID.randomUUID(), 1800, 5000, windowStart, START).granted())
        .isTrue();
    assertThat(ledger.used(scope, windowStart)).isEqualTo(5000);
  }

  @Test
  void usesBeforeTheWindowNoLongerCount() {
    Instant first = START;
    ledger.reserve(scope, UUID.randomUUID(), 1, 2, first.minus(Duration.ofHours(24)), first);
    Instant later = first.plus(Duration.ofHours(23));
    ledger.reserve(scope, UUID.randomUUID(), 1, 2, later.minus(Duration.ofHours(24)), later);
    Instant full = first.plus(Duration.ofHours(23).plusMinutes(30));
    Reservation refused =
        ledger.reserve(scope, UUID.randomUUID(), 1, 2, full.minus(Duration.ofHours(24)), full);
    assertThat(refused.granted()).isFalse();
    assertThat(refused.window())
        .extracting(Usage::at)
        .containsExactly(micros(first), micros(later));

    // A rolling 24 hours after the first use, its unit has left the window.
    Instant next = first.plus(Duration.ofHours(24));
    assertThat(ledger.used(scope, next.minus(Duration.ofHours(24)))).isEqualTo(2);
    assertThat(ledger.used(scope, next.minus(Duration.ofHours(24)).plusNanos(1000))).isEqualTo(1);
    assertThat(
            ledger
                .reserve(
                    scope,
                    UUID.randomUUID(),
                    1,
                    2,
                    next.minus(Duration.ofHours(24)).plusNanos(1000),
                    next)
                .granted())
        .isTrue();
  }

  @Test
  void aTargetIsCountedOnceHoweverOftenItReserves() {
    UUID target = UUID.randomUUID();
    Instant windowStart = START.minus(Duration.ofDays(1));
    assertThat(ledger.reserve(scope, target, 3, 4, windowStart, START).granted()).isTrue();
    // A retried upload reserves again: granted, and not counted twice, even with the window full.
    assertThat(ledger.reserve(scope, target, 3, 4, windowStart, START.plusSeconds(60)).granted())
        .isTrue();
    assertThat(ledger.used(scope, windowStart)).isEqualTo(3);
    assertThat(ledger.reserve(scope, UUID.randomUUID(), 3, 4, windowStart, START).granted())
        .isFalse();
    // The same target in another scope is another reservation.
    String otherScope = scope + ":other";
    assertThat(ledger.reserve(otherScope, target, 3, 4, windowStart, START).granted()).isTrue();
    assertThat(ledger.used(otherScope, windowStart)).isEqualTo(3);
    assertThat(ledger.used(scope, windowStart)).isEqualTo(3);
  }

  @Test
  void aReleasedReservationFreesItsUnits() {
    UUID target = UUID.randomUUID();
    Instant windowStart = START.minus(Duration.ofDays(1));
    ledger.reserve(scope, target, 4, 4, windowStart, START);
    assertThat(ledger.reserve(scope, UUID.randomUUID(), 1, 4, windowStart, START).granted())
        .isFalse();
    ledger.release(scope, target);
    ledger.release(scope, UUID.randomUUID());
    ledger.release("nowhere:" + UUID.randomUUID(), target);
    assertThat(ledger.used(scope, windowStart)).isZero();
    assertThat(ledger.reserve(scope, UUID.randomUUID(), 4, 4, windowStart, START).granted())
        .isTrue();
  }

  @Test
  void anUnknownScopeHasUsedNothingAndUnitsMustBePositive() {
    assertThat(ledger.used("tiktok:" + UUID.randomUUID(), START.minus(Duration.ofDays(1))))
        .isZero();
    assertThatThrownBy(
            () -> ledger.reserve(scope, UUID.randomUUID(), 0, 10, START.minusSeconds(60), START))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reservationsRacingAgainstACapacityGrantExactlyTheCapacity() throws Exception {
    int capacity = 5;
    int racers = 16;
    Instant windowStart = START.minus(Duration.ofDays(1));
    QuotaLedger other = anotherNode();
    List<Callable<Boolean>> calls = new ArrayList<>();
    for (int i = 0; i < racers; i++) {
      QuotaLedger node = i % 2 == 0 ? ledger : other;
      calls.add(
          () -> node.reserve(scope, UUID.randomUUID(), 1, capacity, windowStart, START).granted());
    }
    List<Boolean> granted = Race.run(calls);
    assertThat(granted).filteredOn(g -> g).hasSize(capacity);
    assertThat(ledger.used(scope, windowStart)).isEqualTo(capacity);
  }

  @Test
  void oneTargetRacingWithItselfIsCountedOnce() throws Exception {
    UUID target = UUID.randomUUID();
    Instant windowStart = START.minus(Duration.ofDays(1));
    QuotaLedger other = anotherNode();
    List<Callable<Boolean>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      QuotaLedger node = i % 2 == 0 ? ledger : other;
      calls.add(() -> node.reserve(scope, target, 2, 10, windowStart, START).granted());
    }
    assertThat(Race.run(calls)).containsOnly(true);
    assertThat(ledger.used(scope, windowStart)).isEqualTo(2);
  }

  /** PostgreSQL keeps microseconds, rounding the nanoseconds half up. */
  private static Instant micros(Instant instant) {
    return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
  }
}
