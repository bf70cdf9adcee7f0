package dev.reelforge.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.storage.BlobCatalog;
import dev.reelforge.core.storage.BlobInfo;
import dev.reelforge.core.storage.FolderSync;
import dev.reelforge.core.storage.RetentionClass;
import dev.reelforge.core.storage.Sha256;
import dev.reelforge.core.storage.StoredBlob;
import dev.reelforge.postgres.storage.PostgresBlobRegistry;
import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.storage.s3.EmbeddedS3;
import dev.reelforge.storage.s3.S3BlobStore;
import dev.reelforge.story.SessionFolders;
import dev.reelforge.testkit.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checksum registry (PostgreSQL) over a real S3 server: identical content is stored once,
 * shared objects are never overwritten, retention removes what expired, and two machines' folders
 * mirror each other through the store without a stale copy winning.
 */
@PostgresTest
class BlobCatalogTest {

  private static EmbeddedS3 server;
  private static S3BlobStore store;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
  private final BlobCatalog catalog;
  private final String prefix = "t" + System.nanoTime() + "/";

  @TempDir Path dir;

  BlobCatalogTest(TestDatabase database) {
    catalog =
        new BlobCatalog(
            store,
            new PostgresBlobRegistry(database.dataSource(), clock),
            Map.of(RetentionClass.SHORT, Duration.ofDays(30)),
            clock);
  }

  @BeforeAll
  static void startS3() {
    server = EmbeddedS3.start();
    store = new S3BlobStore(server.settings());
  }

  @AfterAll
  static void stopS3() {
    store.close();
    server.close();
  }

  @Test
  void identicalContentIsStoredOnceAndEachKeyStillReadsItsBytes() throws Exception {
    Path clip = write("clip.mp4", "the same bytes");
    StoredBlob first = catalog.put(prefix + "a/clip.mp4", clip, "video/mp4", RetentionClass.SHORT);
    StoredBlob second = catalog.put(prefix + "b/clip.mp4", clip, "video/mp4", RetentionClass.SHORT);

    assertThat(first.sha256()).isEqualTo(Sha256.of(clip));
    assertThat(second.objectKey()).isEqualTo(prefix + "a/clip.mp4");
    assertThat(store.list(prefix)).extracting(BlobInfo::key).containsExactly(prefix + "a/clip.mp4");

    // Changing the first key's content must not change what the second key reads.
    catalog.put(
        prefix + "a/clip.mp4", write("v2.mp4", "new bytes"), "video/mp4", RetentionClass.SHORT);
    assertThat(read(prefix + "b/clip.mp4")).isEqualTo("the same bytes");
    assertThat(read(prefix + "a/clip.mp4")).isEqualTo("new bytes");
  }

  @Test
  void expiredKeysGoAndTheirObjectGoesWithTheLastOne() throws Exception {
    Path file = write("f.txt", "kept a while");
    catalog.put(prefix + "short.txt", file, "text/plain", RetentionClass.SHORT);
    clock.advance(Duration.ofDays(20));
    catalog.put(prefix + "standard.txt", file, "text/plain", RetentionClass.STANDARD);

    clock.advance(Duration.ofDays(11)); // 31 days after the first put
    // Other tests' keys share the table (and expire on their own clocks): count only ours.
    assertThat(catalog.removeExpired(100)).isPositive();
    assertThat(catalog.list(prefix))
        .extracting(StoredBlob::key)
        .containsExactly(prefix + "standard.txt");
    assertThat(read(prefix + "standard.txt"))
        .as("the shared object stays")
        .isEqualTo("kept a while");

    clock.advance(Duration.ofDays(90));
    assertThat(catalog.removeExpired(100)).isPositive();
    assertThat(catalog.list(prefix)).isEmpty();
    assertThat(store.list(prefix)).isEmpty();
  }

