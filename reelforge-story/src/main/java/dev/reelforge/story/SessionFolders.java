package dev.reelforge.story;

import dev.reelforge.core.storage.BlobCatalog;
import dev.reelforge.core.storage.BlobKeys;
import dev.reelforge.core.storage.FolderSync;
import dev.reelforge.core.storage.RetentionClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A story session's folder on this machine and in the blob store ({@code stories/{id}/}). With a
 * local store the folder is in the store and nothing is copied; with S3 or Azure it is a working
 * copy under {@code reelforge.storage.work-root} that each stage pulls before it runs and pushes
 * after it succeeds, so the next stage may run on any worker.
 */
public final class SessionFolders implements StoryFolders {

  private static final String WORK = ".work/";

  private final FolderSync sync;
  private final BlobCatalog catalog;
  private final Path workRoot;
  private final RetentionClass exports;
  private final RetentionClass work;

  public SessionFolders(
      FolderSync sync,
      BlobCatalog catalog,
      Path workRoot,
      RetentionClass exports,
      RetentionClass work) {
    this.sync = sync;
    this.catalog = catalog;
    this.workRoot = workRoot.toAbsolutePath().normalize();
    this.exports = exports;
    this.work = work;
  }

  /** The session's folder on this machine. */
  @Override
  public Path folder(String sessionId) {
    return catalog
        .store()
        .localPath(BlobKeys.storyFolder(sessionId))
        .orElseGet(() -> workRoot.resolve("stories").resolve(sessionId));
  }

  /** Brings this machine's copy up to date with the store (nothing to do for a local store). */
  @Override
  public int pull(String sessionId) {
    return sync.pull(folder(sessionId), BlobKeys.storyPrefix(sessionId));
  }

  /**
   * Records (and, for remote stores, uploads) what changed here: intermediate files under the work
   * retention class, exports under theirs.
   */
  @Override
  public int push(String sessionId) {
    String prefix = BlobKeys.storyPrefix(sessionId);
    int stored =
        sync.push(folder(sessionId), prefix, path -> path.startsWith(WORK) ? work : exports);
    catalog.keep(prefix, work);
    return stored;
  }

  /**
   * A signed download URL, valid for {@code ttl}, of one of the session's stored files; empty when
   * it does not exist or has expired.
   */
  public Optional<URI> downloadUrl(String sessionId, String name, Duration ttl) {
    return catalog
        .find(BlobKeys.storyPrefix(sessionId) + name)
        .map(blob -> catalog.signedUrl(blob, ttl));
  }

  /** A stored file's signed download URL and its size. */
  public record Download(URI url, long bytes) {}

  /** As {@link #downloadUrl}, with the file's size. */
  public Optional<Download> download(String sessionId, String name, Duration ttl) {
    return catalog
        .find(BlobKeys.storyPrefix(sessionId) + name)
        .map(blob -> new Download(catalog.signedUrl(blob, ttl), blob.size()));
  }

  /**
   * Deletes this machine's working copies of sessions no stage has synced since {@code before}
   * (remote stores only: a local store's folders are the store). Answers how many went. A stage
   * syncs its session when it starts and ends, and none runs for longer than its timeout, so an
   * idle copy is not in use; a later stage pulls it again.
   */
  public int pruneIdleCopies(Instant before) {
    Path stories = workRoot.resolve("stories");
    if (catalog.store().localPath("stories").isPresent() || !Files.isDirectory(stories)) {
      return 0;
    }
    int pruned = 0;
    try (Stream<Path> copies = Files.list(stories)) {
      for (Path copy : copies.filter(Files::isDirectory).toList()) {
        if (lastSynced(copy).isBefore(before) && deleteTree(copy)) {
          sync.forget(copy);
          pruned++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + stories, e);
    }
    return pruned;
  }

  private static Instant lastSynced(Path copy) throws IOException {
    Path index = copy.resolve(FolderSync.INDEX_FILE);
    return Files.getLastModifiedTime(Files.exists(index) ? index : copy).toInstant();
  }

  /**
   * Deletes the session's stored files and this machine's copy; answers whether there were any.
   * Other machines' working copies are caches that their next pull no longer refers to.
   */
  public boolean delete(String sessionId) {
    Path folder = folder(sessionId);
    int keys = catalog.deletePrefix(BlobKeys.storyPrefix(sessionId));
    boolean deleted = deleteTree(folder);
    sync.forget(folder);
    return deleted || keys > 0;
  }

  private static boolean deleteTree(Path folder) {
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
