package dev.reelforge.testkit.publish.stub;

/**
 * A request's {@code Content-Range}: {@code bytes FIRST-LAST/TOTAL}, or {@code bytes *}{@code
 * /TOTAL} (a status probe, first and last -1); null when absent or unreadable.
 */
record ContentRange(long first, long last, long total) {

  boolean probe() {
    return first < 0;
  }

  long length() {
    return last - first + 1;
  }

  static ContentRange parse(String header) {
    if (header == null || !header.strip().startsWith("bytes ")) {
      return null;
    }
    String value = header.strip().substring("bytes ".length()).strip();
    int slash = value.indexOf('/');
    if (slash < 0) {
      return null;
    }
    try {
      long total = Long.parseLong(value.substring(slash + 1));
      String range = value.substring(0, slash);
      if (range.equals("*")) {
        return new ContentRange(-1, -1, total);
      }
      int dash = range.indexOf('-');
      long first = Long.parseLong(range.substring(0, dash));
      long last = Long.parseLong(range.substring(dash + 1));
      return first <= last && last < total ? new ContentRange(first, last, total) : null;
    } catch (RuntimeException unreadable) {
      return null;
    }
  }
}
