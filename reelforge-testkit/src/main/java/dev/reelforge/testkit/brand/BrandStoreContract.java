package dev.reelforge.testkit.brand;

import static dev.reelforge.testkit.brand.BrandEdits.reowned;
import static dev.reelforge.testkit.brand.BrandEdits.withAnalysis;
import static dev.reelforge.testkit.brand.BrandEdits.withCredits;
import static dev.reelforge.testkit.brand.BrandEdits.withEngine;
import static dev.reelforge.testkit.brand.BrandEdits.withMime;
import static dev.reelforge.testkit.brand.BrandEdits.withOutcome;
import static dev.reelforge.testkit.brand.BrandEdits.withRun;
import static dev.reelforge.testkit.brand.BrandEdits.withVersion;
import static dev.reelforge.testkit.brand.BrandRecords.analysed;
import static dev.reelforge.testkit.brand.BrandRecords.assertSameJob;
import static dev.reelforge.testkit.brand.BrandRecords.assertSameStoryboard;
import static dev.reelforge.testkit.brand.BrandRecords.hash;
import static dev.reelforge.testkit.brand.BrandRecords.revised;
import static dev.reelforge.testkit.brand.BrandRecords.storyboard;
import static dev.reelforge.testkit.brand.BrandRecords.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.brand.BrandStore;
import dev.reelforge.core.brand.DirectorStatus;
import dev.reelforge.core.brand.Scores;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.brand.VisionStatus;
import dev.reelforge.core.brand.memory.SeededStylePresets;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.testkit.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link BrandStore} honours (seed 001 §3 and §5.5): one live vision job per
 * owner and file, however many uploads race; reads scoped to their owner and blind to deleted rows;
 * updates that change only what may change; storyboards filed under their owner's live job, updated
 * by compare-and-set, and deleted with their job; the values the schema refuses refused; the seeded
 * style presets.
 */
public abstract class BrandStoreContract {

  protected final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
  protected BrandStore store;
  private UUID owner;

  /** The store under test, on {@code clock}. */
  protected abstract BrandStore createStore(MutableClock clock);

  /** An owner the store accepts (on PostgreSQL, a user of its own). */
  protected abstract UUID newOwner();

  @BeforeEach
  void setUpStore() {
    store = createStore(clock);
    owner = newOwner();
  }

  // --- vision jobs ---

  @Test
  void aNewUploadIsStoredPendingAndOnlyItsOwnerSeesIt() {
    VisionJob job = upload(owner, hash(), clock.instant());
    BrandStore.Insert insert = store.insert(job);
    assertThat(insert.deduplicated()).isFalse();
    assertSameJob(insert.job(), job);
    assertThat(insert.job().status()).isEqualTo(VisionStatus.PENDING);

    assertSameJob(store.visionJob(owner, job.id()).orElseThrow(), job);
    assertSameJob(store.visionJob(job.id()).orElseThrow(), job);
    assertThat(store.visionJob(newOwner(), job.id())).isEmpty();
    assertThat(store.visionJob(owner, UUID.randomUUID())).isEmpty();
  }

  @Test
  void theSameFileTwiceIsTheSameJobButAnotherOwnersFileIsTheirOwn() {
    String hash = hash();
    VisionJob first = store.insert(upload(owner, hash, clock.instant())).job();
    clock.advance(Duration.ofMinutes(1));

    BrandStore.Insert again = store.insert(upload(owner, hash, clock.instant()));
    assertThat(again.deduplicated()).isTrue();
    assertSameJob(again.job(), first);

    UUID other = newOwner();
    BrandStore.Insert theirs = store.insert(upload(other, hash, clock.instant()));
    assertThat(theirs.deduplicated()).isFalse();
    assertThat(theirs.job().ownerId()).isEqualTo(other);
    assertThat(store.visionJobs(owner, 10)).extracting(VisionJob::id).containsExactly(first.id());
    assertThat(store.visionJobs(other, 10))
        .extracting(VisionJob::id)
        .containsExactly(theirs.job().id());
  }

