package dev.reelforge.mediagen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.storage.ScratchFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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

  /**
   * Deletes the run folders nothing was written in since {@code before}: those a cancelled run, a
   * run that failed on a store error or a worker that handed its job over left behind.
   *
   * @return how many were deleted
   */
  int pruneIdle(Instant before) {
    return ScratchFolders.pruneIdle(root, before, Set.of());
  }

  /** Deletes {@code folder} and what it holds; a file that cannot be deleted is left. */
  void delete(Path folder) {
    ScratchFolders.delete(folder);
  }
}
