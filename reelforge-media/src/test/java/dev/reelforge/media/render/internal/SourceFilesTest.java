package dev.reelforge.media.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFilesTest {

  private static final String HELLO_SHA256 =
      "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

  @TempDir Path media;

  private final ContentHashes cache = new ContentHashes(16);

  @Test
  void anUnchangedFileIsReadOnceAcrossRenders() throws IOException {
    Files.writeString(media.resolve("talk.mp4"), "hello");

    SourceFiles first = new SourceFiles(media, cache);
    SourceFiles second = new SourceFiles(media, cache);

    assertThat(first.hash(first.resolve("talk.mp4", "source"))).isEqualTo(HELLO_SHA256);
    assertThat(second.hash(second.resolve("talk.mp4", "source"))).isEqualTo(HELLO_SHA256);
    assertThat(cache.readings()).isEqualTo(1);
  }

  @Test
  void theSameFileByAnotherPathIsTheSameFile() throws IOException {
    Path file = Files.writeString(media.resolve("talk.mp4"), "hello");
    Path link = Files.createSymbolicLink(media.resolve("link.mp4"), file);

    new SourceFiles(media, cache).hash(file);
    assertThat(new SourceFiles(media, cache).hash(link)).isEqualTo(HELLO_SHA256);
    assertThat(cache.readings()).isEqualTo(1);
  }

  @Test
  void aFileWrittenAgainIsHashedAgain() throws IOException {
    Path file = Files.writeString(media.resolve("talk.mp4"), "hello");
    FileTime written = Files.getLastModifiedTime(file);
    String before = new SourceFiles(media, cache).hash(file);

    Files.writeString(file, "jello"); // the same size: only the time tells
    Files.setLastModifiedTime(file, FileTime.from(written.toInstant().plusSeconds(2)));
    String afterSameSize = new SourceFiles(media, cache).hash(file);

    Files.writeString(file, "hello, world");
    Files.setLastModifiedTime(file, written); // the old time: the size tells
    String afterLonger = new SourceFiles(media, cache).hash(file);

    assertThat(before).isEqualTo(HELLO_SHA256);
    assertThat(afterSameSize).isNotEqualTo(before).isEqualTo(sha256Of("jello"));
    assertThat(afterLonger).isEqualTo(sha256Of("hello, world"));
    assertThat(cache.readings()).isEqualTo(3);
  }

  @Test
  void withinOneRenderAPathKeepsItsFirstHash() throws IOException {
    Path file = Files.writeString(media.resolve("talk.mp4"), "hello");
    SourceFiles render = new SourceFiles(media, cache);
    render.hash(file);

    Files.writeString(file, "hello, world");
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

    assertThat(render.hash(file)).as("the render's segments agree").isEqualTo(HELLO_SHA256);
    assertThat(new SourceFiles(media, cache).hash(file)).isEqualTo(sha256Of("hello, world"));
  }

  @Test
  void rendersAskingAtOnceShareOneReading() throws Exception {
    Path file = Files.write(media.resolve("big.mp4"), new byte[8 * 1024 * 1024]);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> asked = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        asked.add(pool.submit(() -> new SourceFiles(media, cache).hash(file)));
      }
      for (Future<String> hash : asked) {
        assertThat(hash.get()).isEqualTo(SourceFiles.sha256(file));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(cache.readings()).isEqualTo(1);
  }

  @Test
  void theOldestEntriesMakeRoomWhenTheCacheIsFull() throws IOException {
    ContentHashes small = new ContentHashes(2);
    Path a = Files.writeString(media.resolve("a.mp4"), "a");
    Path b = Files.writeString(media.resolve("b.mp4"), "b");
    Path c = Files.writeString(media.resolve("c.mp4"), "c");
    small.hash(a);
    small.hash(b);
    small.hash(c); // a goes
    small.hash(c);
    small.hash(b);
    assertThat(small.readings()).isEqualTo(3);
    small.hash(a);
    assertThat(small.readings()).isEqualTo(4);
  }

  @Test
  void aFileThatCannotBeReadIsNotRemembered() throws IOException {
    Path file = media.resolve("late.mp4");
    assertThatThrownBy(() -> cache.hash(file)).isInstanceOf(UncheckedIOException.class);

    Files.writeString(file, "hello");
    assertThat(cache.hash(file)).isEqualTo(HELLO_SHA256);
  }

  private String sha256Of(String content) throws IOException {
    Path probe = Files.createTempFile(media, "probe-", ".txt");
    return SourceFiles.sha256(Files.writeString(probe, content, StandardCharsets.UTF_8));
  }
}
