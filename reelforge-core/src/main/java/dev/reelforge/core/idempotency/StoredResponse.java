package dev.reelforge.core.idempotency;

import java.util.Arrays;
import java.util.Objects;

/**
 * The answer given to the first request with a key, replayed to every repeat.
 *
 * @param status the HTTP status
 * @param contentType the body's media type, empty when the answer had none
 * @param body the body's bytes
 */
public record StoredResponse(int status, String contentType, byte[] body) {

  public StoredResponse {
    Objects.requireNonNull(contentType, "contentType");
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredResponse that
        && status == that.status
        && contentType.equals(that.contentType)
        && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, contentType, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "StoredResponse[" + status + ", " + contentType + ", " + body.length + " bytes]";
  }
}
