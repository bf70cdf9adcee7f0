package dev.reelforge.media.render.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The render engine's folders: a cache kept between renders ({@code cache/segments}, {@code
 * cache/audio}, {@code cache/stills}...) and a temporary folder per render, removed when the render
 * ends however it ends. Both live under the work folder so that finished files move into the cache
 * or output with an atomic rename.
 */
public final class WorkDirs {

  /** Outputs are shared with whoever serves or uploads them; temp files get the same mode. */
  private static final FileAttribute<Set<PosixFilePermission>> READABLE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));

  /** No render runs this long, so a temporary folder untouched for longer is abandoned. */
  private static final Duration ABANDONED_AFTER = Duration.ofDays(1);

  private final Path cache;
  private final Path temp;

  private WorkDirs(Path cache, Path temp) {
    this.cache = cache;
    this.temp = temp;
  }

  public static WorkDirs create(Path workDir) {
    try {
      Path cache = workDir.resolve("cache");
      for (String sub : new String[] {"segments", "audio", "stills", "captions", "overlays"}) {
        Files.createDirectories(cache.resolve(sub));
      }
      Path tmp = Files.createDirectories(workDir.resolve("tmp"));
      Path temp = Files.createDirectories(tmp.resolve(UUID.randomUUID().toString()));
      removeAbandoned(tmp, temp);
      return new WorkDirs(cache, temp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the render work folder " + workDir, e);
    }
  }

  /**
   * Removes temporary folders left by renders that were killed (a clean end removes its own). A
   * folder untouched for a day belongs to no running render: none may run that long. "Now" is the
   * time the file system gave the folder just made for this render, so that the ages compared come
   * from one clock (a shared work folder may live on another machine's disk).
   */
  private static void removeAbandoned(Path tmp, Path justMade) throws IOException {
    FileTime dayAgo =
        FileTime.from(Files.getLastModifiedTime(justMade).toInstant().minus(ABANDONED_AFTER));
    try (Stream<Path> folders = Files.list(tmp)) {
      for (Path folder : folders.toList()) {
        if (!folder.equals(justMade) && Files.getLastModifiedTime(folder).compareTo(dayAgo) < 0) {
          new WorkDirs(null, folder).deleteTemp();
        }
      }
    }
  }

  public Path segments() {
    return cache.resolve("segments");
  }

  public Path audio() {
    return cache.resolve("audio");
  }

  public Path stills() {
    return cache.resolve("stills");
  }

  public Path captions() {
    return cache.resolve("captions");
  }

  public Path overlays() {
    return cache.resolve("overlays");
  }

  public Path temp() {
    return temp;
  }

  public Path tempFile(String prefix, String suffix) {
    try {
      return Files.createTempFile(temp, prefix + "-", suffix, READABLE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves a finished file into place in one step, replacing an older one. */
  public void publish(Path finished, Path target) {
    try {
      Files.createDirectories(target.getParent());
      try {
        Files.move(
            finished, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        // The output folder is on another file system: copy beside the target, then rename.
        Path beside = target.resolveSibling("." + target.getFileName() + ".partial");
        Files.copy(finished, beside, StandardCopyOption.REPLACE_EXISTING);
        Files.move(
            beside, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.delete(finished);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes this render's temporary folder and everything in it. */
  public void deleteTemp() {
    try (Stream<Path> files = Files.walk(temp)) {
      files.sorted(Comparator.reverseOrder()).forEach(WorkDirs::deleteQuietly);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A file still held open by a dying FFmpeg is removed by the next clean-up.
      path.toFile().deleteOnExit();
    }
  }
}
