package dev.reelforge.clips;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdleFoldersTest {

  @Test
  void onlyFoldersIdleSinceTheCutOffAreDeleted(@TempDir Path root) throws Exception {
    Instant cutOff = Instant.parse("2026-12-07T00:00:00Z");
    Path idle = Files.createDirectories(root.resolve("run-a-render-1"));
    Path busy = Files.createDirectories(root.resolve("run-b-render-2"));
    Path exports = Files.createDirectories(root.resolve("exports"));
    Path oldFile = Files.writeString(idle.resolve("part.mp4"), "x");
    Path newFile = Files.writeString(busy.resolve("part.mp4"), "x");
    FileTime before = FileTime.from(cutOff.minusSeconds(3600));
    for (Path p : new Path[] {idle, oldFile, exports}) {
      Files.setLastModifiedTime(p, before);
    }
    Files.setLastModifiedTime(busy, before);
    Files.setLastModifiedTime(newFile, FileTime.from(cutOff.plusSeconds(60)));

    assertThat(IdleFolders.prune(root, cutOff)).isEqualTo(1);
    assertThat(idle).doesNotExist();
    assertThat(busy).exists();
    assertThat(exports).exists(); // pruned by its own pass, folder by folder
  }
}
