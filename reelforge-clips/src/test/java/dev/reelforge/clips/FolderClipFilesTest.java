package dev.reelforge.clips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's clip files: stored by key under one folder, read where they lie. */
class FolderClipFilesTest {

  @TempDir Path dir;

  @Test
  void aStoredFileIsReadWhereItLiesUnderItsKey() throws Exception {
    FolderClipFiles files = new FolderClipFiles(dir.resolve("store"));
    UUID owner = UUID.randomUUID();
    UUID source = UUID.randomUUID();
    String key = ClipKeys.source(owner, source, "mp4");
    Path upload = Files.writeString(dir.resolve("talk.mp4"), "the video");
    assertThat(files.exists(key)).isFalse();

    files.put(key, upload);

    assertThat(files.exists(key)).isTrue();
    Path scratch = dir.resolve("scratch");
    Path local = files.local(key, scratch);
    assertThat(local)
        .isEqualTo(dir.resolve("store/clips/" + owner + "/" + source + "/raw/source.mp4"));
    assertThat(local).hasContent("the video");
    assertThat(scratch).doesNotExist();
    // The upload is the caller's: it stays, and the store keeps its own copy.
    assertThat(upload).exists();
    try (var entries = Files.list(local.getParent())) {
      assertThat(entries).containsExactly(local);
    }
  }

  @Test
  void putReplacesWhatWasStoredAndStoringAFileOnItselfKeepsIt() throws Exception {
    FolderClipFiles files = new FolderClipFiles(dir);
    String key =
        ClipKeys.export(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "clip-1.srt");
    files.put(key, Files.writeString(dir.resolve("a.srt"), "first"));
    files.put(key, Files.writeString(dir.resolve("b.srt"), "second"));
    assertThat(files.local(key, dir)).hasContent("second");

    files.put(key, files.path(key));
    assertThat(files.local(key, dir)).hasContent("second");
  }

  @Test
  void aMissingFileIsNotFoundAndAKeyMayNotLeadOutOfTheFolder() throws Exception {
    FolderClipFiles files = new FolderClipFiles(dir.resolve("store"));
    assertThatThrownBy(
            () -> files.local(ClipKeys.source(UUID.randomUUID(), UUID.randomUUID(), "mp4"), dir))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    Path file = Files.writeString(dir.resolve("x"), "x");
    for (String key : new String[] {"../outside", "/etc/passwd", "clips//x", ""}) {
      assertThatThrownBy(() -> files.put(key, file))
          .as(key)
          .isInstanceOfSatisfying(
              ReelForgeException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }
    assertThat(dir.resolve("outside")).doesNotExist();
  }
}
