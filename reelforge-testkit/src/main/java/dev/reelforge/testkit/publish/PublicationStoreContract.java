package dev.reelforge.testkit.publish;

import static dev.reelforge.testkit.publish.PublicationRecords.awkwardCopy;
import static dev.reelforge.testkit.publish.PublicationRecords.onPlatform;
import static dev.reelforge.testkit.publish.PublicationRecords.publication;
import static dev.reelforge.testkit.publish.PublicationRecords.scheduled;
import static dev.reelforge.testkit.publish.PublicationRecords.target;
import static dev.reelforge.testkit.publish.PublicationRecords.withMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.Publication;
import dev.reelforge.core.publish.PublicationStore;
import dev.reelforge.core.publish.PublicationTarget;
import dev.reelforge.core.publish.TargetStatus;
import dev.reelforge.testkit.Race;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link PublicationStore} honours: a publication comes back as stored, its
 * targets in the order given and its copy intact (times to the microsecond, as PostgreSQL keeps
 * them); lists are scoped to their owner or run, newest first; the scheduler's {@code due} and the
 * calendar find what they should; a target's change is atomic, however many writers race; an
 * owner's publications go with the owner.
 */
public abstract class PublicationStoreContract {

  /** Nanoseconds that PostgreSQL rounds: stores give back microseconds. */
  private static final Instant START = Instant.parse("2026-06-01T10:00:00.123456789Z");

  protected PublicationStore store;
  private Instant now = START;
  private UUID owner;

  /** The store under test, empty of publications. */
  protected abstract PublicationStore createStore();

  /** An owner the store accepts (on PostgreSQL, a user of its own). */
  protected abstract UUID newOwner();

  @BeforeEach
  void setUpStore() {
    store = createStore();
    owner = newOwner();
  }

  @Test
  void aPublicationComesBackAsStoredWithItsTargetsInOrder() {
    Publication given =
        publication(
            owner,
            UUID.randomUUID(),
            now,
            id ->
                List.of(
                    target(id, Platform.YOUTUBE, now),
                    withCopy(target(id, Platform.LOCAL, now)),
                    scheduled(id, Platform.TIKTOK, now.plus(Duration.ofHours(2)), now),
                    target(id, Platform.FACEBOOK, now)));
    store.create(given);

    Publication found = store.find(given.id()).orElseThrow();
    assertThat(found).isEqualTo(stored(given));
    assertThat(found.targets())
        .extracting(PublicationTarget::platform)
        .containsExactly(Platform.YOUTUBE, Platform.LOCAL, Platform.TIKTOK, Platform.FACEBOOK);
    assertThat(found.targets().get(1).metadata()).isEqualTo(awkwardCopy());
    assertThat(found.targets().get(1).accountId()).isEmpty();
    assertThat(found.status()).isEqualTo("in_progress");
    for (PublicationTarget target : given.targets()) {
      assertThat(store.findByTarget(target.id())).contains(found);
    }
    assertThat(store.find(UUID.randomUUID())).isEmpty();
    assertThat(store.findByTarget(UUID.randomUUID())).isEmpty();
  }

  @Test
  void aPublicationIdOrTargetIdIsStoredOnce() {
    Publication first =
        publication(owner, UUID.randomUUID(), now, id -> List.of(target(id, Platform.LOCAL, now)));
    store.create(first);
    assertConflict(() -> store.create(first));
    PublicationTarget taken = first.targets().getFirst();
    Publication reusing =
        publication(
            owner,
            UUID.randomUUID(),
            now,
            id -> List.of(target(id, Platform.YOUTUBE, now), withPublication(taken, id)));
    assertConflict(() -> store.create(reusing));
    // Nothing of the refused publication is kept, not even its first target.
    assertThat(store.find(reusing.id())).isEmpty();
    assertThat(store.findByTarget(reusing.targets().getFirst().id())).isEmpty();
    assertThat(store.list(owner, 10)).extracting(Publication::id).containsExactly(first.id());
  }

