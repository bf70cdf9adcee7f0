package dev.reelforge.providers.videogen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.testkit.videogen.Mp4Facts;
import dev.reelforge.testkit.videogen.StubClips;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoFilesTest {

  @Test
  void theHeaderSaysWhatTheTestkitsBoxReaderSays(@TempDir Path dir) throws IOException {
    int[][] shapes = {{16, 9}, {9, 16}, {1, 1}};
    for (int[] shape : shapes) {
      for (int seconds : StubClips.LENGTHS) {
        Path file = dir.resolve("c.mp4");
        Files.write(file, StubClips.clip(shape[0], shape[1], seconds));
        Mp4Header header = Mp4Header.read(file);
        Mp4Facts facts = Mp4Facts.read(file);
        assertThat(header.codec()).isEqualTo("avc1").isEqualTo(facts.codec());
        assertThat(header.isH264()).isTrue();
        assertThat(header.width()).isEqualTo(facts.width());
        assertThat(header.height()).isEqualTo(facts.height());
        assertThat(header.durationSeconds())
            .isEqualTo(facts.durationSeconds())
            .isCloseTo(seconds, Offset.offset(0.1));
      }
    }
  }

  @Test
  void anIndexAfterTheMediaIsFoundToo(@TempDir Path dir) throws IOException {
    Map<String, byte[]> boxes = topLevelBoxes(StubClips.clip(16, 9, 5));
    ByteArrayOutputStream moovLast = new ByteArrayOutputStream();
    boxes.forEach(
        (type, box) -> {
          if (!type.equals("moov")) {
            moovLast.writeBytes(box);
          }
        });
    moovLast.writeBytes(boxes.get("moov"));
    Path file = dir.resolve("late-index.mp4");
    Files.write(file, moovLast.toByteArray());
    Mp4Header header = Mp4Header.read(file);
    assertThat(header.width()).isEqualTo(160);
    assertThat(header.height()).isEqualTo(90);
    assertThat(header.durationSeconds()).isCloseTo(5, Offset.offset(0.1));
  }

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

  private static Map<String, byte[]> topLevelBoxes(byte[] mp4) {
    Map<String, byte[]> boxes = new LinkedHashMap<>();
    ByteBuffer data = ByteBuffer.wrap(mp4);
    int at = 0;
    while (at + 8 <= mp4.length) {
      int size = data.getInt(at);
      String type = new String(mp4, at + 4, 4, StandardCharsets.ISO_8859_1);
      boxes.put(type, Arrays.copyOfRange(mp4, at, at + size));
      at += size;
    }
    return boxes;
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
