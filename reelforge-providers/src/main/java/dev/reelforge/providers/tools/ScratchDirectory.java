package dev.reelforge.providers.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A hidden folder next to an output file where a local tool writes its intermediate files; created
 * on the same file system so results can be moved into place atomically, deleted with everything in
 * it when closed.
 */
public final class ScratchDirectory implements AutoCloseable {

  private final Path path;

  private ScratchDirectory(Path path) {
    this.path = path;
  }

  /** A new scratch folder beside {@code output}, named {@code .<prefix>-…}. */
  public static ScratchDirectory beside(Path output, String prefix) throws IOException {
    Path parent = output.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    return new ScratchDirectory(Files.createTempDirectory(parent, "." + prefix + "-"));
  }

  public Path resolve(String name) {
    return path.resolve(name);
  }

  @Override
  public void close() {
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path file : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