  @Test
  void aTargetOfAnotherPublicationIsRefused() {
    Publication given =
        publication(
            owner,
            UUID.randomUUID(),
            now,
            id -> List.of(target(UUID.randomUUID(), Platform.LOCAL, now)));
    assertThatThrownBy(() -> store.create(given)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(given.id())).isEmpty();
  }

  @Test
  void anOwnersPublicationsAreListedNewestFirstUpToTheLimit() {
    List<UUID> newestFirst = new ArrayList<>();
    UUID run = UUID.randomUUID();
    for (int i = 0; i < 4; i++) {
      Publication p = publication(owner, run, now, id -> List.of(target(id, Platform.LOCAL, now)));
      store.create(p);
      newestFirst.addFirst(p.id());
      now = now.plusSeconds(1);
    }
    UUID other = newOwner();
    Publication theirs =
        publication(other, run, now, id -> List.of(target(id, Platform.LOCAL, now)));
    store.create(theirs);

    assertThat(store.list(owner, 10))
        .extracting(Publication::id)
        .containsExactlyElementsOf(newestFirst);
    assertThat(store.list(owner, 2))
        .extracting(Publication::id)
        .containsExactlyElementsOf(newestFirst.subList(0, 2));
    assertThat(store.list(other, 10)).extracting(Publication::id).containsExactly(theirs.id());
    assertThat(store.list(newOwner(), 10)).isEmpty();
    List<UUID> ofRun = new ArrayList<>(newestFirst);
    ofRun.addFirst(theirs.id());
    assertThat(store.ofRun(run)).extracting(Publication::id).containsExactlyElementsOf(ofRun);
    assertThat(store.ofRun(UUID.randomUUID())).isEmpty();
  }

  @Test
  void aChangeToOneTargetLeavesTheOthersAndIsWhatIsStored() {
    Publication given =
        publication(
            owner,
            UUID.randomUUID(),
            now,
            id -> List.of(target(id, Platform.YOUTUBE, now), target(id, Platform.TIKTOK, now)));
    store.create(given);
    PublicationTarget youtube = given.targets().get(0);
    PublicationTarget tiktok = given.targets().get(1);
    UUID jobRun = UUID.randomUUID();
    Instant later = now.plusSeconds(30);

    PublicationTarget queued = store.updateTarget(youtube.id(), t -> t.queuedAs(jobRun, later));
    assertThat(queued.jobRunId()).contains(jobRun);
    assertThat(queued.updatedAt()).isEqualTo(micros(later));
    PublicationTarget published =
        store.updateTarget(
            youtube.id(),
            t ->
                t.published(
                    "yt-123", "https://youtube.example/shorts/yt-123", later.plusSeconds(5)));
    PublicationTarget failed =
        store.updateTarget(
            tiktok.id(), t -> t.withStatus(TargetStatus.FAILED, "quota exceeded", later));

    Publication found = store.find(given.id()).orElseThrow();
    assertThat(found.targets()).containsExactly(published, failed);
    assertThat(published.status()).isEqualTo(TargetStatus.PUBLISHED);
    assertThat(published.postId()).isEqualTo("yt-123");
    assertThat(published.jobRunId()).contains(jobRun);
    assertThat(failed.message()).isEqualTo("quota exceeded");
    assertThat(found.status()).isEqualTo("partially_published");
  }

  @Test
  void aDeferralKeepsItsTimeAndLeavingItClearsIt() {
    Publication given =
        publication(
            owner, UUID.randomUUID(), now, id -> List.of(target(id, Platform.INSTAGRAM, now)));
    store.create(given);
    UUID id = given.targets().getFirst().id();
    Instant until = now.plus(Duration.ofHours(20));
    PublicationTarget deferred =
        store.updateTarget(id, t -> t.deferred(until, "25 posts in 24 h: the cap", now));
    assertThat(deferred.status()).isEqualTo(TargetStatus.DEFERRED);
    assertThat(deferred.deferredUntil()).contains(micros(until));
    assertThat(deferred.message()).isEqualTo("25 posts in 24 h: the cap");
    PublicationTarget resumed =
        store.updateTarget(id, t -> t.withStatus(TargetStatus.UPLOADING, "", until));
    assertThat(resumed.deferredUntil()).isEmpty();
    assertThat(store.find(given.id()).orElseThrow().targets()).containsExactly(resumed);
  }

