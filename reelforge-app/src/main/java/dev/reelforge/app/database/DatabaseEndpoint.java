package dev.reelforge.app.database;

import dev.reelforge.postgres.DatabaseUrl;
import dev.reelforge.postgres.embedded.EmbeddedPostgresOptions;
import dev.reelforge.postgres.embedded.EmbeddedPostgresServer;
import java.util.Optional;

/**
 * Where the database is: the embedded server this process started, or an external server from
 * {@code reelforge.database.url}. Closing it stops the embedded server, if any.
 *
 * @param jdbcUrl JDBC URL without credentials (safe to print)
 * @param username user to connect as
 * @param password password to connect with (never printed)
 * @param embedded the embedded server, when this process owns one
 */
public record DatabaseEndpoint(
    String jdbcUrl, String username, String password, Optional<EmbeddedPostgresServer> embedded)
    implements AutoCloseable {

  /** Starts the embedded server or parses the external URL, as the settings say. */
  public static DatabaseEndpoint from(DatabaseSettings settings) {
    if (settings.isEmbedded()) {
      DatabaseSettings.Embedded e = settings.getEmbedded();
      EmbeddedPostgresServer server =
          EmbeddedPostgresServer.start(
              new EmbeddedPostgresOptions(
                  e.getDataDir(),
                  e.getPort(),
                  EmbeddedPostgresOptions.DEFAULT_DATABASE,
                  e.getUnprivilegedUser(),
                  e.getStartupTimeout(),
                  // The context stops the server when it closes (this endpoint's close()).
                  false));
      return new DatabaseEndpoint(
          server.jdbcUrl(), server.username(), server.password(), Optional.of(server));
    }
    DatabaseUrl url = DatabaseUrl.parse(settings.getUrl());
    String username =
        settings.getUsername().isBlank() ? url.username().orElse("") : settings.getUsername();
    String password =
        settings.getPassword().isBlank() ? url.password().orElse("") : settings.getPassword();
    return new DatabaseEndpoint(url.jdbcUrl(), username, password, Optional.empty());
  }

  /** A description for logs and {@code doctor}: no password. */
  public String describe() {
    return embedded
        .map(
            s ->
                "embedded PostgreSQL in "
                    + s.dataDirectory()
                    + " on 127.0.0.1:"
                    + s.port()
                    + " (runs as "
                    + s.serverUser()
                    + ")")
        .orElse(
            "external PostgreSQL at " + jdbcUrl + (username.isEmpty() ? "" : " as " + username));
  }

  @Override
  public void close() {
    embedded.ifPresent(EmbeddedPostgresServer::close);
  }

  @Override
  public String toString() {
    return describe();
  }
}
