package dev.reelforge.app.database;

import dev.reelforge.postgres.DatabaseUrl;
import dev.reelforge.postgres.embedded.EmbeddedPostgresOptions;
import dev.reelforge.postgres.embedded.EmbeddedPostgresServer;
import dev.reelforge.postgres.embedded.RunningEmbeddedServer;
import java.util.Optional;
import java.util.Set;

/**
 * Where the database is: the embedded server this process started, the embedded server a running
 * ReelForge server owns (for commands run beside it), or an external server from {@code
 * reelforge.database.url}. Closing it stops the embedded server only when this process owns it.
 *
 * @param jdbcUrl JDBC URL without credentials (safe to print)
 * @param username user to connect as
 * @param password password to connect with (never printed)
 * @param embedded the embedded server, when this process owns one
 * @param attached the embedded server another process owns, when this process is its client
 */
public record DatabaseEndpoint(
    String jdbcUrl,
    String username,
    String password,
    Optional<EmbeddedPostgresServer> embedded,
    Optional<RunningEmbeddedServer> attached)
    implements AutoCloseable {

  /**
   * Who may use the embedded server when another process owns its data directory. A server must own
   * it ({@code serve} refuses to be a second owner); a command that serves nothing ({@code user},
   * {@code doctor}) attaches to the running server as a client instead.
   */
  public enum WhenInUse {
    REFUSE,
    ATTACH
  }

  /**
   * Starts the embedded server (or attaches to the one another process runs, when {@code whenInUse}
   * allows) or parses the external URL, as the settings say. A free port picked for the embedded
   * server is never one of {@code portsToAvoid}.
   */
  public static DatabaseEndpoint from(
      DatabaseSettings settings, WhenInUse whenInUse, Set<Integer> portsToAvoid) {
    if (settings.isEmbedded()) {
      DatabaseSettings.Embedded e = settings.getEmbedded();
      EmbeddedPostgresOptions options =
          new EmbeddedPostgresOptions(
              e.getDataDir(),
              e.getPort(),
              EmbeddedPostgresOptions.DEFAULT_DATABASE,
              e.getUnprivilegedUser(),
              e.getStartupTimeout(),
              // The context stops the server when it closes (this endpoint's close()).
              false,
              portsToAvoid);
      if (whenInUse == WhenInUse.ATTACH) {
        Optional<RunningEmbeddedServer> running = RunningEmbeddedServer.find(options);
        if (running.isPresent()) {
          RunningEmbeddedServer r = running.get();
          return new DatabaseEndpoint(
              r.jdbcUrl(), r.username(), r.password(), Optional.empty(), running);
        }
      }
      EmbeddedPostgresServer server = EmbeddedPostgresServer.start(options);
      return new DatabaseEndpoint(
          server.jdbcUrl(),
          server.username(),
          server.password(),
          Optional.of(server),
          Optional.empty());
    }
    DatabaseUrl url = DatabaseUrl.parse(settings.getUrl());
    String username =
        settings.getUsername().isBlank() ? url.username().orElse("") : settings.getUsername();
    String password =
        settings.getPassword().isBlank() ? url.password().orElse("") : settings.getPassword();
    return new DatabaseEndpoint(
        url.jdbcUrl(), username, password, Optional.empty(), Optional.empty());
  }

  /** Whether the database is the embedded one, owned by this process or another. */
  public boolean isEmbedded() {
    return embedded.isPresent() || attached.isPresent();
  }

  /** A description for logs and {@code doctor}: no password. */
  public String describe() {
    if (embedded.isPresent()) {
      EmbeddedPostgresServer s = embedded.get();
      return "embedded PostgreSQL in "
          + s.dataDirectory()
          + " on 127.0.0.1:"
          + s.port()
          + " (runs as "
          + s.serverUser()
          + ")";
    }
    if (attached.isPresent()) {
      RunningEmbeddedServer s = attached.get();
      return "embedded PostgreSQL in "
          + s.dataDirectory()
          + ", owned by a running ReelForge server (pid "
          + s.ownerPid()
          + ") on 127.0.0.1:"
          + s.port();
    }
    return "external PostgreSQL at " + jdbcUrl + (username.isEmpty() ? "" : " as " + username);
  }

  /** Stops the embedded server when this process owns it; a client leaves it running. */
  @Override
  public void close() {
    embedded.ifPresent(EmbeddedPostgresServer::close);
  }

  @Override
  public String toString() {
    return describe();
  }
}