  @Test
  void uploadsOfOneFileRacingEachOtherMakeOneJob() throws Exception {
    String hash = hash();
    List<Callable<BrandStore.Insert>> uploads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      uploads.add(() -> store.insert(upload(owner, hash, clock.instant())));
    }
    List<BrandStore.Insert> outcomes = race(uploads);
    assertThat(outcomes).filteredOn(i -> !i.deduplicated()).hasSize(1);
    assertThat(outcomes).extracting(i -> i.job().id()).containsOnly(outcomes.get(0).job().id());
    assertThat(store.visionJobs(owner, 10)).hasSize(1);
  }

  @Test
  void jobsAreListedNewestFirstUpToTheLimit() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(0, store.insert(upload(owner, hash(), clock.instant())).job().id());
      clock.advance(Duration.ofSeconds(1));
    }
    store.insert(upload(newOwner(), hash(), clock.instant()));
    assertThat(store.visionJobs(owner, 10))
        .extracting(VisionJob::id)
        .containsExactlyElementsOf(ids);
    assertThat(store.visionJobs(owner, 2))
        .extracting(VisionJob::id)
        .containsExactlyElementsOf(ids.subList(0, 2));
  }

  @Test
  void anUpdateChangesWhatAnalysisChangesAndKeepsWhatIdentifiesTheUpload() {
    VisionJob job = store.insert(upload(owner, hash(), clock.instant())).job();
    clock.advance(Duration.ofSeconds(30));
    VisionJob done = analysed(job, new Scores(0.823, 0.5, 0.1, 0.9), clock.instant());
    // A caller that changes what identifies the upload changes nothing of it.
    VisionJob tampered =
        new VisionJob(
            done.id(),
            done.ownerId(),
            done.runId(),
            "elsewhere.png",
            "other.png",
            "other.png",
            "image/jpeg",
            1,
            hash(),
            done.status(),
            done.analysisJson(),
            done.scores(),
            done.brandEssencePrompt(),
            done.styleReferenceKey(),
            done.styleReferenceJson(),
            done.flaggedReason(),
            done.errorMessage(),
            done.retryCount(),
            clock.instant(),
            done.updatedAt(),
            done.processedAt());

    VisionJob updated = store.update(tampered);
    // Scores are kept as seed 001's DECIMAL(3,2).
    VisionJob expected = analysed(job, new Scores(0.82, 0.5, 0.1, 0.9), clock.instant());
    expected = withRun(expected, done.runId());
    assertSameJob(updated, expected);
    assertSameJob(store.visionJob(owner, job.id()).orElseThrow(), expected);
  }

  @Test
  void aFlaggedOrFailedJobKeepsItsReason() {
    VisionJob job = store.insert(upload(owner, hash(), clock.instant())).job();
    VisionJob flagged =
        store.update(
            withOutcome(
                analysed(job, new Scores(0.2, 0.3, 0.1, 0.25), clock.instant()),
                VisionStatus.FLAGGED,
                Optional.of("the image is too blurred to build on (sharpness 0.08)"),
                Optional.empty()));
    assertThat(flagged.status()).isEqualTo(VisionStatus.FLAGGED);
    assertThat(flagged.flaggedReason())
        .contains("the image is too blurred to build on (sharpness 0.08)");
    assertThat(flagged.scores().orElseThrow().belowIntegrityFloor()).isTrue();

    VisionJob failed =
        store.update(
            withOutcome(
                job, VisionStatus.FAILED, Optional.empty(), Optional.of("decoder gave up")));
    assertThat(failed.errorMessage()).contains("decoder gave up");
    assertThat(failed.scores()).isEmpty();
  }

  @Test
  void updatingADeletedOrAnotherOwnersJobIsNotFound() {
    VisionJob job = store.insert(upload(owner, hash(), clock.instant())).job();
    VisionJob foreign = reowned(job, newOwner());
    assertNotFound(() -> store.update(foreign));
    assertThat(store.deleteVisionJob(owner, job.id())).isTrue();
    assertNotFound(() -> store.update(job));
    assertNotFound(() -> store.update(upload(owner, hash(), clock.instant())));
  }

  @Test
  void aDeletedJobIsGoneForEveryReaderAndFreesItsFile() {
    String hash = hash();
    VisionJob job = store.insert(upload(owner, hash, clock.instant())).job();
    UUID other = newOwner();
    assertThat(store.deleteVisionJob(other, job.id())).isFalse();
    assertThat(store.visionJob(owner, job.id())).isPresent();

    clock.advance(Duration.ofSeconds(5));
    assertThat(store.deleteVisionJob(owner, job.id())).isTrue();
    assertThat(store.deleteVisionJob(owner, job.id())).isFalse();
    assertThat(store.visionJob(owner, job.id())).isEmpty();
    assertThat(store.visionJob(job.id())).isEmpty();
    assertThat(store.visionJobs(owner, 10)).isEmpty();

    BrandStore.Insert again = store.insert(upload(owner, hash, clock.instant()));
    assertThat(again.deduplicated()).isFalse();
    assertThat(again.job().id()).isNotEqualTo(job.id());
  }

  @Test
  void valuesTheSchemaRefusesAreRefusedAndNothingIsStored() {
    VisionJob gif = withMime(upload(owner, hash(), clock.instant()), "image/gif");
    assertInvalid(() -> store.insert(gif));
    VisionJob good = store.insert(upload(owner, hash(), clock.instant())).job();
    VisionJob notJson = analysed(good, new Scores(0.5, 0.5, 0.5, 0.5), clock.instant());
    VisionJob broken = withAnalysis(notJson, Optional.of("{palette: red"));
    assertInvalid(() -> store.update(broken));
    assertThat(store.visionJobs(owner, 10)).extracting(VisionJob::id).containsExactly(good.id());
    assertThat(store.visionJob(owner, good.id()).orElseThrow().status())
        .isEqualTo(VisionStatus.PENDING);

    Storyboard board = storyboard(good, 1, clock.instant());
    assertInvalid(() -> store.insert(withEngine(board, "SORA")));
    assertInvalid(() -> store.insert(withCredits(board, new BigDecimal("-1"))));
    assertThat(store.storyboardsOf(owner, good.id())).isEmpty();
  }

  // --- storyboards ---

  @Test
  void aStoryboardStartsAtVersionOneUnderItsJobsOwner() {
    VisionJob job = store.insert(upload(owner, hash(), clock.instant())).job();
    Storyboard given = storyboard(job, 7, clock.instant());
    Storyboard stored = store.insert(given);
    // Credits come back as DECIMAL(10,2): 0.00, not 0.
    Storyboard expected = withCredits(withVersion(given, 1), new BigDecimal("0.00"));
    assertSameStoryboard(stored, expected);
    assertSameStoryboard(store.storyboard(owner, given.id()).orElseThrow(), expected);
    assertSameStoryboard(store.storyboard(given.id()).orElseThrow(), expected);
    assertThat(store.storyboard(newOwner(), given.id())).isEmpty();
    assertThat(store.storyboardsOf(newOwner(), job.id())).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    Storyboard second = store.insert(storyboard(job, 1, clock.instant()));
    assertThat(store.storyboardsOf(owner, job.id()))
        .extracting(Storyboard::id)
        .containsExactly(second.id(), given.id());
  }

  @Test
  void aSceneIdFindsItsOwnersStoryboardAndNothingElse() {
    VisionJob job = store.insert(upload(owner, hash(), clock.instant())).job();
    UUID scene = UUID.randomUUID();
    UUID videoJob = UUID.randomUUID();
    Storyboard template = storyboard(job, 1, clock.instant());
    Storyboard withScenes =
        new Storyboard(
            template.id(),
            template.jobId(),
            template.ownerId(),
            template.runId(),
            template.productionEngine(),
            template.routingReason(),
            template.status(),
            template.stylePreset(),
            "[{\"id\":\""
                + scene
                + "\",\"sequence_index\":0,\"video_job_id\":\""
                + videoJob
                + "\"}]",
            "[]",
            Optional.empty(),
            BigDecimal.ZERO,
            Optional.empty(),
            1,
            template.createdAt(),
            template.updatedAt(),
            Optional.empty());
    store.insert(withScenes);
    store.insert(storyboard(job, 1, clock.instant()));
    assertThat(store.storyboardOfScene(owner, scene)).map(Storyboard::id).hasValue(template.id());
    assertThat(store.storyboardOfScene(owner, videoJob)).isEmpty();
    assertThat(store.storyboardOfScene(newOwner(), scene)).isEmpty();
    assertThat(store.deleteVisionJob(owner, job.id())).isTrue();
    assertThat(store.storyboardOfScene(owner, scene)).isEmpty();
  }

  @Test
  void aStoryboardNeedsItsOwnersLiveJob() {
    VisionJob job = store.insert(upload(owner, hash(), clock.instant())).job();
    Storyboard underAnotherOwner = reowned(storyboard(job, 1, clock.instant()), newOwner());
    assertNotFound(() -> store.insert(underAnotherOwner));
    VisionJob never = upload(owner, hash(), clock.instant());
    assertNotFound(() -> store.insert(storyboard(never, 1, clock.instant())));
    assertThat(store.deleteVisionJob(owner, job.id())).isTrue();
    assertNotFound(() -> store.insert(storyboard(job, 1, clock.instant())));
  }

  @Test
  void anUpdateIsACompareAndSetOnTheVersion() {
    VisionJob job = store.insert(upload(owner, hash(), clock.instant())).job();
    Storyboard v1 = store.insert(storyboard(job, 1, clock.instant()));
    clock.advance(Duration.ofSeconds(2));

    Storyboard change = revised(v1, DirectorStatus.PREVIEW_GENERATION, clock.instant());
    Storyboard v2 = store.update(change).orElseThrow();
    // Credits are kept as seed 001's DECIMAL(10,2).
    assertSameStoryboard(v2, withCredits(withVersion(change, 2), new BigDecimal("2.50")));
    assertSameStoryboard(store.storyboard(owner, v1.id()).orElseThrow(), v2);

    // A writer still holding version 1 changes nothing.
    assertThat(store.update(revised(v1, DirectorStatus.FAILED, clock.instant()))).isEmpty();
    assertThat(store.storyboard(owner, v1.id()).orElseThrow().status())
        .isEqualTo(DirectorStatus.PREVIEW_GENERATION);
    assertThat(store.update(reowned(v2, newOwner()))).isEmpty();
    assertThat(store.update(revised(v2, DirectorStatus.REVIEW, clock.instant())))
        .hasValueSatisfying(v3 -> assertThat(v3.version()).isEqualTo(3));
  }

  @Test
  void ofWritersRacingFromOneVersionExactlyOneWins() throws Exception {
    VisionJob job = store.insert(upload(owner, hash(), clock.instant())).job();
    Storyboard v1 = store.insert(storyboard(job, 1, clock.instant()));
    List<Callable<Optional<Storyboard>>> writers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      writers.add(
          () -> store.update(revised(v1, DirectorStatus.PREVIEW_GENERATION, clock.instant())));
    }
    List<Optional<Storyboard>> outcomes = race(writers);
    assertThat(outcomes).filteredOn(Optional::isPresent).hasSize(1);
    assertThat(store.storyboard(v1.id()).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void deletingAJobDeletesItsStoryboardsAndNoOthers() {
    VisionJob job = store.insert(upload(owner, hash(), clock.instant())).job();
    VisionJob kept = store.insert(upload(owner, hash(), clock.instant())).job();
    Storyboard board = store.insert(storyboard(job, 1, clock.instant()));
    Storyboard other = store.insert(storyboard(kept, 1, clock.instant()));

    assertThat(store.deleteVisionJob(owner, job.id())).isTrue();
    assertThat(store.storyboard(owner, board.id())).isEmpty();
    assertThat(store.storyboard(board.id())).isEmpty();
    assertThat(store.storyboardsOf(owner, job.id())).isEmpty();
    assertThat(store.update(revised(board, DirectorStatus.REVIEW, clock.instant()))).isEmpty();
    assertThat(store.storyboard(owner, other.id())).isPresent();
    assertThat(store.storyboardsOf(owner, kept.id())).hasSize(1);
  }

  // --- presets ---

  @Test
  void theSeededStylePresetsAreOfferedInDisplayOrder() {
    assertThat(store.stylePresets()).containsExactlyElementsOf(SeededStylePresets.ALL);
    assertThat(store.stylePresets()).extracting(p -> p.id()).contains("cinematic", "luxury-noir");
  }

  // --- helpers ---

  private static void assertNotFound(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
  }

  private static void assertInvalid(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ReelForgeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
  }

  /** Runs every call at once from its own thread; their results in order. */
  protected static <T> List<T> race(List<Callable<T>> calls) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(calls.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> call : calls) {
        futures.add(
            threads.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }
}
