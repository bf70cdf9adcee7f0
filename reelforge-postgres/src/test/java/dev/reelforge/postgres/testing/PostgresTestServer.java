package dev.reelforge.postgres.testing;

import dev.reelforge.postgres.embedded.EmbeddedPostgresOptions;
import dev.reelforge.postgres.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

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
    try {
      // The parent is world-searchable so that the server can run as an unprivileged user when
      // the tests run as root.
      Path root =
          Path.of(System.getProperty("java.io.tmpdir"), "reelforge-pgtest-" + UUID.randomUUID());
      Files.createDirectories(root);
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
      EmbeddedPostgresServer started =
          EmbeddedPostgresServer.start(EmbeddedPostgresOptions.in(root.resolve("postgres")));
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    started.close();
                    deleteTree(root);
                  },
                  "pgtest-cleanup"));
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort at JVM exit; the directory is in the temporary folder.
    }
  }
}
