package dev.reelforge.postgres.embedded;

import dev.reelforge.core.process.ExternalCommand;
import dev.reelforge.postgres.DatabaseUnavailableException;
import dev.reelforge.postgres.embedded.internal.PostgresBinaries;
import dev.reelforge.postgres.embedded.internal.ServerUser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server owned by this process: initialised on first use, started on 127.0.0.1,
 * stopped on {@link #close()} (or at JVM exit). The data directory survives restarts.
 *
 * <p>Only one process may own a data directory at a time; the owner holds an OS file lock beside
 * it, which the OS releases if the process dies. A server left running by a process that was killed
 * is stopped and started again by the next owner. While it runs, the owner says where the server
 * listens in a file beside the lock, so that other processes can attach to it as clients ({@link
 * RunningEmbeddedServer}).
 *
 * <p>The superuser password is generated at {@code initdb} and kept in a {@code 0600} file beside
 * the data directory, so other local users cannot connect to the cluster over TCP.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final String SUPERUSER = "postgres";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final EmbeddedPostgresOptions options;
  private final PostgresBinaries binaries;
  private final ServerUser serverUser;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final String password;
  private final int port;
  private final Thread shutdownHook;
  private boolean stopped;

  private EmbeddedPostgresServer(
      EmbeddedPostgresOptions options,
      PostgresBinaries binaries,
      ServerUser serverUser,
      FileChannel lockChannel,
      FileLock lock,
      String password,
      int port) {
    this.options = options;
    this.binaries = binaries;
    this.serverUser = serverUser;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.password = password;
    this.port = port;
    this.shutdownHook = new Thread(this::stopQuietly, "embedded-postgres-shutdown");
  }

  /**
   * Initialises the cluster if needed, starts the server and creates the database.
   *
   * @throws DatabaseUnavailableException with what to do when any step fails
   */
  public static EmbeddedPostgresServer start(EmbeddedPostgresOptions options) {
    Path dataDirectory = options.dataDirectory();
    FileChannel lockChannel = null;
    try {
      Files.createDirectories(dataDirectory.getParent());
      // A second channel on a lock this JVM holds must never be opened: closing it would drop
      // the JVM's POSIX lock on the file, and another process could then take the directory.
      FileLock lock = null;
      if (!OWNED_HERE.contains(key(dataDirectory))) {
        lockChannel = lockFile(dataDirectory);
        lock = tryLock(lockChannel);
      }
      if (lock == null) {
        throw new DatabaseUnavailableException(
            "the embedded database in "
                + dataDirectory
                + " is in use by another ReelForge process"
                + RunningEmbeddedServer.describeOwner(dataDirectory)
                + "; stop it, or give this one its own data folder with --data DIR"
                + " (REELFORGE_DATA_DIR)",
            null);
      }
      OWNED_HERE.add(key(dataDirectory));
      // An owner file left by a killed owner names a dead pid and a port anyone may now hold:
      // nobody may attach through it while this owner starts (it writes its own once listening).
      RunningEmbeddedServer.deleteOwnerFile(dataDirectory);
      ServerUser user = ServerUser.forCurrentProcess(options.unprivilegedUser());
      checkReachable(user, dataDirectory);
      PostgresBinaries binaries = PostgresBinaries.unpack();
      String password = initialiseIfNeeded(options, binaries, user);
      int port = options.port() == 0 ? freePort(options.portsToAvoid()) : options.port();
      EmbeddedPostgresServer server =
          new EmbeddedPostgresServer(options, binaries, user, lockChannel, lock, password, port);
      server.startServer();
      return server;
    } catch (IOException e) {
      release(dataDirectory, lockChannel);
      throw new DatabaseUnavailableException(
          "cannot prepare the embedded database in " + dataDirectory + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      release(dataDirectory, lockChannel);
      throw e instanceof DatabaseUnavailableException d
          ? d
          : new DatabaseUnavailableException(
              "cannot start the embedded database in " + dataDirectory + ": " + e.getMessage(), e);
    }
  }

  /** JDBC URL of the ReelForge database in this cluster. */
  public String jdbcUrl() {
    return jdbcUrl(options.database());
  }

  public String username() {
    return SUPERUSER;
  }

  public String password() {
    return password;
  }

  public int port() {
    return port;
  }

  public Path dataDirectory() {
    return options.dataDirectory();
  }

  /** The OS user the server processes run as. */
  public String serverUser() {
    return serverUser.name();
  }

  /** Stops the server (fast shutdown: open transactions are rolled back) and releases the lock. */
  @Override
  public synchronized void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      // First, so that no command attaches to a server that is about to stop.
      RunningEmbeddedServer.deleteOwnerFile(options.dataDirectory());
    } catch (IOException e) {
      log.warn("cannot delete the embedded database's owner file: {}", e.getMessage());
    }
    if (options.stopAtJvmExit()) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // The hook is what is calling us; nothing to remove.
      }
    }
    ExternalCommand.Result result = pgCtl(List.of("stop", "-m", "fast", "-w"), STOP_TIMEOUT);
    if (!result.succeeded()) {
      log.warn("embedded PostgreSQL did not stop cleanly: {}", result.tail(3));
    }
    try {
      lock.release();
    } catch (IOException e) {
      log.warn("cannot release the embedded database lock: {}", e.getMessage());
    }
    closeQuietly(lockChannel);
    OWNED_HERE.remove(key(options.dataDirectory()));
  }

  private void stopQuietly() {
    try {
      close();
    } catch (RuntimeException e) {
      // Runs at JVM exit: nobody is left to handle the failure, so it is only reported.
      log.warn("embedded PostgreSQL did not stop at exit: {}", e.getMessage());
    }
  }

  private void startServer() {
    ExternalCommand.Result status = pgCtl(List.of("status"), Duration.ofSeconds(10));
    if (status.exitCode() == 0) {
      // We hold the lock, so this server was left behind by a process that died.
      log.info("stopping an embedded PostgreSQL left running by a previous process");
      pgCtl(List.of("stop", "-m", "fast", "-w"), STOP_TIMEOUT);
    }
    String serverOptions =
        "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''";
    ExternalCommand.Result result =
        pgCtl(
            List.of(
                "start",
                "-w",
                "-t",
                Long.toString(options.startupTimeout().toSeconds()),
                "-l",
                options.dataDirectory().resolve("server.log").toString(),
                "-o",
                serverOptions),
            options.startupTimeout().plusSeconds(10));
    if (!result.succeeded()) {
      throw new DatabaseUnavailableException(
          "the embedded PostgreSQL did not start: "
              + result.tail(4)
              + " (log: "
              + options.dataDirectory().resolve("server.log")
              + ")",
          null);
    }
    if (options.stopAtJvmExit()) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
    createDatabaseIfMissing();
    try {
      RunningEmbeddedServer.writeOwnerFile(
          options.dataDirectory(), ProcessHandle.current().pid(), port);
    } catch (IOException e) {
      close();
      throw new DatabaseUnavailableException(
          "cannot write the embedded database's owner file beside "
              + options.dataDirectory()
              + ": "
              + e.getMessage(),
          e);
    }
    log.info(
        "embedded PostgreSQL running on 127.0.0.1:{} with data in {} (as user {})",
        port,
        options.dataDirectory(),
        serverUser.name());
  }

  private void createDatabaseIfMissing() {
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), credentials());
        PreparedStatement exists =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, options.database());
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        // The name is validated as a plain identifier by EmbeddedPostgresOptions.
        create.execute("create database " + options.database());
      }
    } catch (SQLException e) {
      close();
      throw new DatabaseUnavailableException(
          "the embedded PostgreSQL started but refused a connection: " + e.getMessage(), e);
    }
  }

  private Properties credentials() {
    Properties properties = new Properties();
    properties.setProperty("user", SUPERUSER);
    properties.setProperty("password", password);
    return properties;
  }

  private String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  private ExternalCommand.Result pgCtl(List<String> arguments, Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(binaries.bin("pg_ctl").toString());
    command.add("-D");
    command.add(options.dataDirectory().toString());
    command.addAll(arguments);
    return ExternalCommand.of(serverUser.wrap(command), timeout)
        .withEnvironment(java.util.Map.of("LC_ALL", "C"))
        .run();
  }

  private static String initialiseIfNeeded(
      EmbeddedPostgresOptions options, PostgresBinaries binaries, ServerUser user)
      throws IOException {
    Path dataDirectory = options.dataDirectory();
    Path passwordFile = passwordFile(dataDirectory);
    if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
      if (!Files.exists(passwordFile)) {
        throw new DatabaseUnavailableException(
            "the embedded database in "
                + dataDirectory
                + " exists but its password file "
                + passwordFile
                + " is gone; restore the file, or move the directory away to start afresh",
            null);
      }
      user.takeOwnership(dataDirectory);
      return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
    }
    log.info("initialising a new embedded PostgreSQL cluster in {}", dataDirectory);
    Files.createDirectories(dataDirectory);
    Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwx------"));
    user.takeOwnership(dataDirectory);

    String password = newPassword();
    // initdb reads the password from a file; it lives in the (private) data directory only for
    // the duration of initdb, and ReelForge keeps its own copy beside the directory.
    Path initPasswordFile = Files.createTempFile("reelforge-pg-", ".pw");
    try {
      Files.writeString(initPasswordFile, password, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(initPasswordFile, PosixFilePermissions.fromString("rw-------"));
      user.takeOwnership(initPasswordFile);
      List<String> initdb =
          List.of(
              binaries.bin("initdb").toString(),
              "-D",
              dataDirectory.toString(),
              "-U",
              SUPERUSER,
              "-E",
              "UTF8",
              "--locale=C",
              "--auth=scram-sha-256",
              "--pwfile=" + initPasswordFile);
      ExternalCommand.Result result =
          ExternalCommand.of(user.wrap(initdb), options.startupTimeout())
              .withEnvironment(java.util.Map.of("LC_ALL", "C"))
              .run();
      if (!result.succeeded()) {
        throw new DatabaseUnavailableException(
            "initdb failed in " + dataDirectory + ": " + result.tail(4), null);
      }
    } finally {
      Files.deleteIfExists(initPasswordFile);
    }
    Files.writeString(
        passwordFile,
        password,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING);
    Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
    return password;
  }

  private static void checkReachable(ServerUser user, Path dataDirectory) {
    Path blocked = user.firstUnreachableAncestor(dataDirectory);
    if (blocked != null) {
      throw new DatabaseUnavailableException(
          "PostgreSQL cannot run as root, and the user '"
              + user.name()
              + "' it runs as instead cannot enter "
              + blocked
              + "; put the data in a folder it can enter with --data DIR (REELFORGE_DATA_DIR),"
              + " run ReelForge as a normal user, or use an external server with"
              + " REELFORGE_DATABASE_URL",
          null);
    }
  }

  /** Data directories whose lock this JVM holds (see {@link #start}). */
  private static final Set<Path> OWNED_HERE = ConcurrentHashMap.newKeySet();

  /** Whether this JVM owns {@code dataDirectory}'s server. */
  static boolean ownedHere(Path dataDirectory) {
    return OWNED_HERE.contains(key(dataDirectory));
  }

  private static Path key(Path dataDirectory) {
    return dataDirectory.toAbsolutePath().normalize();
  }

  /** After a failed start: the lock this start took, if any, goes. */
  private static void release(Path dataDirectory, FileChannel lockChannel) {
    if (lockChannel != null) {
      OWNED_HERE.remove(key(dataDirectory));
      closeQuietly(lockChannel);
    }
  }

  private static FileChannel lockFile(Path dataDirectory) throws IOException {
    return FileChannel.open(
        RunningEmbeddedServer.lockFile(dataDirectory),
        StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldInThisJvm) {
      return null;
    }
  }

  private static Path passwordFile(Path dataDirectory) {
    return RunningEmbeddedServer.passwordFile(dataDirectory);
  }

  private static String newPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static int freePort(Set<Integer> portsToAvoid) throws IOException {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        if (!portsToAvoid.contains(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      }
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // Closing the lock file releases the lock; failing to close it must not hide the error
      // that led here (a failed start) or a clean stop.
      log.warn("cannot close the embedded database lock file: {}", e.getMessage());
    }
  }
}
