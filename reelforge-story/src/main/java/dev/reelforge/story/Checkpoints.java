package dev.reelforge.story;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * A folder of small JSON records kept between runs: the content caches of the stages (fetched
 * visuals, narrated beats, music) and the {@code make} command's memory of its data stages. Each
 * record is written atomically (a crash leaves the previous state or the new one, never half a
 * file); a record that cannot be read back counts as missing, so its work is simply done again.
 */
final class Checkpoints {

  private final Path dir;

  Checkpoints(Path dir) {
    this.dir = dir;
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
}
