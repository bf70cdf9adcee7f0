package dev.reelforge.providers.ingest;

import java.util.Objects;
import java.util.Optional;

/**
 * A page as fetched: where it finally came from, its media type, the charset its headers declared
 * (when they did) and its bytes, already decoded from gzip or deflate.
 */
public record FetchedPage(String url, String mediaType, Optional<String> charset, byte[] body) {

  public FetchedPage {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(mediaType, "mediaType");
    charset = Objects.requireNonNullElse(charset, Optional.empty());
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  public boolean isHtml() {
    return !mediaType.equals("text/plain");
  }
}
