package dev.reelforge.app.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

/**
 * How a resumable upload's answers tell the client where to go on: {@code Upload-Offset: N} (tus)
 * and, once bytes arrived, {@code Range: bytes=0-(N-1)} (Google's resumable uploads), on every
 * answer about the upload — the 409 of a chunk that would leave a gap included.
 */
public final class UploadOffsets {

  /** The header with the number of bytes received, from the start, without a gap. */
  public static final String UPLOAD_OFFSET = "Upload-Offset";

  private UploadOffsets() {}

  /** The headers for an upload with {@code offset} bytes received. */
  public static HttpHeaders headers(long offset) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(UPLOAD_OFFSET, Long.toString(offset));
    if (offset > 0) {
      headers.set(HttpHeaders.RANGE, "bytes=0-" + (offset - 1));
    }
    headers.setCacheControl("no-store");
    return headers;
  }

  /** Sets the same headers on a response being written by hand (the error handler). */
  public static void write(HttpServletResponse response, long offset) {
    headers(offset).forEach((name, values) -> response.setHeader(name, values.getFirst()));
  }
}
