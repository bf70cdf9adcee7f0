package dev.reelforge.providers.meta;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * When a Meta platform's rolling 24-hour publishing cap lets the next post through. Neither API
 * says when a slot opens, only that the cap is reached; the account's newest posts do: the cap-th
 * newest post leaves the window 24 hours after it was posted. Posts made outside the API count in
 * that listing but not against the cap, so the answer is never too early — at worst a little late.
 */
public final class PublishingWindow {

  /** Both caps count over a moving 24 hours. */
  public static final Duration WINDOW = Duration.ofHours(24);

  /** Graph API rate limits count calls over a rolling hour. */
  public static final Duration RATE_LIMIT_WINDOW = Duration.ofHours(1);

  /** Never defer by less: the post that frees the slot may be counted a moment longer. */
  static final Duration MARGIN = Duration.ofMinutes(1);

  /** Graph timestamps: {@code 2026-11-21T12:00:00+0000}. */
  private static final DateTimeFormatter GRAPH_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

  private PublishingWindow() {}

  /**
   * @param newestFirst when the account's newest posts were made, newest first
   * @param cap the platform's cap per 24 hours
   * @return when a slot opens: the cap-th newest post's time plus 24 hours and a minute; with fewer
   *     posts listed than the cap (the listing disagrees with the platform), an hour from now
   */
  public static Instant nextSlot(List<Instant> newestFirst, int cap, Instant now) {
    if (cap < 1 || newestFirst.size() < cap) {
      return now.plus(RATE_LIMIT_WINDOW);
    }
    Instant opens = newestFirst.get(cap - 1).plus(WINDOW).plus(MARGIN);
    return opens.isAfter(now) ? opens : now.plus(MARGIN);
  }

  /** A Graph timestamp ({@code +0000} or ISO 8601 offsets), empty when unreadable. */
  public static Optional<Instant> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    for (DateTimeFormatter format :
        new DateTimeFormatter[] {GRAPH_TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME}) {
      try {
        return Optional.of(OffsetDateTime.parse(text.strip(), format).toInstant());
      } catch (DateTimeParseException next) {
        // Try the other shape.
      }
    }
    return Optional.empty();
  }

  /** {@code at} as the Graph API writes times. */
  public static String format(Instant at) {
    return GRAPH_TIME.format(at.atOffset(java.time.ZoneOffset.UTC));
  }
}
