package dev.reelforge.providers.videogen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.testkit.videogen.Mp4Facts;
import dev.reelforge.testkit.videogen.StubClips;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp4HeaderTest {

  @Test
  void readsCodecSizeAndLengthAsTheTestkitsReaderDoes(@TempDir Path dir) throws IOException {
    for (int[] shape : new int[][] {{16, 9}, {9, 16}, {1, 1}}) {
      for (int seconds : StubClips.LENGTHS) {
        Path file = dir.resolve(shape[0] + "x" + shape[1] + "-" + seconds + ".mp4");
        Files.write(file, StubClips.clip(shape[0], shape[1], seconds));
        Mp4Header header = Mp4Header.read(file);
        Mp4Facts facts = Mp4Facts.read(file);
        assertThat(header.codec()).isEqualTo("avc1").isEqualTo(facts.codec());
        assertThat(header.isH264()).isTrue();
        assertThat(header.width()).isEqualTo(facts.width());
        assertThat(header.height()).isEqualTo(facts.height());
        assertThat(header.durationSeconds())
            .isEqualTo(facts.durationSeconds())
            .isCloseTo(seconds, within(0.1));
      }
    }
  }

  @Test
  void findsTheIndexAfterTheMediaData(@TempDir Path dir) throws IOException {
    // Vendors do not all write faststart files: the index may follow the media.
    Map<String, byte[]> boxes = topLevelBoxes(StubClips.clip(90, 160, 9));
    ByteArrayOutputStream reordered = new ByteArrayOutputStream();
    reordered.write(boxes.get("ftyp"));
    reordered.write(boxes.get("mdat"));
    reordered.write(boxes.get("moov"));
    Path file = dir.resolve("late-index.mp4");
    Files.write(file, reordered.toByteArray());
    Mp4Header header = Mp4Header.read(file);
    assertThat(header.width()).isEqualTo(90);
    assertThat(header.height()).isEqualTo(160);
    assertThat(header.durationSeconds()).isCloseTo(9, within(0.1));
  }

  @Test
  void refusesWhatIsNotAnMp4(@TempDir Path dir) throws IOException {
    Path page = dir.resolve("error.mp4");
    Files.writeString(page, "<html><body>Access denied</body></html>");
    assertThatThrownBy(() -> Mp4Header.read(page))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not an MP4");
    Path cut = dir.resolve("cut.mp4");
    byte[] clip = StubClips.clip(16, 9, 5);
    Map<String, byte[]> boxes = topLevelBoxes(clip);
    Files.write(cut, boxes.get("ftyp"));
    assertThatThrownBy(() -> Mp4Header.read(cut)).hasMessageContaining("no movie index");
  }

  private static Map<String, byte[]> topLevelBoxes(byte[] mp4) {
    Map<String, byte[]> boxes = new LinkedHashMap<>();
    ByteBuffer data = ByteBuffer.wrap(mp4);
    int at = 0;
    while (at + 8 <= mp4.length) {
      int size = data.getInt(at);
      String type = new String(mp4, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      byte[] box = new byte[size];
      System.arraycopy(mp4, at, box, 0, size);
      boxes.put(type, box);
      at += size;
    }
    return boxes;
  }
}
