package dev.reelforge.postgres.embedded;

import dev.reelforge.postgres.DatabaseUnavailableException;
import java.io.IOException;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;

/**
 * An embedded server that another process owns, seen as a client: where it listens and how to sign
 * in. Commands run beside a live server ({@code reelforge user}, {@code doctor}) attach to it
 * instead of failing on its lock; attaching never starts or stops anything.
 *
 * <p>The owner writes {@code <data dir>.owner} (its pid and the server's port) once the server
 * accepts connections, and deletes it before it lets the lock go. The file alone proves nothing (an
 * owner killed with {@code -9} leaves it behind), so it is believed only while the lock is held.
 * The password comes from the same {@code 0600} file the owner reads, so only the OS user that runs
 * ReelForge can attach.
 *
 * @param dataDirectory the owner's data directory
 * @param ownerPid the process id of the owner
 * @param port the port the server listens on, on 127.0.0.1
 * @param database the ReelForge database in the cluster
 * @param password the superuser password (never printed)
 */
public record RunningEmbeddedServer(
    Path dataDirectory, long ownerPid, int port, String database, String password) {

  static final String SUPERUSER = "postgres";

  /**
   * The server another process runs on {@code options}' data directory; empty when no process owns
   * it (the caller may start its own).
   *
   * @throws DatabaseUnavailableException when an owner holds the lock but has not said where its
   *     server listens yet (it is starting, or is a ReelForge too old to say)
   */
  public static Optional<RunningEmbeddedServer> find(EmbeddedPostgresOptions options) {
    Path dataDirectory = options.dataDirectory();
    if (!Files.exists(lockFile(dataDirectory)) || !lockHeldElsewhere(dataDirectory)) {
      return Optional.empty();
    }
    Path ownerFile = ownerFile(dataDirectory);
    Properties owner = new Properties();
    try (Reader reader = Files.newBufferedReader(ownerFile, StandardCharsets.UTF_8)) {
      owner.load(reader);
      long pid = Long.parseLong(owner.getProperty("pid", "").strip());
      int port = Integer.parseInt(owner.getProperty("port", "").strip());
      if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        // Left by a killed owner while a new one starts (it deletes the file first, but a
        // reader may have come between): never send the password to a port nobody vouches for.
        throw new IOException("its owner, pid " + pid + ", is not running");
      }
      String password = Files.readString(passwordFile(dataDirectory), StandardCharsets.UTF_8);
      return Optional.of(
          new RunningEmbeddedServer(
              dataDirectory, pid, port, options.database(), password.strip()));
    } catch (IOException | NumberFormatException e) {
      throw new DatabaseUnavailableException(
          "the embedded database in "
              + dataDirectory
              + " is in use by another ReelForge process that has not said where it listens ("
              + ownerFile
              + ": "
              + e.getMessage()
              + "); wait until it has started and try again",
          e);
    }
  }

  /** JDBC URL of the ReelForge database on the running server. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public String username() {
    return SUPERUSER;
  }

  @Override
  public String toString() {
    // A record would print the password.
    return "embedded PostgreSQL on 127.0.0.1:" + port + " owned by pid " + ownerPid;
  }

  /** Written by the owner once its server listens. */
  static void writeOwnerFile(Path dataDirectory, long pid, int port) throws IOException {
    Path ownerFile = ownerFile(dataDirectory);
    Path partial = ownerFile.resolveSibling(ownerFile.getFileName() + ".partial");
    Files.writeString(
        partial,
        "# written by the ReelForge process that owns "
            + dataDirectory
            + "\n"
            + "pid="
            + pid
            + "\nport="
            + port
            + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING);
    // Readers never see half a file.
    Files.move(
        partial, ownerFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** " (pid N, on 127.0.0.1:P)" from the owner file, or nothing when it cannot be read. */
  static String describeOwner(Path dataDirectory) {
    Properties owner = new Properties();
    try (Reader reader =
        Files.newBufferedReader(ownerFile(dataDirectory), StandardCharsets.UTF_8)) {
      owner.load(reader);
    } catch (IOException e) {
      return "";
    }
    String pid = owner.getProperty("pid");
    String port = owner.getProperty("port");
    return pid == null || port == null ? "" : " (pid " + pid + ", on 127.0.0.1:" + port + ")";
  }

  static void deleteOwnerFile(Path dataDirectory) throws IOException {
    Files.deleteIfExists(ownerFile(dataDirectory));
  }

  static Path ownerFile(Path dataDirectory) {
    return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".owner");
  }

  static Path lockFile(Path dataDirectory) {
    return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
  }

  static Path passwordFile(Path dataDirectory) {
    return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password");
  }

  /**
   * Whether some other owner holds the lock now. Probing takes the lock for an instant when it is
   * free, so a starting owner may see it taken and report "in use" once; it retries cleanly.
   */
  private static boolean lockHeldElsewhere(Path dataDirectory) {
    if (EmbeddedPostgresServer.ownedHere(dataDirectory)) {
      // Probing would open and close a second channel on this JVM's own lock, which drops it.
      return true;
    }
    // Opened for writing because a shared lock is not enough to test an exclusive one; the file
    // already exists, so nothing is created.
    try (FileChannel channel =
        FileChannel.open(lockFile(dataDirectory), StandardOpenOption.WRITE)) {
      FileLock probe;
      try {
        probe = channel.tryLock();
      } catch (OverlappingFileLockException heldInThisJvm) {
        return true;
      }
      if (probe == null) {
        return true;
      }
      probe.release();
      return false;
    } catch (IOException e) {
      throw new DatabaseUnavailableException(
          "cannot read the lock of the embedded database in "
              + dataDirectory
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
