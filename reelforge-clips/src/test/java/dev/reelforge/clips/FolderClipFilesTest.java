package dev.reelforge.clips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.clips.ClipSource;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.testkit.clips.ClipRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source's files in local folders: laid out as in the store, deleted one source at a time. */
class FolderClipFilesTest {

  @TempDir Path dir;

  private final Instant now = Instant.parse("2026-06-01T10:00:00Z");

  @Test
  void aSourcesFilesLieInItsFolderAsInTheStore() throws Exception {
    FolderClipFiles files = FolderClipFiles.under(dir);
    ClipSource source = withSubtitles(ClipRecords.source(UUID.randomUUID(), now), "talk.srt");
    Path folder = files.folder(source.ownerId(), source.id());

    assertThat(folder)
        .isEqualTo(dir.resolve(source.ownerId().toString()).resolve(source.id().toString()));
    assertThat(dir.relativize(folder).toString() + "/")
        .isEqualTo(
            ClipKeys.sourcePrefix(source.ownerId(), source.id()).substring("clips/".length()));
    assertThat(files.video(source)).isEqualTo(folder.resolve("source.mp4"));
    assertThat(files.subtitles(source)).contains(folder.resolve("talk.srt"));
    assertThat(files.work(source)).isEqualTo(folder.resolve(".work"));
    UUID export = UUID.randomUUID();
    assertThat(files.export(source, export)).isEqualTo(folder.resolve("exports/" + export));
    assertThat(files.subtitles(ClipRecords.source(source.ownerId(), now))).isEmpty();
    assertThat(files.pull(source.ownerId(), source.id())).isZero();
    assertThat(files.push(source.ownerId(), source.id())).isZero();
  }

  @Test
  void aNameThatLeadsOutOfTheFolderIsRefused() {
    FolderClipFiles files = FolderClipFiles.under(dir);
    ClipSource source = ClipRecords.source(UUID.randomUUID(), now);
    for (String name : new String[] {"../other/source.mp4", "/etc/passwd", "", "."}) {
      assertThatThrownBy(() -> files.subtitles(withSubtitles(source, name)))
          .as(name)
          .isInstanceOfSatisfying(
              ReelForgeException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }
  }

  @Test
  void deletingASourceDeletesItsFilesAndNoOthers() throws Exception {
    FolderClipFiles files = FolderClipFiles.under(dir);
    UUID owner = UUID.randomUUID();
    ClipSource gone = ClipRecords.source(owner, now);
    ClipSource stays = ClipRecords.source(owner, now);
    for (ClipSource source : new ClipSource[] {gone, stays}) {
      Path clip = files.export(source, UUID.randomUUID()).resolve("clip-1.mp4");
      Files.createDirectories(clip.getParent());
      Files.writeString(clip, "clip of " + source.id());
      Files.createDirectories(files.work(source));
      Files.writeString(files.video(source), "video");
    }

    assertThat(files.delete(owner, gone.id())).isTrue();
    assertThat(files.folder(owner, gone.id())).doesNotExist();
    assertThat(files.video(stays)).hasContent("video");
    assertThat(files.delete(owner, gone.id())).isFalse();
  }

  @Test
  void aSingleFolderHoldsTheOneSource() throws Exception {
    Path out = dir.resolve("out");
    FolderClipFiles files = FolderClipFiles.single(out);
    ClipSource source = ClipRecords.source(UUID.randomUUID(), now);
    assertThat(files.folder(source.ownerId(), source.id())).isEqualTo(out);
    assertThat(files.video(source)).isEqualTo(out.resolve("source.mp4"));
    Files.createDirectories(files.work(source));
    assertThat(files.delete(source.ownerId(), source.id())).isTrue();
    assertThat(out).doesNotExist();
  }

  private static ClipSource withSubtitles(ClipSource s, String name) {
    return new ClipSource(
        s.id(),
        s.ownerId(),
        s.name(),
        s.fileKey(),
        s.sizeBytes(),
        s.probe(),
        Optional.of(name),
        s.status(),
        s.analysisRunId(),
        s.transcript(),
        s.createdAt());
  }
}
