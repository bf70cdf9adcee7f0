package dev.reelforge.clips;

import dev.reelforge.core.storage.ScratchFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A stage execution's scratch folder on this machine, deleted when the execution ends: nothing a
 * later stage needs lives here (that goes to {@link ClipFiles}).
 */
final class Scratch implements AutoCloseable {

  private final Path folder;

  private Scratch(Path folder) {
    this.folder = folder;
  }

  static Scratch under(Path root, UUID runId, String stage) {
    try {
      Files.createDirectories(root);
      return new Scratch(Files.createTempDirectory(root, runId + "-" + stage + "-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a scratch folder under " + root, e);
    }
  }

  Path folder() {
    return folder;
  }

  Path file(String name) {
    return folder.resolve(name);
  }

  @Override
  public void close() {
    delete(folder);
  }

  /** Deletes a folder and what is in it; one that is gone already is fine. */
  static void delete(Path folder) {
    ScratchFolders.delete(folder);
  }
}
