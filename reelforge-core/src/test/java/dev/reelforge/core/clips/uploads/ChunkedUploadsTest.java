package dev.reelforge.core.clips.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.clips.UploadSession;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkedUploadsTest {

  private static final UUID ALICE = UUID.fromString("00000000-0000-7000-8000-00000000000a");
  private static final UUID BOB = UUID.fromString("00000000-0000-7000-8000-00000000000b");

  @TempDir Path staging;

  private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final UploadsOnlyClipStore store = new UploadsOnlyClipStore();
  private ChunkedUploads uploads;
  private byte[] video;

  @BeforeEach
  void setUp() {
    uploads =
        new ChunkedUploads(
            store, staging, new UploadLimits(10_000_000, 1_000_000, Duration.ofHours(2)), clock);
    video = mp4Bytes(300_000, 7);
  }

  @Test
  void chunksInOrderGatherTheWholeFileOnDisk() throws IOException {
    UploadSession begun = uploads.begin(ALICE, "talk.mp4", video.length, "video/mp4");
    assertThat(begun.receivedBytes()).isZero();
    assertThat(begun.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));

    UploadSession after = null;
    for (int first = 0; first < video.length; first += 64_000) {
      int last = Math.min(video.length, first + 64_000) - 1;
      after = send(begun.id(), first, last);
      assertThat(after.receivedBytes()).isEqualTo(last + 1);
      assertThat(store.upload(begun.id()).orElseThrow().receivedBytes()).isEqualTo(last + 1);
    }
    assertThat(after.isComplete()).isTrue();
    assertThat(Files.readAllBytes(uploads.stagedFile(after))).isEqualTo(video);
    assertThat(uploads.status(ALICE, begun.id()).isComplete()).isTrue();
  }

  @Test
  void aResentChunkIsAcceptedOnceAndAnOverlappingOneAddsOnlyItsNewBytes() throws IOException {
    UUID id = uploads.begin(ALICE, "talk.mp4", video.length, null).id();
    send(id, 0, 99_999);
    assertThat(send(id, 0, 99_999).receivedBytes()).as("a repeat").isEqualTo(100_000);
    assertThat(send(id, 50_000, 149_999).receivedBytes()).as("an overlap").isEqualTo(150_000);
    send(id, 150_000, video.length - 1);
    assertThat(Files.readAllBytes(staging.resolve(id + ".part"))).isEqualTo(video);
  }

  @Test
  void aChunkThatLeavesAGapIsRefusedWithTheOffsetToResumeFrom() {
    UUID id = uploads.begin(ALICE, "talk.mp4", video.length, null).id();
    send(id, 0, 999);
    assertThatThrownBy(() -> send(id, 2_000, 2_999))
        .isInstanceOfSatisfying(
            UploadOffsetException.class,
            e -> {
              assertThat(e.offset()).isEqualTo(1_000);
              assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
              assertThat(e.getMessage()).contains("send the file from byte 1000");
            });
    assertThat(uploads.status(ALICE, id).receivedBytes()).isEqualTo(1_000);
  }

  @Test
  void sizeLimitsHoldWhenTheUploadBeginsAndOnEveryChunk() {
    assertThatThrownBy(() -> uploads.begin(ALICE, "big.mp4", 10_000_001, "video/mp4"))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
    UUID id = uploads.begin(ALICE, "talk.mp4", 5_000_000, null).id();
    assertThatThrownBy(
            () ->
                uploads.append(
                    ALICE,
                    id,
                    new ContentRange(0, 1_000_000, 5_000_000),
                    new ByteArrayInputStream(new byte[1_000_001])))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
    assertThatThrownBy(
            () ->
                uploads.append(
                    ALICE,
                    id,
                    new ContentRange(0, 9, 6_000_000),
                    new ByteArrayInputStream(new byte[10])))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.violations().getFirst().field()).isEqualTo("Content-Range"));
  }

  @Test
  void beginChecksTheNameTheSizeAndTheDeclaredType() {
    assertThatThrownBy(() -> uploads.begin(ALICE, " ", 10, null))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.violations().getFirst().field()).isEqualTo("name"));
    assertThatThrownBy(() -> uploads.begin(ALICE, "a\u0000b.mp4", 10, null))
        .hasMessageContaining("control characters");
    assertThatThrownBy(() -> uploads.begin(ALICE, "a.mp4", 0, null))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.violations().getFirst().field()).isEqualTo("size"));
    assertThatThrownBy(() -> uploads.begin(ALICE, "a.pdf", 10, "application/pdf"))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE));
    assertThat(uploads.begin(ALICE, "a.mkv", 10, "video/x-matroska; codecs=avc1").totalBytes())
        .isEqualTo(10);
  }

  @Test
  void aFileWhoseFirstBytesAreNoVideoIsRefusedAsSoonAsTheyArriveAndRemoved() {
    byte[] pdf = "%PDF-1.7\n".repeat(100).getBytes(StandardCharsets.US_ASCII);
    UUID id = uploads.begin(ALICE, "slides.mp4", pdf.length, "video/mp4").id();
    assertThat(send(id, pdf, 0, 199).receivedBytes()).as("too few bytes to tell").isEqualTo(200);
    assertThatThrownBy(() -> send(id, pdf, 200, 499))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE))
        .hasMessageContaining("slides.mp4");
    assertThat(store.upload(id)).isEmpty();
    assertThat(staging.resolve(id + ".part")).doesNotExist();
  }

  @Test
  void aSmallFileIsCheckedWhenItIsComplete() {
    byte[] tiny = Arrays.copyOf(video, 100);
    UUID id = uploads.begin(ALICE, "tiny.mp4", tiny.length, null).id();
    assertThat(send(id, tiny, 0, 99).isComplete()).isTrue();
    byte[] junk = new byte[100];
    UUID other = uploads.begin(ALICE, "junk.mp4", junk.length, null).id();
    assertThatThrownBy(() -> send(other, junk, 0, 99))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE));
  }

  @Test
  void bytesWrittenButNeverAcknowledgedAreCutOffAfterACrash() throws IOException {
    UUID id = uploads.begin(ALICE, "talk.mp4", video.length, null).id();
    send(id, 0, 9_999);
    // A crash between the write and the store's record leaves more on disk than was acknowledged:
    Files.write(staging.resolve(id + ".part"), new byte[5_000], StandardOpenOption.APPEND);
    ChunkedUploads restarted =
        new ChunkedUploads(store, staging, uploads.limits(), clock); // a new process
    assertThat(restarted.status(ALICE, id).receivedBytes()).isEqualTo(10_000);
    restarted.append(
        ALICE,
        id,
        new ContentRange(10_000, video.length - 1, video.length),
        new ByteArrayInputStream(video, 10_000, video.length - 10_000));
    assertThat(Files.readAllBytes(staging.resolve(id + ".part"))).isEqualTo(video);
  }

  @Test
  void aLostStagingFileSendsTheClientBackToWhatIsOnDisk() throws IOException {
    UUID id = uploads.begin(ALICE, "talk.mp4", video.length, null).id();
    send(id, 0, 9_999);
    Files.delete(staging.resolve(id + ".part"));
    assertThat(uploads.status(ALICE, id).receivedBytes()).isZero();
    assertThatThrownBy(() -> send(id, 10_000, 19_999))
        .isInstanceOfSatisfying(UploadOffsetException.class, e -> assertThat(e.offset()).isZero());
    send(id, 0, video.length - 1);
    assertThat(Files.readAllBytes(staging.resolve(id + ".part"))).isEqualTo(video);
  }

  @Test
  void aBodyCutShortKeepsWhatCameAndSaysWhereToResume() throws IOException {
    UUID id = uploads.begin(ALICE, "talk.mp4", video.length, null).id();
    InputStream broken = new BrokenAfter(video, 0, 30_000);
    assertThatThrownBy(
            () -> uploads.append(ALICE, id, new ContentRange(0, 99_999, video.length), broken))
        .hasMessageContaining("send the file from byte 30000");
    assertThat(uploads.status(ALICE, id).receivedBytes()).isEqualTo(30_000);
    send(id, 30_000, video.length - 1);
    assertThat(Files.readAllBytes(staging.resolve(id + ".part"))).isEqualTo(video);
  }

  @Test
  void aBodyLongerThanItsRangeIsRefusedWhole() {
    UUID id = uploads.begin(ALICE, "talk.mp4", video.length, null).id();
    assertThatThrownBy(
            () ->
                uploads.append(
                    ALICE,
                    id,
                    new ContentRange(0, 999, video.length),
                    new ByteArrayInputStream(video, 0, 1_500)))
        .hasMessageContaining("longer than");
    assertThat(uploads.status(ALICE, id).receivedBytes()).isZero();
  }

  @Test
  void anotherUsersUploadDoesNotExistForThem() {
    UUID id = uploads.begin(ALICE, "talk.mp4", video.length, null).id();
    for (Callable<?> call :
        List.<Callable<?>>of(
            () -> uploads.status(BOB, id),
            () ->
                uploads.append(
                    BOB,
                    id,
                    new ContentRange(0, 9, video.length),
                    new ByteArrayInputStream(video, 0, 10)),
            () -> {
              uploads.discard(BOB, id);
              return null;
            })) {
      assertThatThrownBy(call::call)
          .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    }
    assertThat(store.upload(id)).isPresent();
  }

  @Test
  void expiredUploadsAndOrphanedFilesAreRemovedByTheUpkeep() throws IOException {
    UUID id = uploads.begin(ALICE, "talk.mp4", video.length, null).id();
    send(id, 0, 9_999);
    clock.advance(Duration.ofMinutes(90));
    UUID fresh = uploads.begin(ALICE, "other.mp4", video.length, null).id();
    Path orphan = staging.resolve(UUID.randomUUID() + ".part");
    Files.write(orphan, new byte[10]);
    Files.setLastModifiedTime(orphan, FileTime.from(clock.instant().minus(Duration.ofHours(3))));
    Path unrelated = Files.writeString(staging.resolve("notes.txt"), "kept");

    send(fresh, 0, 999);
    clock.advance(Duration.ofMinutes(31));
    assertThatThrownBy(() -> send(id, 10_000, 19_999))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND))
        .hasMessageContaining("expired");

    assertThat(uploads.removeExpired(100)).isEqualTo(1);
    assertThat(store.upload(id)).isEmpty();
    assertThat(staging.resolve(id + ".part")).doesNotExist();
    assertThat(store.upload(fresh)).isPresent();

    assertThat(uploads.removeOrphans(Duration.ofHours(1))).isEqualTo(1);
    assertThat(orphan).doesNotExist();
    assertThat(staging.resolve(fresh + ".part")).exists();
    assertThat(unrelated).exists();
  }

  @Test
  void anExpiredUploadStaysForTheNextRunWhenWhatItLeftElsewhereCannotBeRemoved() {
    UUID id = uploads.begin(ALICE, "talk.mp4", video.length, null).id();
    send(id, 0, 999);
    UUID other = uploads.begin(ALICE, "other.mp4", video.length, null).id();
    clock.advance(Duration.ofHours(3));
    List<UUID> seen = new ArrayList<>();

    assertThatThrownBy(
            () ->
                uploads.removeExpired(
                    100,
                    upload -> {
                      if (upload.id().equals(id)) {
                        throw new ReelForgeException(ErrorCode.SERVICE_UNAVAILABLE, "store down");
                      }
                    }))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
    assertThat(store.upload(id)).isPresent();
    assertThat(staging.resolve(id + ".part")).exists();
    assertThat(store.upload(other)).as("the failure held up no other upload").isEmpty();

    assertThat(uploads.removeExpired(100, upload -> seen.add(upload.id()))).isEqualTo(1);
    assertThat(seen).containsExactly(id);
    assertThat(store.upload(id)).isEmpty();
    assertThat(staging.resolve(id + ".part")).doesNotExist();
  }

  @Test
  void aDiscardedUploadLeavesNothing() {
    UUID id = uploads.begin(ALICE, "talk.mp4", video.length, null).id();
    send(id, 0, 999);
    uploads.discard(ALICE, id);
    assertThat(store.upload(id)).isEmpty();
    assertThat(staging.resolve(id + ".part")).doesNotExist();
  }

  @Test
  void clientsSendingTheSameChunksAtOnceStillGatherTheFileExactly() throws Exception {
    UUID id = uploads.begin(ALICE, "talk.mp4", video.length, null).id();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 3; round++) {
        List<Future<?>> sends = new ArrayList<>();
        for (int client = 0; client < 4; client++) {
          sends.add(
              pool.submit(
                  () -> {
                    for (int first = 0; first < video.length; first += 50_000) {
                      int last = Math.min(video.length, first + 50_000) - 1;
                      try {
                        send(id, first, last);
                      } catch (UploadOffsetException behind) {
                        // Another client is ahead of this one's view: skip to the next chunk.
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> send : sends) {
          send.get();
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(uploads.status(ALICE, id).isComplete()).isTrue();
    assertThat(Files.readAllBytes(staging.resolve(id + ".part"))).isEqualTo(video);
  }

  // --- helpers ---

  private UploadSession send(UUID id, int first, int last) {
    return send(id, video, first, last);
  }

  private UploadSession send(UUID id, byte[] file, int first, int last) {
    return uploads.append(
        ALICE,
        id,
        new ContentRange(first, last, file.length),
        new ByteArrayInputStream(file, first, last - first + 1));
  }

  private static ErrorCode code(Throwable e) {
    return ((ReelForgeException) e).code();
  }

  /** The start of an MP4 file (an ftyp box) followed by noise. */
  static byte[] mp4Bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    byte[] ftyp = {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
    System.arraycopy(ftyp, 0, bytes, 0, ftyp.length);
    return bytes;
  }

  /** A request body whose connection breaks after some bytes. */
  private static final class BrokenAfter extends InputStream {
    private final ByteArrayInputStream bytes;
    private int left;

    BrokenAfter(byte[] source, int offset, int good) {
      this.bytes = new ByteArrayInputStream(source, offset, source.length - offset);
      this.left = good;
    }

    @Override
    public int read() throws IOException {
      if (left-- <= 0) {
        throw new IOException("connection reset");
      }
      return bytes.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        throw new IOException("connection reset");
      }
      int n = bytes.read(b, off, Math.min(len, left));
      left -= n;
      return n;
    }
  }
}
