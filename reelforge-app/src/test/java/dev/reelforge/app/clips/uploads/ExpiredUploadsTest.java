package dev.reelforge.app.clips.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.clips.ClipKeys;
import dev.reelforge.core.clips.UploadSession;
import dev.reelforge.core.clips.memory.InMemoryClipStore;
import dev.reelforge.core.clips.uploads.ChunkedUploads;
import dev.reelforge.core.clips.uploads.UploadLimits;
import dev.reelforge.core.storage.BlobStore;
import dev.reelforge.core.storage.UrlSignature;
import dev.reelforge.storage.local.LocalBlobStore;
import dev.reelforge.testkit.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uploads upkeep over a real blob store: an expired upload's signed object goes with it. */
class ExpiredUploadsTest {

  private static final UUID ALICE = UUID.fromString("00000000-0000-7000-8000-00000000000a");

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final InMemoryClipStore store = new InMemoryClipStore();
  private ChunkedUploads uploads;
  private BlobStore blobs;

  @BeforeEach
  void setUp() {
    uploads =
        new ChunkedUploads(
            store,
            dir.resolve("staging"),
            new UploadLimits(10_000_000, 1_000_000, Duration.ofHours(2)),
            clock);
    blobs =
        new LocalBlobStore(
            dir.resolve("blobs"),
            new UrlSignature("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)),
            "https://videos.example.com/",
            clock);
  }

  @Test
  void anExpiredUploadsSignedObjectIsDeletedAndAFreshOnesIsKept() throws IOException {
    UploadSession putThroughUrl = uploads.begin(ALICE, "talk.mp4", 4_000, "video/mp4");
    UploadSession neverSent = uploads.begin(ALICE, "idle.mp4", 4_000, "video/mp4");
    putObject(signedKey(putThroughUrl));
    clock.advance(Duration.ofMinutes(90));
    UploadSession fresh = uploads.begin(ALICE, "other.mp4", 4_000, "video/mp4");
    putObject(signedKey(fresh));
    String sourceVideo = ClipKeys.source(ALICE, UUID.randomUUID(), "mp4");
    putObject(sourceVideo);
    clock.advance(Duration.ofMinutes(31));

    int removed = ExpiredUploads.remove(uploads, blobs, 100, Duration.ofHours(1));

    assertThat(removed).as("two expired uploads, one without an object").isEqualTo(2);
    assertThat(blobs.head(signedKey(putThroughUrl))).isEmpty();
    assertThat(store.upload(putThroughUrl.id())).isEmpty();
    assertThat(store.upload(neverSent.id())).isEmpty();
    assertThat(blobs.head(signedKey(fresh))).isPresent();
    assertThat(store.upload(fresh.id())).isPresent();
    assertThat(blobs.head(sourceVideo)).as("the owner's other clips files").isPresent();

    assertThat(ExpiredUploads.remove(uploads, blobs, 100, Duration.ofHours(1))).isZero();
  }

  private static String signedKey(UploadSession upload) {
    return ClipKeys.signedUpload(upload.ownerId(), upload.id());
  }

  private void putObject(String key) throws IOException {
    Path file = Files.write(dir.resolve(UUID.randomUUID() + ".bin"), new byte[4_000]);
    blobs.put(key, file, "video/mp4");
  }
}
