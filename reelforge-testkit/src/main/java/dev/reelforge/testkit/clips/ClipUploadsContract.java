package dev.reelforge.testkit.clips;

import static dev.reelforge.testkit.clips.ClipRecords.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.clips.ClipStore;
import dev.reelforge.core.clips.UploadSession;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.testkit.Race;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The upload-session part of the {@link ClipStore} contract, and the fixture the whole contract
 * shares: an upload comes back as stored (times to the microsecond, as PostgreSQL keeps them), its
 * count only moves forward however many chunk reports race, and expired uploads are found soonest
 * expired first. Stores are tested through {@link ClipStoreContract}, which runs these tests too.
 */
public abstract class ClipUploadsContract {

  /** Nanoseconds that PostgreSQL rounds: stores give back microseconds. */
  private static final Instant START = Instant.parse("2026-06-01T10:00:00.123456789Z");

  protected ClipStore store;

  /** The time the next record is made at; a test may move it on. */
  protected Instant now = START;

  /** An owner of the store under test, new for each test. */
  protected UUID owner;

  /** The store under test. */
  protected abstract ClipStore createStore();

  /** An owner the store accepts (on PostgreSQL, a user of its own). */
  protected abstract UUID newOwner();

  @BeforeEach
  void setUpStore() {
    store = createStore();
    owner = newOwner();
  }

  @Test
  void anUploadsCountOnlyMovesForward() {
    UploadSession given = upload(owner, now, Duration.ofHours(24));
    store.createUpload(given);
    assertThat(store.upload(given.id())).contains(stored(given));
    assertConflict(() -> store.createUpload(given));

    assertThat(store.recordReceived(given.id(), 4_000_000).receivedBytes()).isEqualTo(4_000_000);
    // A late report of an earlier chunk does not take the count back.
    assertThat(store.recordReceived(given.id(), 1_000_000).receivedBytes()).isEqualTo(4_000_000);
    assertThatThrownBy(() -> store.recordReceived(given.id(), given.totalBytes() + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.upload(given.id()).orElseThrow().receivedBytes()).isEqualTo(4_000_000);
    UploadSession complete = store.recordReceived(given.id(), given.totalBytes());
    assertThat(complete.isComplete()).isTrue();
    assertThat(store.upload(given.id())).contains(complete);
    assertThat(complete).isEqualTo(stored(given).withReceived(given.totalBytes()));

    assertNotFound(() -> store.recordReceived(UUID.randomUUID(), 1));
    assertThat(store.upload(UUID.randomUUID())).isEmpty();
    store.deleteUpload(given.id());
    assertThat(store.upload(given.id())).isEmpty();
    store.deleteUpload(given.id());
  }

  @Test
  void racingChunkReportsLeaveTheLargestCount() throws Exception {
    UploadSession given = upload(owner, now, Duration.ofHours(1));
    store.createUpload(given);
    List<Callable<Long>> calls = new ArrayList<>();
    for (int w = 1; w <= 8; w++) {
      long bytes = w * 1_000_000L;
      calls.add(() -> store.recordReceived(given.id(), bytes).receivedBytes());
    }
    Race.run(calls);
    assertThat(store.upload(given.id()).orElseThrow().receivedBytes()).isEqualTo(8_000_000);
  }

  @Test
  void expiredUploadsAreFoundSoonestExpiredFirst() {
    UploadSession hourAgo = upload(owner, now.minus(Duration.ofHours(3)), Duration.ofHours(2));
    UploadSession dayAgo = upload(owner, now.minus(Duration.ofDays(2)), Duration.ofDays(1));
    UploadSession justNow = upload(newOwner(), now.minus(Duration.ofHours(1)), Duration.ofHours(1));
    UploadSession later = upload(owner, now, Duration.ofMinutes(1));
    for (UploadSession upload : List.of(hourAgo, dayAgo, justNow, later)) {
      store.createUpload(upload);
    }

    assertThat(store.expiredUploads(now, 10))
        .containsExactly(stored(dayAgo), stored(hourAgo), stored(justNow));
    assertThat(store.expiredUploads(now, 1)).containsExactly(stored(dayAgo));
    assertThat(store.expiredUploads(now.minus(Duration.ofDays(3)), 10)).isEmpty();
    store.deleteUpload(dayAgo.id());
    assertThat(store.expiredUploads(now.plus(Duration.ofMinutes(1)), 10))
        .containsExactly(stored(hourAgo), stored(justNow), stored(later));
  }

  // --- helpers ---

  protected static void assertConflict(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ReelForgeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
  }

  protected static void assertNotFound(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
  }

  /** PostgreSQL keeps microseconds, rounding the nanoseconds half up. */
  protected static Instant micros(Instant instant) {
    return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
  }

  protected static UploadSession stored(UploadSession u) {
    return new UploadSession(
        u.id(),
        u.ownerId(),
        u.name(),
        u.totalBytes(),
        u.receivedBytes(),
        u.stagingKey(),
        micros(u.createdAt()),
        micros(u.expiresAt()));
  }
}
