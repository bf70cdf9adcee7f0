package dev.reelforge.postgres.embedded.internal;

import dev.reelforge.core.process.ExternalCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The operating-system user the PostgreSQL server runs as. PostgreSQL refuses to start as root, so
 * when ReelForge runs as root (containers, CI) every PostgreSQL command is run through {@code
 * setpriv} as an unprivileged user, and the files the server needs are handed to that user.
 */
public final class ServerUser {

  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);

  private final String name;
  private final String uid;
  private final String gid;

  private ServerUser(String name, String uid, String gid) {
    this.name = name;
    this.uid = uid;
    this.gid = gid;
  }

  /** The current user when it is not root; otherwise {@code unprivilegedUser}. */
  public static ServerUser forCurrentProcess(String unprivilegedUser) {
    if (!isRoot()) {
      return new ServerUser(System.getProperty("user.name"), null, null);
    }
    String uid = id("-u", unprivilegedUser);
    String gid = id("-g", unprivilegedUser);
    return new ServerUser(unprivilegedUser, uid, gid);
  }

  /** Whether commands are switched to another user. */
  public boolean switchesUser() {
    return uid != null;
  }

  public String name() {
    return name;
  }

  /** The command line that runs {@code command} as this user. */
  public List<String> wrap(List<String> command) {
    if (!switchesUser()) {
      return command;
    }
    List<String> wrapped = new ArrayList<>();
    wrapped.add("setpriv");
    wrapped.add("--reuid=" + uid);
    wrapped.add("--regid=" + gid);
    wrapped.add("--clear-groups");
    wrapped.add("--");
    wrapped.addAll(command);
    return wrapped;
  }

  /** Hands {@code path} (and, for a directory, everything below it) to this user. */
  public void takeOwnership(Path path) throws IOException {
    if (!switchesUser() || name.equals(Files.getOwner(path).getName())) {
      return;
    }
    ExternalCommand.Result result =
        ExternalCommand.of(
                List.of("chown", "-R", uid + ":" + gid, path.toString()), Duration.ofMinutes(2))
            .run();
    if (!result.succeeded()) {
      throw new IOException("cannot hand " + path + " to user " + name + ": " + result.tail(2));
    }
  }

  /**
   * Checks that this user can reach {@code directory}: every ancestor must be searchable by it.
   * Returns the first one that is not, or null.
   */
  public Path firstUnreachableAncestor(Path directory) {
    if (!switchesUser()) {
      return null;
    }
    for (Path p = directory.getParent(); p != null; p = p.getParent()) {
      if (!Files.exists(p)) {
        continue;
      }
      try {
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        if (perms.charAt(8) != 'x') {
          return p;
        }
      } catch (IOException | UnsupportedOperationException e) {
        return p;
      }
    }
    return null;
  }

  private static boolean isRoot() {
    return "0".equals(id("-u", null));
  }

  private static String id(String flag, String user) {
    List<String> command = user == null ? List.of("id", flag) : List.of("id", flag, user);
    ExternalCommand.Result result = ExternalCommand.of(command, LOOKUP_TIMEOUT).run();
    if (!result.succeeded()) {
      throw new IllegalStateException(
          "PostgreSQL cannot run as root and the user '"
              + user
              + "' to run it as does not exist; create it or set"
              + " REELFORGE_DATABASE_EMBEDDED_UNPRIVILEGEDUSER");
    }
    return result.output().strip();
  }
}
