package dev.reelforge.providers.videogen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.testkit.videogen.StubClips;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the header says is {@link Mp4HeaderTest}'s; here, what is kept and what is refused. */
class VideoFilesTest {

  @Test
  void filesThatAreNotClipsAreRefusedAndNotKept(@TempDir Path dir) {
    byte[] page = "<html>expired link</html>".getBytes(StandardCharsets.UTF_8);
    assertNotAClip(() -> VideoFiles.store("veo", page, dir, "page"), "is not an MP4");
    assertThat(dir.resolve("page.mp4")).doesNotExist();

    byte[] clip = StubClips.clip(16, 9, 4);
    assertNotAClip(
        () -> VideoFiles.store("veo", Arrays.copyOf(clip, clip.length / 2), dir, "cut"),
        "truncated");

    byte[] hevc = clip.clone();
    // The sample entry, not the "avc1" among the file type's compatible brands.
    int at = indexOf(hevc, "avc1", indexOf(hevc, "stsd", 0));
    hevc[at] = 'h';
    hevc[at + 1] = 'v';
    hevc[at + 2] = 'c';
    assertNotAClip(() -> VideoFiles.store("veo", hevc, dir, "hevc"), "'hvc1', not H.264");
    assertThat(dir.resolve("hevc.mp4")).doesNotExist();
  }

  @Test
  void anInlineClipIsStoredWholeUnderItsStem(@TempDir Path dir) {
    VideoFiles.StoredClip clip =
        VideoFiles.store("veo", StubClips.clip(9, 16, 8), dir.resolve("out"), "veo-abc");
    assertThat(clip.file()).isEqualTo(dir.resolve("out").resolve("veo-abc.mp4")).isRegularFile();
    assertThat(clip.header().height()).isGreaterThan(clip.header().width());
    assertThat(dir.resolve("out")).isDirectoryNotContaining("glob:**.part");
    // A vendor's id becomes a file name only as letters, digits, dots, dashes and underscores.
    assertThat(VideoFiles.store("kling", StubClips.clip(1, 1, 5), dir, "kling-a/b:c").file())
        .isEqualTo(dir.resolve("kling-a_b_c.mp4"));
  }

  private static void assertNotAClip(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String why) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR);
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).contains(why).contains("expected an H.264 MP4");
            });
  }

  private static int indexOf(byte[] data, String fourCc, int from) {
    byte[] needle = fourCc.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = from; i + 4 <= data.length; i++) {
      if (Arrays.equals(data, i, i + 4, needle, 0, 4)) {
        return i;
      }
    }
    throw new AssertionError(fourCc + " not found");
  }
}
