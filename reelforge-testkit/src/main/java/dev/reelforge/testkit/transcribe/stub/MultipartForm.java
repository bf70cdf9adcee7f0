package dev.reelforge.testkit.transcribe.stub;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body as a server reads it (RFC 7578): the parts between the
 * boundary lines, each with its name, its file name when it is a file, and its bytes.
 */
record MultipartForm(List<Part> parts) {

  record Part(String name, String filename, String contentType, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

  /** The form, or empty when the content type is not multipart or the body is malformed. */
  static Optional<MultipartForm> parse(String contentType, byte[] body) {
    if (contentType == null || !contentType.startsWith("multipart/form-data")) {
      return Optional.empty();
    }
    Matcher boundary = BOUNDARY.matcher(contentType);
    if (!boundary.find()) {
      return Optional.empty();
    }
    byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int at = indexOf(body, delimiter, 0);
    if (at < 0) {
      return Optional.empty();
    }
    while (true) {
      int headersStart = at + delimiter.length;
      if (headersStart + 2 <= body.length
          && body[headersStart] == '-'
          && body[headersStart + 1] == '-') {
        return Optional.of(new MultipartForm(parts)); // the closing delimiter
      }
      headersStart += 2; // CRLF after the delimiter
      int headersEnd =
          indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      int next = indexOf(body, delimiter, headersStart);
      if (headersEnd < 0 || next < 0 || headersEnd > next) {
        return Optional.empty();
      }
      String headers =
          new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, next - 2);
      Matcher name = NAME.matcher(headers);
      Matcher filename = FILENAME.matcher(headers);
      String type = "";
      for (String line : headers.split("\r\n")) {
        if (line.toLowerCase().startsWith("content-type:")) {
          type = line.substring("content-type:".length()).strip();
        }
      }
      parts.add(
          new Part(
              name.find() ? name.group(1) : "",
              filename.find() ? filename.group(1) : null,
              type,
              content));
      at = next;
    }
  }

  Optional<Part> part(String name) {
    return parts.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  List<String> values(String name) {
    return parts.stream().filter(p -> p.name().equals(name)).map(Part::text).toList();
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
