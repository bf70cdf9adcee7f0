package dev.reelforge.core.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link FolderSync} last synced in one folder: per file its size, modification time and
 * SHA-256. A file whose size or time differs from its entry was changed on this machine. Kept as a
 * tab-separated file, {@code .blob-index}, in the folder itself (never mirrored).
 */
final class FolderIndex {

  static final String FILE = ".blob-index";

  private record Entry(long size, long modifiedMillis, String sha256) {}

  private final Path folder;
  private final Map<String, Entry> entries;

  private FolderIndex(Path folder, Map<String, Entry> entries) {
    this.folder = folder;
    this.entries = entries;
  }

  static boolean isIndex(Path folder, Path file) {
    return file.equals(folder.resolve(FILE)) || file.equals(folder.resolve(FILE + ".tmp"));
  }

  static FolderIndex load(Path folder) {
    Map<String, Entry> entries = new TreeMap<>();
    Path file = folder.resolve(FILE);
    if (Files.isRegularFile(file)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] parts = line.split("\t");
          if (parts.length == 4) {
            entries.put(
                parts[0], new Entry(Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3]));
          }
        }
      } catch (IOException | NumberFormatException e) {
        entries.clear(); // an unreadable index only costs re-hashing
      }
    }
    return new FolderIndex(folder, entries);
  }

  /** Whether the file differs from what was last synced (or was never synced). */
  boolean changedHere(String relative, Path file) {
    Entry entry = entries.get(relative);
    if (entry == null) {
      return true;
    }
    try {
      return Files.size(file) != entry.size()
          || Files.getLastModifiedTime(file).toMillis() != entry.modifiedMillis();
    } catch (IOException missing) {
      return true;
    }
  }

  String sha256(String relative) {
    Entry entry = entries.get(relative);
    return entry == null ? null : entry.sha256();
  }

  void synced(String relative, Path file, String sha256) {
    try {
      entries.put(
          relative,
          new Entry(Files.size(file), Files.getLastModifiedTime(file).toMillis(), sha256));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  void save() {
    List<String> lines = new ArrayList<>();
    entries.forEach(
        (name, e) ->
            lines.add(name + "\t" + e.size() + "\t" + e.modifiedMillis() + "\t" + e.sha256()));
    try {
      Files.createDirectories(folder);
      Path temp = folder.resolve(FILE + ".tmp");
      Files.write(temp, lines, StandardCharsets.UTF_8);
      Files.move(
          temp,
          folder.resolve(FILE),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + folder.resolve(FILE), e);
    }
  }
}
