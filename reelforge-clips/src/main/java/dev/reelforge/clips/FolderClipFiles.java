package dev.reelforge.clips;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.storage.BlobKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@link ClipFiles} in one folder on this machine, each key a path under it (as the local blob
 * store lays keys out): the command line's in-process engine, where every stage runs in this
 * process. A stage reads a stored file where it lies, never a copy.
 */
public final class FolderClipFiles implements ClipFiles {

  private final Path root;

  public FolderClipFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The folder the files are kept in. */
  public Path root() {
    return root;
  }

  /**
   * Where {@code key} is kept.
   *
   * @throws ReelForgeException INVALID_INPUT for a key that is no safe relative path
   */
  public Path path(String key) {
    return root.resolve(BlobKeys.check(key));
  }

  @Override
  public void put(String key, Path file) {
    Path target = path(key);
    try {
      if (Files.exists(target) && Files.isSameFile(file, target)) {
        return;
      }
      Files.createDirectories(target.getParent());
      // Copied beside the target and moved into place: a reader never sees half a file.
      Path partial = Files.createTempFile(target.getParent(), ".put-", ".part");
      try {
        Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store " + file + " as " + key, e);
    }
  }

  /** The stored file itself: it is on this machine already, so {@code scratch} is not used. */
  @Override
  public Path local(String key, Path scratch) {
    Path file = path(key);
    if (!Files.isRegularFile(file)) {
      throw ReelForgeException.notFound("Clip file", key);
    }
    return file;
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(path(key));
  }
}
