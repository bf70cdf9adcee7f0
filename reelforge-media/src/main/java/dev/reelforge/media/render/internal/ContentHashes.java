package dev.reelforge.media.render.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SHA-256 of source files, kept for the life of the process. A clips export renders every clip as
 * its own render of the same multi-gigabyte source, and each render hashes its sources for the
 * segment cache keys: without this, the whole source would be read once per clip.
 *
 * <p>A hash is kept under the file's identity: its real path, size, modification time and, where
 * the file system gives one, its file key (device and inode on Linux). A file written again gets a
 * new size or time and is hashed again; a file replaced by renaming gets a new file key. Only a
 * rewrite of the same length within one tick of the file system's clock would go unseen — the same
 * trust {@code make} and rsync's quick check place in these attributes.
 *
 * <p>Bounded (least recently used first out) because a long-running worker sees many sources; an
 * entry is a few hundred bytes. Callers asking for the same file at once share one reading of it:
 * clips render in parallel, and two of them reading a 10 GB file twice would be the waste this
 * class exists to avoid.
 */
final class ContentHashes {

  /** The cache every render in this process shares. */
  static final ContentHashes SHARED = new ContentHashes(1_024);

  private final Map<Identity, CompletableFuture<String>> hashes;
  private final AtomicLong readings = new AtomicLong();

  ContentHashes(int capacity) {
    this.hashes =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Identity, CompletableFuture<String>> e) {
            return size() > capacity;
          }
        };
  }

  /**
   * The SHA-256 of the file's content, in hex: read once per identity of the file. A caller waiting
   * for another's reading stops when interrupted (its render was cancelled), and reads the file
   * itself when that reading failed: another render's cancellation is not its failure.
   */
  String hash(Path file) {
    Identity identity = Identity.of(file);
    while (true) {
      CompletableFuture<String> mine = new CompletableFuture<>();
      CompletableFuture<String> known;
      synchronized (hashes) {
        known = hashes.putIfAbsent(identity, mine);
      }
      if (known == null) {
        return read(file, identity, mine);
      }
      Optional<String> shared = await(known);
      if (shared.isPresent()) {
        return shared.get();
      }
    }
  }

  private String read(Path file, Identity identity, CompletableFuture<String> mine) {
    try {
      readings.incrementAndGet();
      String hash = SourceFiles.sha256(file);
      if (!Identity.of(file).equals(identity)) {
        forget(identity, mine); // written to while it was read: the hash names neither version
      }
      mine.complete(hash);
      return hash;
    } catch (RuntimeException | Error e) {
      forget(identity, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /** How many times a file was read to hash it: what the cache saves, for tests. */
  long readings() {
    return readings.get();
  }

  private void forget(Identity identity, CompletableFuture<String> entry) {
    synchronized (hashes) {
      hashes.remove(identity, entry);
    }
  }

  /** Another caller's hash, or empty when its reading failed (the entry is gone by then). */
  private static Optional<String> await(CompletableFuture<String> hash) {
    try {
      return Optional.of(hash.get());
    } catch (ExecutionException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while another render hashed the same source");
    }
  }

  /** What tells one version of a file from another without reading it. */
  private record Identity(Path realPath, long size, FileTime modified, Object fileKey) {

    static Identity of(Path file) {
      try {
        Path real = file.toRealPath();
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
        return new Identity(
            real, attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
