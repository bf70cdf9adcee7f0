package dev.reelforge.story;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;

/**
 * A run's work folder: each stage's result as a JSON file written atomically (a crash leaves the
 * previous state or the new one, never half a file), read back when the run is resumed. A file that
 * cannot be read back counts as missing, so the stage is simply done again.
 */
final class Checkpoints {

  private final Path dir;

  Checkpoints(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  Path file(String name) {
    return dir.resolve(name);
  }

  <T> Optional<T> read(String name, Class<T> type) {
    Path file = dir.resolve(name + ".json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(StoryJson.read(file.toFile(), type));
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  void write(String name, Object value) {
    writeJson(dir.resolve(name + ".json"), value);
  }

  static void writeJson(Path file, Object value) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".checkpoint-", ".json");
      try {
        Files.writeString(temp, StoryJson.writePretty(value));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Forgets everything (the inputs changed). */
  void clear() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
