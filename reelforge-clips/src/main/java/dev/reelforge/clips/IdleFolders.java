package dev.reelforge.clips;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

/** Folders under a root that nobody wrote in for a while, and their removal. */
final class IdleFolders {

  private IdleFolders() {}

  static int prune(Path root, Instant before) {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    int deleted = 0;
    try (Stream<Path> folders = Files.list(root)) {
      for (Path folder : folders.filter(Files::isDirectory).toList()) {
        if (!folder.getFileName().toString().equals("exports")
            && lastWrite(folder).isBefore(before)) {
          Scratch.delete(folder);
          deleted++;
        }
      }
    } catch (IOException e) {
      // Only disk space is lost until the next run of the upkeep.
    }
    return deleted;
  }

  private static Instant lastWrite(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.map(IdleFolders::modified).max(Instant::compareTo).orElse(Instant.EPOCH);
    }
  }

  private static Instant modified(Path path) {
    try {
      return Files.getLastModifiedTime(path).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }
}
