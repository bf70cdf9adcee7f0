package dev.reelforge.clips;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A stage execution's scratch folder on this machine, deleted when the execution ends: nothing a
 * later stage needs lives here (that goes to {@link ClipFiles}).
 */
final class Scratch implements AutoCloseable {

  private final Path folder;

  private Scratch(Path folder) {
    this.folder = folder;
  }

  static Scratch under(Path root, UUID runId, String stage) {
    try {
      Files.createDirectories(root);
      return new Scratch(Files.createTempDirectory(root, runId + "-" + stage + "-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a scratch folder under " + root, e);
    }
  }

  Path folder() {
    return folder;
  }

  Path file(String name) {
    return folder.resolve(name);
  }

  @Override
  public void close() {
    delete(folder);
  }

  /** Deletes a folder and what is in it; one that is gone already is fine. */
  static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Scratch left behind is harmless: the next start's cleanup takes it.
    }
  }
}
