package dev.reelforge.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upkeep deletes the folders under a work root nothing was written in since the cut-off, judged
 * by their newest file however deep, and leaves busy folders, kept folders and loose files.
 */
class ScratchFoldersTest {

  private static final Instant CUT_OFF = Instant.parse("2026-12-07T00:00:00Z");
  private static final FileTime BEFORE = FileTime.from(CUT_OFF.minusSeconds(3600));
  private static final FileTime AFTER = FileTime.from(CUT_OFF.plusSeconds(60));

  @Test
  void onlyFoldersIdleSinceTheCutOffAreDeleted(@TempDir Path root) throws Exception {
    Path idle = Files.createDirectories(root.resolve("run-a-render-1"));
    Path busy = Files.createDirectories(root.resolve("run-b-render-2"));
    Path exports = Files.createDirectories(root.resolve("exports"));
    Path oldFile = Files.writeString(idle.resolve("part.mp4"), "x");
    Path newFile = Files.writeString(busy.resolve("part.mp4"), "x");
    for (Path p : new Path[] {idle, oldFile, exports}) {
      Files.setLastModifiedTime(p, BEFORE);
    }
    Files.setLastModifiedTime(busy, BEFORE);
    Files.setLastModifiedTime(newFile, AFTER);

    assertThat(ScratchFolders.pruneIdle(root, CUT_OFF, Set.of("exports"))).isEqualTo(1);
    assertThat(idle).doesNotExist();
    assertThat(busy).exists();
    assertThat(exports).exists(); // pruned by its own pass, folder by folder
  }

  @Test
  void aWriteDeepInsideKeepsTheFolderAndLooseFilesAreLeft(@TempDir Path root) throws Exception {
    Path run = Files.createDirectories(root.resolve("image-1"));
    Path deep = Files.createDirectories(run.resolve("frames").resolve("start"));
    Path fresh = Files.writeString(deep.resolve("frame.png"), "x");
    Path loose = Files.writeString(root.resolve("notes.txt"), "x");
    for (Path p : new Path[] {run, run.resolve("frames"), deep, loose}) {
      Files.setLastModifiedTime(p, BEFORE);
    }
    Files.setLastModifiedTime(fresh, AFTER);

    assertThat(ScratchFolders.pruneIdle(root, CUT_OFF, Set.of())).isZero();
    assertThat(fresh).exists();
    assertThat(loose).exists();

    Files.setLastModifiedTime(fresh, BEFORE);
    assertThat(ScratchFolders.pruneIdle(root, CUT_OFF, Set.of())).isEqualTo(1);
    assertThat(run).doesNotExist();
    assertThat(loose).exists();
  }

  @Test
  void aMissingRootOrFolderIsNothingToDo(@TempDir Path root) {
    assertThat(ScratchFolders.pruneIdle(root.resolve("never-made"), CUT_OFF, Set.of())).isZero();
    ScratchFolders.delete(root.resolve("never-made"));
    assertThat(root).exists();
  }
}
