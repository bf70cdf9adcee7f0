package dev.reelforge.app.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as the publishing pages say them: to the minute in UTC (the dashboard's script rewrites
 * each into the browser's own time zone), and how far from now in words.
 */
final class PublishWords {

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private PublishWords() {}

  static String time(Instant at) {
    return MINUTE.format(at);
  }

  static String day(Instant at) {
    return DAY.format(at);
  }

  /** "in 2 h 5 min", "in 3 days", "4 min ago", "now". */
  static String fromNow(Instant now, Instant at) {
    Duration gap = Duration.between(now, at);
    boolean ahead = !gap.isNegative();
    gap = gap.abs();
    String span;
    if (gap.compareTo(Duration.ofMinutes(1)) < 0) {
      return "now";
    } else if (gap.compareTo(Duration.ofHours(1)) < 0) {
      span = gap.toMinutes() + " min";
    } else if (gap.compareTo(Duration.ofDays(2)) < 0) {
      long minutes = gap.toMinutesPart();
      span = gap.toHours() + " h" + (minutes > 0 ? " " + minutes + " min" : "");
    } else {
      span = gap.toDays() + " days";
    }
    return ahead ? "in " + span : span + " ago";
  }

  /** A refusal's reason as a sentence: capitalised, with its full stop. */
  static String sentence(String message) {
    String text = message.endsWith(".") ? message : message + ".";
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