  @Test
  void twoMachinesMirrorAFolderAndAStaleCopyNeverOverwritesNewerWork() throws Exception {
    FolderSync sync = new FolderSync(catalog);
    Path first = dir.resolve("node-1/session");
    Path second = dir.resolve("node-2/session");
    Files.createDirectories(first.resolve(".work"));
    Files.writeString(first.resolve(".work/timeline.json"), "v1");
    Files.writeString(first.resolve("story.mp4"), "video");
    assertThat(sync.push(first, prefix, path -> RetentionClass.SHORT)).isEqualTo(2);
    assertThat(sync.push(first, prefix, path -> RetentionClass.SHORT))
        .as("nothing changed")
        .isZero();

    assertThat(sync.pull(second, prefix)).isEqualTo(2);
    Files.writeString(second.resolve(".work/timeline.json"), "v2 written on node 2");
    sync.push(second, prefix, path -> RetentionClass.SHORT);

    // Node 1 still holds v1 unchanged: its next push must not send it back.
    Files.writeString(first.resolve("other.txt"), "node 1's new file");
    assertThat(sync.push(first, prefix, path -> RetentionClass.SHORT)).isEqualTo(1);
    assertThat(read(prefix + ".work/timeline.json")).isEqualTo("v2 written on node 2");
    assertThat(sync.pull(first, prefix)).isEqualTo(1);
    assertThat(Files.readString(first.resolve(".work/timeline.json")))
        .isEqualTo("v2 written on node 2");
    assertThat(catalog.list(prefix))
        .extracting(StoredBlob::key)
        .containsExactly(
            prefix + ".work/timeline.json", prefix + "other.txt", prefix + "story.mp4");
  }

  @Test
  void aFileBeingWrittenHereIsNotReplacedByAPull() throws Exception {
    FolderSync sync = new FolderSync(catalog);
    Path one = dir.resolve("a/s");
    Path two = dir.resolve("b/s");
    Files.createDirectories(one);
    Files.writeString(one.resolve("voice.wav"), "stored");
    sync.push(one, prefix, path -> RetentionClass.SHORT);
    sync.pull(two, prefix);
    Files.writeString(two.resolve("voice.wav"), "half-written here");
    Files.writeString(one.resolve("voice.wav"), "newer elsewhere");
    sync.push(one, prefix, path -> RetentionClass.SHORT);

    sync.pull(two, prefix);
    assertThat(Files.readString(two.resolve("voice.wav"))).isEqualTo("half-written here");
    assertThat(List.of(Files.list(two).map(p -> p.getFileName().toString()).sorted().toArray()))
        .containsExactly(".blob-index", "voice.wav");
  }

  @Test
  void aWorkersIdleWorkingCopiesArePrunedAndPulledAgainWhenNeeded() throws Exception {
    SessionFolders folders =
        new SessionFolders(
            new FolderSync(catalog),
            catalog,
            dir.resolve("work-root"),
            RetentionClass.STANDARD,
            RetentionClass.SHORT);
    String idle = "s" + System.nanoTime();
    String busy = idle + "b";
    for (String session : List.of(idle, busy)) {
      Files.createDirectories(folders.folder(session));
      Files.writeString(folders.folder(session).resolve("story.mp4"), "video of " + session);
      folders.push(session);
    }
    Path index = folders.folder(idle).resolve(FolderSync.INDEX_FILE);
    Files.setLastModifiedTime(
        index, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofDays(2))));

    assertThat(folders.pruneIdleCopies(Instant.now().minus(Duration.ofHours(24)))).isEqualTo(1);
    assertThat(Files.exists(folders.folder(idle))).isFalse();
    assertThat(Files.exists(folders.folder(busy).resolve("story.mp4"))).isTrue();

    assertThat(folders.pull(idle)).isEqualTo(1);
    assertThat(Files.readString(folders.folder(idle).resolve("story.mp4")))
        .isEqualTo("video of " + idle);
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(Files.createTempFile(dir, name, ""), content);
  }

  private String read(String key) throws Exception {
    Path target = dir.resolve("read-" + System.nanoTime());
    catalog.get(key, target);
    return Files.readString(target);
  }
}
