package dev.reelforge.brand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A scratch folder for one stage execution, deleted when it ends: stages keep nothing locally, what
 * lasts is in {@link BrandFiles}, so a stage can run on any node.
 */
final class WorkFolder implements AutoCloseable {

  private final Path path;

  WorkFolder(Path root, UUID taskId) {
    try {
      this.path =
          Files.createDirectories(root.resolve("brand-" + taskId + "-" + System.nanoTime()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path path() {
    return path;
  }

  Path file(String name) {
    return path.resolve(name);
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A scratch folder left behind is pruned with the work root; nothing depends on it.
    }
  }
}
