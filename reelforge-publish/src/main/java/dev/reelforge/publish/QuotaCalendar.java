package dev.reelforge.publish;

import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.QuotaLedger.Usage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One platform's publishing quota (seed 002's quota calendars): {@code capacity} units per window,
 * each post costing {@code unitsPerPost}. A window is either a calendar day in a time zone
 * (YouTube's quota resets at midnight Pacific time) or a rolling duration (Instagram's and
 * Facebook's 24 h, TikTok's request rate per minute).
 *
 * @param platform the platform it counts for
 * @param capacity units per window; 0 turns the calendar off
 * @param unitsPerPost what one post costs (YouTube's {@code videos.insert}: 1,600 units)
 * @param rolling the rolling window's length; empty for a calendar day in {@code zone}
 * @param zone the time zone of a calendar-day window
 */
public record QuotaCalendar(
    Platform platform, int capacity, int unitsPerPost, Optional<Duration> rolling, ZoneId zone) {

  public QuotaCalendar {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(rolling, "rolling");
    Objects.requireNonNull(zone, "zone");
    if (capacity < 0 || unitsPerPost < 1) {
      throw new IllegalArgumentException("need capacity >= 0 and unitsPerPost >= 1");
    }
    if (capacity > 0 && unitsPerPost > capacity) {
      throw new IllegalArgumentException(
          platform.key() + ": one post (" + unitsPerPost + ") costs more than the whole quota");
    }
  }

  /** YouTube Data API: 10,000 units a day (Pacific time), an upload 1,600. */
  public static QuotaCalendar youtubeDefault() {
    return daily(Platform.YOUTUBE, 10_000, 1_600, ZoneId.of("America/Los_Angeles"));
  }

  /** Instagram: 100 API-published posts in any 24 h. */
  public static QuotaCalendar instagramDefault() {
    return rolling(Platform.INSTAGRAM, 100, Duration.ofHours(24));
  }

  /** Facebook: 30 reels per page in any 24 h. */
  public static QuotaCalendar facebookDefault() {
    return rolling(Platform.FACEBOOK, 30, Duration.ofHours(24));
  }

  /** TikTok: 6 post initialisations a minute per user token. */
  public static QuotaCalendar tiktokDefault() {
    return rolling(Platform.TIKTOK, 6, Duration.ofMinutes(1));
  }

  public static QuotaCalendar daily(
      Platform platform, int capacity, int unitsPerPost, ZoneId zone) {
    return new QuotaCalendar(platform, capacity, unitsPerPost, Optional.empty(), zone);
  }

  public static QuotaCalendar rolling(Platform platform, int posts, Duration window) {
    return new QuotaCalendar(platform, posts, 1, Optional.of(window), ZoneId.of("UTC"));
  }

  public boolean enabled() {
    return capacity > 0;
  }

  /** Where the window that holds {@code now} starts. */
  public Instant windowStart(Instant now) {
    return rolling
        .map(now::minus)
        .orElseGet(() -> LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant());
  }

  /**
   * When a post no longer fits the window at {@code now}, the first moment it will: the next
   * calendar day, or when enough of {@code window}'s usages (oldest first) have rolled out.
   */
  public Instant nextOpening(Instant now, List<Usage> window) {
    if (rolling.isEmpty()) {
      return LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
    }
    Duration length = rolling.get();
    int used = window.stream().mapToInt(Usage::units).sum();
    Instant opening = now;
    for (Usage usage : window.stream().sorted((a, b) -> a.at().compareTo(b.at())).toList()) {
      if (used + unitsPerPost <= capacity) {
        break;
      }
      used -= usage.units();
      opening = usage.at().plus(length);
    }
    // A millisecond after the use rolls out: the window counts a use at its very start.
    return opening.isAfter(now) ? opening.plusMillis(1) : now.plus(length);
  }

  /** The ledger's scope: one quota per platform account. */
  public String scope(String accountId) {
    return platform.key() + ":" + (accountId.isEmpty() ? "-" : accountId);
  }
}
