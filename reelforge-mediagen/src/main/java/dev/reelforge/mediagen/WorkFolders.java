package dev.reelforge.mediagen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The scratch folders of the jobs, one per run under the work root: what an engine writes and the
 * frames it reads. Only the store keeps results; a folder is deleted once its job has ended.
 */
final class WorkFolders {

  private final Path root;

  WorkFolders(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The folder of {@code kind}'s run {@code runId}, made when missing. */
  Path folder(String kind, UUID runId) {
    return made(root.resolve(kind + "-" + runId));
  }

  private static Path made(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR,
          "cannot make the work folder " + folder + ": " + e.getMessage(),
          true,
          List.of(),
          e);
    }
    return folder;
  }

  /** {@code name} inside {@code folder}, made when missing. */
  Path subfolder(Path folder, String name) {
    return made(folder.resolve(name));
  }

  /** Deletes {@code folder} and what it holds; a file that cannot be deleted is left. */
  void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // Only disk space is lost; the next job of this run (there is none) would reuse the folder.
    }
  }
}
