package dev.reelforge.core.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Mirrors a working folder on this machine with a prefix of the blob store, so that a pipeline
 * stage can run on any worker: {@link #pull} before a stage fetches what other workers stored,
 * {@link #push} after it stores what the stage wrote.
 *
 * <p>Only files this machine changed are pushed, and a file changed here is never replaced by a
 * pull: a stale copy on one worker can therefore not overwrite what another stored, and a pull
 * cannot clobber a file a parallel stage is writing. Both sides are judged against a small index
 * ({@link FolderIndex}) of what was last synced. Pulls and pushes of one folder take turns within a
 * process, because parallel stages share the folder.
 */
public final class FolderSync {

  /** The index file each synced folder keeps; its time is the folder's last sync. */
  public static final String INDEX_FILE = FolderIndex.FILE;

  /** Folder names never mirrored: this machine's own caches. */
  private static final List<String> LOCAL_ONLY = List.of(".thumbs");

  private final BlobCatalog catalog;
  private final Map<Path, Object> locks = new ConcurrentHashMap<>();

  public FolderSync(BlobCatalog catalog) {
    this.catalog = catalog;
  }

  /** Whether the folder is the store itself (a local store), so there is nothing to mirror. */
  public boolean inPlace(String prefix) {
    return catalog.store().localPath(BlobKeys.folderOf(prefix)).isPresent();
  }

  /** Fetches the files stored under the prefix that are missing or outdated here. */
  public int pull(Path folder, String prefix) {
    if (inPlace(prefix)) {
      return 0;
    }
    synchronized (lock(folder)) {
      FolderIndex index = FolderIndex.load(folder);
      int fetched = 0;
      for (StoredBlob blob : catalog.list(prefix)) {
        String relative = blob.key().substring(prefix.length());
        Path file = folder.resolve(relative);
        if (index.changedHere(relative, file) && Files.exists(file)) {
          continue; // written here and not pushed yet: the local bytes are the newer ones
        }
        if (Files.exists(file) && blob.sha256().equals(index.sha256(relative))) {
          continue;
        }
        catalog.get(blob, file);
        index.synced(relative, file, blob.sha256());
        fetched++;
      }
      index.save();
      return fetched;
    }
  }

  /** Stores the files changed here under the prefix, each with the retention class it is given. */
  public int push(Path folder, String prefix, Function<String, RetentionClass> retention) {
    synchronized (lock(folder)) {
      FolderIndex index = FolderIndex.load(folder);
      int stored = 0;
      for (Path file : files(folder)) {
        String relative = relative(folder, file);
        if (!index.changedHere(relative, file)) {
          continue;
        }
        String sha256 = Sha256.of(file);
        catalog.put(
            prefix + relative, file, sha256, ContentTypes.of(relative), retention.apply(relative));
        index.synced(relative, file, sha256);
        stored++;
      }
      index.save();
      return stored;
    }
  }

  /** Drops what this process keeps for a folder it deleted (its lock), so nothing accumulates. */
  public void forget(Path folder) {
    locks.remove(folder.toAbsolutePath().normalize());
  }

  private Object lock(Path folder) {
    return locks.computeIfAbsent(folder.toAbsolutePath().normalize(), f -> new Object());
  }

  private static List<Path> files(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> !FolderIndex.isIndex(folder, f))
          .filter(f -> LOCAL_ONLY.stream().noneMatch(d -> folder.relativize(f).startsWith(d)))
          .filter(f -> !f.getFileName().toString().endsWith(".part"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  private static String relative(Path folder, Path file) {
    return folder.relativize(file).toString().replace('\\', '/');
  }
}
