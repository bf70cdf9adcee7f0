package dev.reelforge.clips;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@link ClipFiles} in folders on this machine, nothing shared: the command line's in-process
 * engine, where every stage runs in this process, so pulling and pushing have nothing to do.
 */
public final class FolderClipFiles implements ClipFiles {

  private final Path root;
  private final boolean single;

  private FolderClipFiles(Path root, boolean single) {
    this.root = root.toAbsolutePath().normalize();
    this.single = single;
  }

  /**
   * One folder per source under {@code root}: {@code {root}/{owner}/{source}/}, as in the store.
   */
  public static FolderClipFiles under(Path root) {
    return new FolderClipFiles(root, false);
  }

  /**
   * Every source in the one folder given: a command's output folder, for a command that cuts one
   * source. Two sources would share their files, so use it for one source only.
   */
  public static FolderClipFiles single(Path folder) {
    return new FolderClipFiles(folder, true);
  }

  @Override
  public Path folder(UUID ownerId, UUID sourceId) {
    return single ? root : root.resolve(ownerId.toString()).resolve(sourceId.toString());
  }

  @Override
  public int pull(UUID ownerId, UUID sourceId) {
    return 0;
  }

  @Override
  public int push(UUID ownerId, UUID sourceId) {
    return 0;
  }

  @Override
  public boolean delete(UUID ownerId, UUID sourceId) {
    Path folder = folder(ownerId, sourceId);
    if (!Files.exists(folder)) {
      return false;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + folder, e);
    }
  }
}
