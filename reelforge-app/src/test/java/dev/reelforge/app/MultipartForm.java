package dev.reelforge.app;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} body of files, as a browser or an API client sends an upload. */
public record MultipartForm(String contentType, byte[] body) {

  /** One file of the form. */
  public record Part(String name, String filename, String type, byte[] bytes) {}

  public static MultipartForm of(Part... parts) {
    String boundary = "----form" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Part part : parts) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + part.name()
                  + "\"; filename=\""
                  + part.filename()
                  + "\"\r\nContent-Type: "
                  + part.type()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(part.bytes());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new MultipartForm("multipart/form-data; boundary=" + boundary, body.toByteArray());
  }
}
