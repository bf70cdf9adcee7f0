package dev.reelforge.mediagen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A {@link MediaStore} over a folder: a key is a relative path inside it. What the {@code generate}
 * command uses (the server keeps media in its blob store). Files are copied in under a temporary
 * name and renamed into place, so a reader never sees half a file.
 */
public final class FolderMediaStore implements MediaStore {

  private final Path root;

  public FolderMediaStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Where {@code key} is kept (whether or not anything is). */
  public Path pathOf(String key) {
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root) || key.isBlank()) {
      throw new IllegalArgumentException("a media key must stay inside the store: " + key);
    }
    return path;
  }

  @Override
  public void put(String key, Path file, String contentType) {
    Path target = pathOf(key);
    try {
      Files.createDirectories(target.getParent());
      Path partial = Files.createTempFile(target.getParent(), ".put-", ".part");
      try {
        Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(
            partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR,
          "cannot store " + key + " in " + root + ": " + e.getMessage(),
          true,
          List.of(),
          e);
    }
  }

  @Override
  public void copyTo(String key, Path target) {
    Path source = pathOf(key);
    if (!Files.isRegularFile(source)) {
      throw ReelForgeException.notFound("media", key);
    }
    try {
      if (target.getParent() != null) {
        Files.createDirectories(target.getParent());
      }
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR,
          "cannot read " + key + " from " + root + ": " + e.getMessage(),
          true,
          List.of(),
          e);
    }
  }
}
