package dev.reelforge.providers.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578) built in memory: text fields and files, for vendors
 * that take uploads as forms (OpenAI's audio transcriptions). Bodies are bounded by what the vendor
 * accepts (25 MB for OpenAI), so building them in memory is fine.
 */
public final class Multipart {

  private final String boundary = "reelforge-" + UUID.randomUUID();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  /** Adds a text field. */
  public Multipart field(String name, String value) {
    write("--" + boundary + "\r\n");
    write("Content-Disposition: form-data; name=\"" + escaped(name) + "\"\r\n\r\n");
    write(value);
    write("\r\n");
    return this;
  }

  /** Adds a file. */
  public Multipart file(String name, String filename, String contentType, byte[] content) {
    write("--" + boundary + "\r\n");
    write(
        "Content-Disposition: form-data; name=\""
            + escaped(name)
            + "\"; filename=\""
            + escaped(filename)
            + "\"\r\n");
    write("Content-Type: " + contentType + "\r\n\r\n");
    body.writeBytes(content);
    write("\r\n");
    return this;
  }

  /** The header to send the body with. */
  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The finished body, closing delimiter included. */
  public byte[] bytes() {
    ByteArrayOutputStream finished = new ByteArrayOutputStream(body.size() + 64);
    finished.writeBytes(body.toByteArray());
    finished.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return finished.toByteArray();
  }

  private void write(String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String escaped(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "");
  }
}
