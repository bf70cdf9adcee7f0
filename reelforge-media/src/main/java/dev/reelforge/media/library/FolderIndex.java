package dev.reelforge.media.library;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The files of a library folder, each read into an entry once and read again only when its size or
 * modification time changes. The folder is rescanned at most once per {@code refreshEvery}; removed
 * files drop out; a file that cannot be read is kept out with the reason, for {@code doctor} and
 * the logs.
 *
 * @param <T> what a file is read into
 */
final class FolderIndex<T> {

  /** Reads one file into an entry; any exception's message is the reason it is skipped. */
  @FunctionalInterface
  interface Reader<T> {
    T read(Path file) throws IOException;
  }

  private record Entry<T>(T value, long size, long modified) {}

  private final Path root;
  private final Predicate<Path> wanted;
  private final Reader<T> reader;
  private final Clock clock;
  private final Duration refreshEvery;
  private final Map<Path, Entry<T>> entries = new ConcurrentHashMap<>();
  private final Map<Path, String> skipped = new ConcurrentHashMap<>();
  private volatile Instant indexedAt = Instant.MIN;

  FolderIndex(
      Path root, Predicate<Path> wanted, Reader<T> reader, Clock clock, Duration refreshEvery) {
    this.root = root.toAbsolutePath().normalize();
    this.wanted = wanted;
    this.reader = reader;
    this.clock = clock;
    this.refreshEvery = refreshEvery;
  }

  Path root() {
    return root;
  }

  /** Every entry, after a rescan if one is due. */
  List<T> entries() {
    refreshIfDue();
    return entries.values().stream().map(Entry::value).toList();
  }

  Map<Path, String> skipped() {
    refreshIfDue();
    return Map.copyOf(skipped);
  }

  /** Marks {@code file} as not indexable, for readers that decide so without throwing. */
  static IOException skip(String reason) {
    return new IOException(reason);
  }

  /** Rescans now, reading only new or changed files. */
  synchronized void refresh() {
    if (!Files.isDirectory(root)) {
      entries.clear();
      skipped.clear();
      skipped.put(root, "the library folder does not exist");
      indexedAt = clock.instant();
      return;
    }
    Set<Path> seen = new LinkedHashSet<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(wanted)
          .forEach(
              file -> {
                seen.add(file);
                index(file);
              });
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "could not scan the library folder " + root, e);
    }
    entries.keySet().retainAll(seen);
    skipped.keySet().retainAll(seen);
    indexedAt = clock.instant();
  }

  private void refreshIfDue() {
    if (clock.instant().isAfter(indexedAt.plus(refreshEvery))) {
      refresh();
    }
  }

  private void index(Path file) {
    try {
      long size = Files.size(file);
      long modified = Files.getLastModifiedTime(file).toMillis();
      Entry<T> known = entries.get(file);
      if (known != null && known.size() == size && known.modified() == modified) {
        return;
      }
      entries.put(file, new Entry<>(reader.read(file), size, modified));
      skipped.remove(file);
    } catch (IOException | RuntimeException e) {
      entries.remove(file);
      skipped.put(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }
}
