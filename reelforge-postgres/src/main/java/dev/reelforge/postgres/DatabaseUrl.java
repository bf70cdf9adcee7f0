package dev.reelforge.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A PostgreSQL location as operators write it: either a JDBC URL ({@code
 * jdbc:postgresql://host:5432/db}) or a libpq-style URI ({@code
 * postgresql://user:secret@host:5432/db?sslmode=require}, as cloud providers print it). Credentials
 * embedded in the URI are split out so that they never appear in a JDBC URL that gets logged.
 *
 * @param jdbcUrl the JDBC URL without credentials
 * @param username the user name from the URI, if it had one
 * @param password the password from the URI, if it had one
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> username, Optional<String> password) {

  /**
   * Parses {@code url}.
   *
   * @throws IllegalArgumentException with a message that says which forms are accepted
   */
  public static DatabaseUrl parse(String url) {
    String trimmed = url == null ? "" : url.strip();
    if (trimmed.startsWith("jdbc:postgresql://")) {
      return new DatabaseUrl(trimmed, Optional.empty(), Optional.empty());
    }
    if (!(trimmed.startsWith("postgresql://") || trimmed.startsWith("postgres://"))) {
      throw new IllegalArgumentException(
          "expected jdbc:postgresql://HOST:PORT/DB or postgresql://USER:PASSWORD@HOST:PORT/DB");
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URI: " + e.getReason());
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("the URL names no host");
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
    if (uri.getPort() > 0) {
      jdbc.append(':').append(uri.getPort());
    }
    jdbc.append(path);
    if (uri.getRawQuery() != null) {
      jdbc.append('?').append(uri.getRawQuery());
    }
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = Optional.of(decode(parts[0]));
      if (parts.length == 2) {
        password = Optional.of(decode(parts[1]));
      }
    }
    return new DatabaseUrl(jdbc.toString(), user, password);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    // Never print the password.
    return jdbcUrl + username.map(u -> " (user " + u + ")").orElse("");
  }
}
