package dev.reelforge.core.transcript;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timestamps of SRT ({@code 00:01:02,500}) and WebVTT ({@code 01:02.500}, {@code
 * 00:01:02.500}). SRT is read leniently about the decimal mark (a period is common in the wild);
 * WebVTT strictly as its specification says: hours optional, a period, three digits of millis.
 */
final class CueTimes {

  private static final Pattern SRT = Pattern.compile("(\\d{1,3}):(\\d{2}):(\\d{2})[,.](\\d{3})");
  private static final Pattern VTT =
      Pattern.compile("(?:(\\d{1,3}):)?(\\d{2}):(\\d{2})\\.(\\d{3})");

  private CueTimes() {}

  /** Millis, or -1 when {@code text} is not an SRT timestamp with minutes and seconds below 60. */
  static long srt(String text) {
    Matcher m = SRT.matcher(text);
    return m.matches() ? millis(m.group(1), m.group(2), m.group(3), m.group(4)) : -1;
  }

  /** Millis, or -1 when {@code text} is not a WebVTT timestamp. */
  static long vtt(String text) {
    Matcher m = VTT.matcher(text);
    return m.matches() ? millis(m.group(1), m.group(2), m.group(3), m.group(4)) : -1;
  }

  private static long millis(String hours, String minutes, String seconds, String millis) {
    int m = Integer.parseInt(minutes);
    int s = Integer.parseInt(seconds);
    if (m > 59 || s > 59) {
      return -1;
    }
    long h = hours == null ? 0 : Long.parseLong(hours);
    return ((h * 60 + m) * 60 + s) * 1000 + Integer.parseInt(millis);
  }

  /** {@code 00:01:02,500}: how a time is quoted back in an error about an SRT file. */
  static String format(long millis, char mark) {
    long h = millis / 3_600_000;
    long m = millis / 60_000 % 60;
    long s = millis / 1000 % 60;
    return String.format("%02d:%02d:%02d%c%03d", h, m, s, mark, millis % 1000);
  }
}
