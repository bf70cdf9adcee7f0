package dev.reelforge.media.render.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes cache entries so that a half-written file never appears under its final name: the content
 * goes to a temporary file first and is renamed into place. A render killed mid-way thus leaves
 * only complete entries behind, which is what makes resuming safe.
 */
final class Atomic {

  private Atomic() {}

  /** How a file's content is produced. */
  @FunctionalInterface
  interface Writer {
    void write(Path file) throws IOException;
  }

  static Path write(Path target, Path tempDir, Writer writer) {
    String name = target.getFileName().toString();
    String extension = name.substring(name.lastIndexOf('.'));
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(tempDir, "partial-", extension);
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      try {
        writer.write(temp);
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
