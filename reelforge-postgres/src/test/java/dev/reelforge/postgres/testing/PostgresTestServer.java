package dev.reelforge.postgres.testing;

import dev.reelforge.postgres.embedded.EmbeddedPostgresOptions;
import dev.reelforge.postgres.embedded.EmbeddedPostgresServer;
import dev.reelforge.testkit.TempDirs;
import java.nio.file.Path;

/**
 * One real PostgreSQL server per test JVM, started on first use in a throw-away directory and
 * stopped (and deleted) when the JVM exits. Test classes get their own schema in it, so they never
 * see each other's rows.
 */
public final class PostgresTestServer {

  private static EmbeddedPostgresServer server;

  private PostgresTestServer() {}

  /** The shared server, started if this is the first call in the JVM. */
  public static synchronized EmbeddedPostgresServer shared() {
    if (server == null) {
      server = start();
    }
    return server;
  }

  private static EmbeddedPostgresServer start() {
    // World-searchable so that the server can run as an unprivileged user under root.
    Path root = TempDirs.worldSearchable("reelforge-pgtest");
    EmbeddedPostgresServer started =
        EmbeddedPostgresServer.start(EmbeddedPostgresOptions.in(root.resolve("postgres")));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  started.close();
                  TempDirs.deleteTree(root);
                },
                "pgtest-cleanup"));
    return started;
  }
}
