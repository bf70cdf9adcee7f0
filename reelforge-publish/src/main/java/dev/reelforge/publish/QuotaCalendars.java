package dev.reelforge.publish;

import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.PublicationTarget;
import dev.reelforge.core.publish.QuotaLedger;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Every platform's quota calendar over the shared ledger. */
public final class QuotaCalendars {

  private final Map<Platform, QuotaCalendar> calendars = new EnumMap<>(Platform.class);
  private final QuotaLedger ledger;

  public QuotaCalendars(Collection<QuotaCalendar> calendars, QuotaLedger ledger) {
    calendars.forEach(c -> this.calendars.put(c.platform(), c));
    this.ledger = ledger;
  }

  /** The defaults of {@link QuotaCalendar}'s factories. */
  public static QuotaCalendars defaults(QuotaLedger ledger) {
    return new QuotaCalendars(
        java.util.List.of(
            QuotaCalendar.youtubeDefault(),
            QuotaCalendar.tiktokDefault(),
            QuotaCalendar.instagramDefault(),
            QuotaCalendar.facebookDefault()),
        ledger);
  }

  public Optional<QuotaCalendar> of(Platform platform) {
    return Optional.ofNullable(calendars.get(platform)).filter(QuotaCalendar::enabled);
  }

  /**
   * Reserves one post of {@code target} at {@code now} (once per target, however often it is
   * asked).
   *
   * @return empty when it fits; otherwise when the window opens again
   */
  Optional<Instant> reserve(PublicationTarget target, Instant now) {
    Optional<QuotaCalendar> calendar = of(target.platform());
    if (calendar.isEmpty()) {
      return Optional.empty();
    }
    QuotaCalendar quota = calendar.get();
    QuotaLedger.Reservation reservation =
        ledger.reserve(
            scope(quota, target),
            target.id(),
            quota.unitsPerPost(),
            quota.capacity(),
            quota.windowStart(now),
            now);
    return reservation.granted()
        ? Optional.empty()
        : Optional.of(quota.nextOpening(now, reservation.window()));
  }

  /** Gives back a reservation whose upload never reached the platform. */
  void release(PublicationTarget target) {
    of(target.platform()).ifPresent(q -> ledger.release(scope(q, target), target.id()));
  }

  /** Units used in the current window of {@code platform} for {@code accountId}. */
  public int used(Platform platform, String accountId, Instant now) {
    return of(platform).map(q -> ledger.used(q.scope(accountId), q.windowStart(now))).orElse(0);
  }

  private static String scope(QuotaCalendar quota, PublicationTarget target) {
    // YouTube counts its quota per Google Cloud project (this server's OAuth client), not per
    // channel: every connected channel spends the same units.
    return quota.platform() == Platform.YOUTUBE
        ? quota.scope("")
        : quota.scope(target.accountId().map(Object::toString).orElse(""));
  }
}
