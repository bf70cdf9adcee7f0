package dev.reelforge.core.clips.uploads;

import dev.reelforge.core.error.ReelForgeException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One chunk's place in the whole file, as an HTTP {@code Content-Range} header gives it ({@code
 * bytes 0-1048575/73400320}, RFC 9110 §14.4): the first and last byte, inclusive, and the file's
 * total size.
 *
 * @param first the chunk's first byte, counted from 0
 * @param last the chunk's last byte, inclusive
 * @param total the whole file's size in bytes
 */
public record ContentRange(long first, long last, long total) {

  /** The header this record is read from, named in field errors. */
  public static final String HEADER = "Content-Range";

  private static final Pattern FORM =
      Pattern.compile("bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18})", Pattern.CASE_INSENSITIVE);

  public ContentRange {
    if (first < 0 || last < first || total <= 0 || last >= total) {
      throw ReelForgeException.invalidField(
          HEADER,
          "bytes "
              + first
              + "-"
              + last
              + "/"
              + total
              + " is not a range of the file: first ≤ last < total is required");
    }
  }

  /** The chunk's length in bytes. */
  public long length() {
    return last - first + 1;
  }

  /**
   * Reads a header value of the form {@code bytes FIRST-LAST/TOTAL}.
   *
   * @throws ReelForgeException INVALID_INPUT naming the header when it is missing or malformed
   */
  public static ContentRange parse(String header) {
    if (header == null || header.isBlank()) {
      throw ReelForgeException.invalidField(
          HEADER, "is required: bytes FIRST-LAST/TOTAL, e.g. bytes 0-8388607/73400320");
    }
    Matcher m = FORM.matcher(header.strip());
    if (!m.matches()) {
      throw ReelForgeException.invalidField(
          HEADER, "'" + shorten(header) + "' is not of the form bytes FIRST-LAST/TOTAL");
    }
    return new ContentRange(
        Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
  }

  private static String shorten(String header) {
    String bare = header.strip();
    return bare.length() > 60 ? bare.substring(0, 60) + "…" : bare;
  }

  @Override
  public String toString() {
    return "bytes " + first + "-" + last + "/" + total;
  }
}
