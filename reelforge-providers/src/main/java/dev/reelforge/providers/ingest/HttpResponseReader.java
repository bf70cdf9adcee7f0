package dev.reelforge.providers.ingest;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Reads one HTTP/1.1 response from a stream: status line, headers, then a body framed by {@code
 * Transfer-Encoding: chunked}, {@code Content-Length} or the end of the connection, decoded from
 * gzip or deflate. Every size is bounded, so a hostile server cannot make us buffer without end.
 */
final class HttpResponseReader {

  private static final int MAX_LINE = 8 * 1024;
  private static final int MAX_HEADERS = 100;

  record Head(int status, Map<String, String> headers) {

    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  private final InputStream in;
  private final String site;

  HttpResponseReader(InputStream in, String site) {
    this.in = in;
    this.site = site;
  }

  Head readHead() throws IOException {
    String statusLine = readLine();
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw badResponse("it did not answer in HTTP/1.x");
    }
    int status;
    try {
      status = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw badResponse("its status line was malformed");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int count = 0; ; count++) {
      String line = readLine();
      if (line.isEmpty()) {
        return new Head(status, headers);
      }
      if (count == MAX_HEADERS) {
        throw badResponse("it sent more than " + MAX_HEADERS + " headers");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw badResponse("it sent a malformed header");
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      headers.merge(name, value, (a, b) -> a + ", " + b);
    }
  }

  byte[] readBody(Head head, long maxBytes) throws IOException {
    InputStream framed;
    if (head.header("transfer-encoding")
        .map(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))
        .orElse(false)) {
      framed = new ChunkedInputStream();
    } else {
      Optional<String> length = head.header("content-length");
      if (length.isPresent()) {
        long declared = parseLength(length.get());
        if (declared > maxBytes) {
          throw tooLarge(maxBytes);
        }
        framed = new LimitedInputStream(in, declared);
      } else {
        framed = in;
      }
    }
    String encoding = head.header("content-encoding").orElse("identity").toLowerCase(Locale.ROOT);
    InputStream decoded =
        switch (encoding) {
          case "gzip", "x-gzip" -> new GZIPInputStream(framed);
          case "deflate" -> new InflaterInputStream(framed);
          case "identity", "" -> framed;
          default -> throw badResponse("it used the unsupported content encoding " + encoding);
        };
    return readAtMost(decoded, maxBytes);
  }

  private byte[] readAtMost(InputStream stream, long maxBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    int read;
    while ((read = stream.read(buffer)) != -1) {
      total += read;
      if (total > maxBytes) {
        throw tooLarge(maxBytes);
      }
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
      }
      if (line.size() == MAX_LINE) {
        throw badResponse("it sent a line longer than " + MAX_LINE + " bytes");
      }
      line.write(b);
    }
    throw badResponse("it closed the connection in the middle of the response");
  }

  private long parseLength(String value) {
    try {
      long length = Long.parseLong(value.trim());
      if (length < 0) {
        throw badResponse("its Content-Length was negative");
      }
      return length;
    } catch (NumberFormatException e) {
      throw badResponse("its Content-Length was not a number");
    }
  }

  private ReelForgeException badResponse(String why) {
    return new ReelForgeException(
        ErrorCode.EXTERNAL_API_ERROR, "could not read the page from " + site + ": " + why);
  }

  private ReelForgeException tooLarge(long maxBytes) {
    return new ReelForgeException(
        ErrorCode.PAYLOAD_TOO_LARGE,
        "the page at "
            + site
            + " is larger than "
            + maxBytes / 1024
            + " KiB; link to the article itself");
  }

  /** The body of a chunked response, chunk sizes and trailers removed. */
  private final class ChunkedInputStream extends InputStream {
    private long remaining;
    private boolean done;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (done) {
        return -1;
      }
      if (remaining == 0) {
        String sizeLine = readLine();
        int semicolon = sizeLine.indexOf(';');
        String size = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim();
        try {
          remaining = Long.parseLong(size, 16);
        } catch (NumberFormatException e) {
          throw badResponse("it sent a malformed chunk size");
        }
        if (remaining == 0) {
          while (!readLine().isEmpty()) {
            // trailers are ignored
          }
          done = true;
          return -1;
        }
      }
      int read = in.read(buffer, offset, (int) Math.min(length, remaining));
      if (read == -1) {
        throw badResponse("it closed the connection in the middle of a chunk");
      }
      remaining -= read;
      if (remaining == 0) {
        readLine();
      }
      return read;
    }
  }

  /** At most {@code limit} bytes of the underlying stream. */
  private static final class LimitedInputStream extends InputStream {
    private final InputStream in;
    private long left;

    LimitedInputStream(InputStream in, long limit) {
      this.in = in;
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b != -1) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int read = in.read(buffer, offset, (int) Math.min(length, left));
      if (read != -1) {
        left -= read;
      }
      return read;
    }
  }
}
