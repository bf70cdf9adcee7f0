package dev.reelforge.core.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The upkeep of a worker's scratch folders on its own disk: the folders under a work root that
 * nothing was written in for a while are those a cancelled run, a failed one or a worker that
 * handed its task over left behind, and may go.
 */
public final class ScratchFolders {

  private ScratchFolders() {}

  /**
   * Deletes the folders right under {@code root} (not files, not {@code kept}) that nothing was
   * written in since {@code before}: neither the folder nor anything inside it. A folder that
   * cannot be read or deleted is left, to the next pass: only disk space is lost until then.
   *
   * @param kept names of folders under {@code root} this pass leaves alone (pruned by a pass of
   *     their own)
   * @return how many folders were deleted
   */
  public static int pruneIdle(Path root, Instant before, Set<String> kept) {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    int deleted = 0;
    try (Stream<Path> folders = Files.list(root)) {
      for (Path folder : folders.filter(Files::isDirectory).toList()) {
        if (!kept.contains(folder.getFileName().toString()) && lastWrite(folder).isBefore(before)) {
          delete(folder);
          deleted++;
        }
      }
    } catch (IOException e) {
      // Only disk space is lost until the next run of the upkeep.
    }
    return deleted;
  }

  private static Instant lastWrite(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.map(ScratchFolders::modified).max(Instant::compareTo).orElse(Instant.EPOCH);
    } catch (UncheckedIOException e) {
      // A folder inside vanished while it was walked: a stage is working in it now.
      return Instant.MAX;
    }
  }

  private static Instant modified(Path path) {
    try {
      return Files.getLastModifiedTime(path).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH; // gone since it was listed: it wrote nothing since
    }
  }

  /**
   * Deletes {@code folder} and what it holds; one that is gone already is fine, and a file that
   * cannot be deleted is left (with the folders above it) for the next pass.
   */
  public static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          // Left behind: only disk space is lost until the next run of the upkeep.
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // Only disk space is lost until the next run of the upkeep.
    }
  }
}
