package dev.reelforge.storage.internal;

import dev.reelforge.core.error.DiskFull;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** File moves the stores share: whole files only, and disk errors told apart. */
public final class Files2 {

  private static final String TEMPORARY = ".part";

  private Files2() {}

  /** A temporary file beside {@code target}, named so that listings skip it. */
  public static Path temporaryBeside(Path target) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    return target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + TEMPORARY);
  }

  public static boolean isTemporary(Path file) {
    return file.getFileName().toString().endsWith(TEMPORARY);
  }

  /** Copies through a temporary file and a rename, so readers never see half a file. */
  public static void copyAtomically(Path source, Path target) throws IOException {
    Path temp = temporaryBeside(target);
    try {
      Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
      moveIntoPlace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Writes {@code target} whole: {@code download} fills a temporary file, renamed when done. */
  public static void downloadAtomically(Path target, java.util.function.Consumer<Path> download) {
    try {
      Path temp = temporaryBeside(target);
      try {
        download.accept(temp);
        moveIntoPlace(temp, target);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw failure("cannot write " + target, e);
    }
  }

  public static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw failure("cannot read " + file, e);
    }
  }

  public static void moveIntoPlace(Path temp, Path target) throws IOException {
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * A storage failure as the taxonomy sees it: a full disk is permanent for this attempt and says
   * so; anything else may pass and is retryable.
   */
  public static ReelForgeException failure(String what, IOException e) {
    if (DiskFull.causes(e)) {
      return new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, what + ": no space left on the device", e);
    }
    return new ReelForgeException(ErrorCode.SERVICE_UNAVAILABLE, what + ": " + e.getMessage(), e);
  }
}
