package dev.reelforge.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Temporary folders that other local users can enter: the embedded PostgreSQL runs as an
 * unprivileged user when the tests run as root, and JUnit's {@code @TempDir} is private (0700).
 */
public final class TempDirs {

  private TempDirs() {}

  /** A new folder {@code prefix-<random>} in the temporary directory, mode 0755. */
  public static Path worldSearchable(String prefix) {
    try {
      Path dir = Path.of(System.getProperty("java.io.tmpdir"), prefix + "-" + UUID.randomUUID());
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code root} and everything below it; best effort. */
  public static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Leftovers in the temporary directory are harmless; the test result is what matters.
    }
  }
}