  @Test
  void changingAnUnknownTargetIsNotFoundAndAChangeMayNotMoveATarget() {
    assertThatThrownBy(() -> store.updateTarget(UUID.randomUUID(), t -> t))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    Publication given =
        publication(
            owner, UUID.randomUUID(), now, id -> List.of(target(id, Platform.YOUTUBE, now)));
    store.create(given);
    UUID id = given.targets().getFirst().id();
    assertThatThrownBy(
            () -> store.updateTarget(id, t -> onPlatform(withMessage(t, "moved"), Platform.TIKTOK)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                store.updateTarget(
                    id,
                    t -> {
                      throw new IllegalStateException("the change gave up");
                    }))
        .hasMessageContaining("the change gave up");
    assertThat(store.find(given.id())).contains(stored(given));
  }

  @Test
  void changesRacingOnOneTargetAreAppliedOneAfterAnother() throws Exception {
    Publication given =
        publication(
            owner, UUID.randomUUID(), now, id -> List.of(target(id, Platform.YOUTUBE, now)));
    store.create(given);
    UUID id = given.targets().getFirst().id();
    int writers = 8;
    int rounds = 5;
    List<Callable<Void>> calls = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      calls.add(
          () -> {
            for (int r = 0; r < rounds; r++) {
              // A read-modify-write: without the row lock, racing writers lose each other's marks.
              store.updateTarget(id, t -> withMessage(t, t.message() + "x"));
            }
            return null;
          });
    }
    Race.run(calls);
    assertThat(store.find(given.id()).orElseThrow().targets().getFirst().message())
        .hasSize(writers * rounds);
  }

  @Test
  void dueFindsScheduledTargetsWhoseTimeHasComeOldestFirst() {
    Instant at = now;
    Publication given =
        publication(
            owner,
            UUID.randomUUID(),
            now,
            id ->
                List.of(
                    scheduled(id, Platform.YOUTUBE, at.minus(Duration.ofMinutes(5)), at),
                    scheduled(id, Platform.TIKTOK, at.minus(Duration.ofHours(1)), at),
                    scheduled(id, Platform.FACEBOOK, at, at),
                    scheduled(id, Platform.INSTAGRAM, at.plusSeconds(1), at),
                    target(id, Platform.LOCAL, at)));
    store.create(given);
    List<PublicationTarget> targets = stored(given).targets();

    assertThat(store.due(now, 10)).containsExactly(targets.get(1), targets.get(0), targets.get(2));
    assertThat(store.due(now, 1)).containsExactly(targets.get(1));
    assertThat(store.due(now.minus(Duration.ofDays(1)), 10)).isEmpty();

    // Once queued, a target is no longer due.
    store.updateTarget(targets.get(1).id(), t -> t.queuedAs(UUID.randomUUID(), at));
    assertThat(store.due(now, 10)).containsExactly(targets.get(0), targets.get(2));
    assertThat(store.due(now.plusSeconds(1), 10))
        .extracting(PublicationTarget::platform)
        .containsExactly(Platform.YOUTUBE, Platform.FACEBOOK, Platform.INSTAGRAM);
  }

