package dev.reelforge.postgres.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How to run the embedded PostgreSQL server.
 *
 * @param dataDirectory where the cluster lives; kept across restarts. Its parent holds the lock
 *     file and the generated password.
 * @param port TCP port on 127.0.0.1, or 0 to pick a free one at each start
 * @param database the database ReelForge uses inside the cluster; created when missing
 * @param unprivilegedUser the operating-system user the server runs as when this process is root
 *     (PostgreSQL refuses to run as root)
 * @param startupTimeout how long to wait for {@code initdb} and for the server to accept
 *     connections
 * @param stopAtJvmExit whether the server registers its own JVM shutdown hook. An owner that stops
 *     the server itself at shutdown (the app's context) must say no: JVM hooks run concurrently, so
 *     the server could stop while the owner still needs it
 * @param portsToAvoid ports a free-port pick must not return: ports this process is about to listen
 *     on itself (the web server's), which the kernel may still hand out as free because nobody has
 *     bound them yet
 */
public record EmbeddedPostgresOptions(
    Path dataDirectory,
    int port,
    String database,
    String unprivilegedUser,
    Duration startupTimeout,
    boolean stopAtJvmExit,
    Set<Integer> portsToAvoid) {

  public static final int DEFAULT_PORT = 0;
  public static final String DEFAULT_DATABASE = "reelforge";
  public static final String DEFAULT_UNPRIVILEGED_USER = "nobody";
  public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

  public EmbeddedPostgresOptions {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(unprivilegedUser, "unprivilegedUser");
    Objects.requireNonNull(startupTimeout, "startupTimeout");
    portsToAvoid = Set.copyOf(portsToAvoid);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException(
          "database must be a lower-case SQL identifier, was '" + database + "'");
    }
    dataDirectory = dataDirectory.toAbsolutePath().normalize();
  }

  /** Options that avoid no port in particular. */
  public EmbeddedPostgresOptions(
      Path dataDirectory,
      int port,
      String database,
      String unprivilegedUser,
      Duration startupTimeout,
      boolean stopAtJvmExit) {
    this(dataDirectory, port, database, unprivilegedUser, startupTimeout, stopAtJvmExit, Set.of());
  }

  /** Defaults for everything but the data directory. */
  public static EmbeddedPostgresOptions in(Path dataDirectory) {
    return new EmbeddedPostgresOptions(
        dataDirectory,
        DEFAULT_PORT,
        DEFAULT_DATABASE,
        DEFAULT_UNPRIVILEGED_USER,
        DEFAULT_STARTUP_TIMEOUT,
        true);
  }

  public EmbeddedPostgresOptions withPort(int port) {
    return new EmbeddedPostgresOptions(
        dataDirectory,
        port,
        database,
        unprivilegedUser,
        startupTimeout,
        stopAtJvmExit,
        portsToAvoid);
  }
}
