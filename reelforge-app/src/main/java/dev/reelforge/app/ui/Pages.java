package dev.reelforge.app.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Wording shared by the pages: times and sizes. */
final class Pages {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Pages() {}

  static String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.0f s", duration.toMillis() / 1000.0);
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