  @Test
  void theCalendarShowsWhatIsScheduledOrDeferredInTheRange() {
    Instant from = Instant.parse("2026-06-08T00:00:00Z");
    Instant to = from.plus(Duration.ofDays(7));
    UUID other = newOwner();
    Publication mine =
        publication(
            owner,
            UUID.randomUUID(),
            now,
            id ->
                List.of(
                    scheduled(id, Platform.YOUTUBE, from.plus(Duration.ofDays(3)), now),
                    scheduled(id, Platform.TIKTOK, from, now),
                    scheduled(id, Platform.FACEBOOK, to, now),
                    target(id, Platform.INSTAGRAM, now),
                    scheduled(id, Platform.LOCAL, from.minusSeconds(1), now)));
    Publication theirs =
        publication(
            other,
            UUID.randomUUID(),
            now,
            id -> List.of(scheduled(id, Platform.YOUTUBE, from.plus(Duration.ofDays(1)), now)));
    store.create(mine);
    store.create(theirs);
    // Deferred into the range: placed by its deferral. The one scheduled before the range and
    // deferred into it is placed by its deferral too.
    PublicationTarget instagram =
        store.updateTarget(
            mine.targets().get(3).id(), t -> t.deferred(from.plus(Duration.ofDays(2)), "cap", now));
    PublicationTarget local =
        store.updateTarget(
            mine.targets().get(4).id(), t -> t.deferred(from.plus(Duration.ofDays(5)), "cap", now));
    List<PublicationTarget> stored = stored(mine).targets();

    assertThat(store.calendar(Optional.of(owner), from, to))
        .containsExactly(stored.get(1), instagram, stored.get(0), local);
    assertThat(store.calendar(Optional.empty(), from, to))
        .containsExactly(
            stored.get(1), stored(theirs).targets().getFirst(), instagram, stored.get(0), local);
    assertThat(store.calendar(Optional.of(other), to, to.plus(Duration.ofDays(1)))).isEmpty();
    assertThat(store.calendar(Optional.of(owner), to, to.plus(Duration.ofDays(1))))
        .containsExactly(stored.get(2));
  }

  @Test
  void deletingAnOwnerDeletesItsPublicationsAndTheirTargetsOnly() {
    UUID run = UUID.randomUUID();
    Publication one = publication(owner, run, now, id -> List.of(target(id, Platform.LOCAL, now)));
    Publication two =
        publication(
            owner,
            run,
            now,
            id -> List.of(target(id, Platform.YOUTUBE, now), target(id, Platform.TIKTOK, now)));
    UUID other = newOwner();
    Publication theirs =
        publication(other, run, now, id -> List.of(target(id, Platform.LOCAL, now)));
    store.create(one);
    store.create(two);
    store.create(theirs);

    assertThat(store.deleteOwner(owner)).isEqualTo(2);
    assertThat(store.find(one.id())).isEmpty();
    assertThat(store.list(owner, 10)).isEmpty();
    assertThat(store.findByTarget(two.targets().get(1).id())).isEmpty();
    assertThatThrownBy(() -> store.updateTarget(two.targets().get(0).id(), t -> t))
        .isInstanceOf(ReelForgeException.class);
    assertThat(store.ofRun(run)).extracting(Publication::id).containsExactly(theirs.id());
    assertThat(store.deleteOwner(owner)).isZero();
  }

  // --- helpers ---

  private static void assertConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ReelForgeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
  }

  private static PublicationTarget withCopy(PublicationTarget target) {
    return target.withMetadata(awkwardCopy(), target.updatedAt());
  }

  private static PublicationTarget withPublication(PublicationTarget target, UUID publicationId) {
    return new PublicationTarget(
        target.id(),
        publicationId,
        target.platform(),
        target.accountId(),
        target.metadata(),
        target.privacy(),
        target.scheduleAt(),
        target.status(),
        target.jobRunId(),
        target.postId(),
        target.url(),
        target.message(),
        target.deferredUntil(),
        target.updatedAt());
  }

  /** PostgreSQL keeps microseconds, rounding the nanoseconds half up. */
  protected static Instant micros(Instant instant) {
    return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
  }

  /** {@code publication} as a store gives it back: its times to the microsecond. */
  protected static Publication stored(Publication publication) {
    return new Publication(
        publication.id(),
        publication.ownerId(),
        publication.runId(),
        publication.format(),
        micros(publication.createdAt()),
        publication.targets().stream().map(PublicationStoreContract::stored).toList());
  }

  private static PublicationTarget stored(PublicationTarget t) {
    return new PublicationTarget(
        t.id(),
        t.publicationId(),
        t.platform(),
        t.accountId(),
        t.metadata(),
        t.privacy(),
        t.scheduleAt().map(PublicationStoreContract::micros),
        t.status(),
        t.jobRunId(),
        t.postId(),
        t.url(),
        t.message(),
        t.deferredUntil().map(PublicationStoreContract::micros),
        micros(t.updatedAt()));
  }
}
