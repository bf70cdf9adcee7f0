package dev.reelforge.brand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.brand.DirectorStatus;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.brand.VisionStatus;
import dev.reelforge.core.brand.YellowContext;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 001 §7's director flow on the in-process engine: analysis to finished videos. */
class BrandDirectorFlowTest {

  private static final UUID OWNER = BrandHarness.OWNER;

  @TempDir Path folder;
  private BrandHarness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  private BrandHarness harness(double integrity) {
    harness = new BrandHarness(folder, integrity);
    return harness;
  }

  @Test
  void uploadAnalyseStoryboardReviewProduceAndAssemble() throws Exception {
    BrandHarness h = harness(0.9);
    BrandDirector.Uploaded uploaded = h.upload(folder, 0xd62828);
    assertThat(uploaded.deduplicated()).isFalse();
    VisionJob job = awaitJob(uploaded.job().id(), j -> j.status() == VisionStatus.COMPLETED);
    assertThat(job.scores().orElseThrow().physics()).isEqualTo(0.85);
    assertThat(job.styleReferenceJson().orElseThrow()).contains("local-derivative");
    assertThat(h.upload(folder, 0xd62828).deduplicated()).isTrue();

    // Two preview failures are retried inside the stage: the third call makes the preview.
    h.images.failures = 2;
    Storyboard board =
        h.director.init(
            OWNER,
            new BrandDirector.InitRequest(job.id(), false, Optional.empty(), Optional.empty()));
    assertThat(board.productionEngine()).isEqualTo("KLING");
    assertThat(board.routingReason()).contains("physics");
    DirectorState state =
        awaitState(board.id(), s -> s.storyboard().status() == DirectorStatus.REVIEW);
    assertThat(state.scenes()).hasSize(3).allMatch(Scene::settled);
    assertThat(h.images.calls.get()).isEqualTo(5);
    assertThat(state.scenes()).extracting(Scene::previewSeed).doesNotContainNull();

    // Production is refused until every scene is GREEN.
    assertConflict(() -> h.director.approveProduction(OWNER, board.id()));

    // YELLOW twice: the conversation grows by two each time and keeps its beginning.
    UUID first = state.scenes().get(0).id();
    DirectorState yellow =
        h.director.refine(OWNER, first, TrafficLight.YELLOW, " Make it warmer\u0007");
    assertThat(scene(yellow, first).trafficLight()).isIn(TrafficLight.YELLOW, TrafficLight.PENDING);
    Scene once = awaitScene(board.id(), first, s -> s.conversation().size() == 2 && s.settled());
    assertThat(once.conversation().get(0).content()).isEqualTo("Make it warmer");
    assertThat(once.conversation().get(1).role()).isEqualTo("assistant");
    assertThat(once.lightingNotes()).contains("warmer");
    assertThat(once.attemptCount()).isEqualTo(2);
    assertThat(once.promptHistory()).hasSize(1);
    h.director.refine(OWNER, first, TrafficLight.YELLOW, "Add more motion");
    Scene twice = awaitScene(board.id(), first, s -> s.conversation().size() == 4 && s.settled());
    assertThat(twice.conversation().get(0).content()).contains("warmer");
    assertThat(twice.conversation().get(2).content()).isEqualTo("Add more motion");
    YellowContext seen = h.scripted.lastContext;
    assertThat(seen.conversationHistory()).hasSize(2);
    assertThat(seen.promptHistory()).hasSize(1);
    assertThat(seen.brandEssencePrompt()).contains("#d62828");

    // RED: a new take with a new preview.
    UUID second = state.scenes().get(1).id();
    String before = scene(state, second).cinematographyPrompt();
    h.director.refine(OWNER, second, TrafficLight.RED, null);
    Scene rerolled = awaitScene(board.id(), second, s -> s.attemptCount() == 2 && s.settled());
    assertThat(rerolled.cinematographyPrompt()).isNotEqualTo(before).contains("take 2");
    assertThat(rerolled.conversation()).isEmpty();

    // YELLOW without words is refused with the seed's message.
    assertThatThrownBy(() -> h.director.refine(OWNER, first, TrafficLight.YELLOW, "  "))
        .hasMessageContaining("Feedback required for YELLOW status");

    for (Scene scene : awaitState(board.id(), s -> true).scenes()) {
      h.director.approveScene(OWNER, scene.id());
    }
    h.director.approveProduction(OWNER, board.id());
    DirectorState done =
        awaitState(board.id(), s -> s.storyboard().status() == DirectorStatus.COMPLETED);
    assertThat(done.scenes())
        .allMatch(s -> s.finalVideoKey() != null && "local".equals(s.engineUsed()));
    assertThat(done.scenes()).allMatch(s -> Boolean.TRUE.equals(s.fallbackTriggered()));
    assertThat(done.storyboard().creditsUsed()).isEqualByComparingTo("30");
    assertThat(done.result().orElseThrow().videos())
        .extracting(BrandVideos.Video::aspectRatio)
        .containsExactly("9:16", "16:9", "1:1");
    assertThat(done.result().orElseThrow().videos()).allMatch(v -> h.files.has(v.videoKey()));
    // Each scene was produced from its preview, on the routed engine first.
    assertThat(h.videos.orders.values()).hasSize(3).allMatch(o -> o.engine().equals("kling"));
  }

  @Test
  void aLowIntegrityImageIsFlaggedAndGetsNoStoryboard() throws Exception {
    BrandHarness h = harness(0.35);
    VisionJob job =
        awaitJob(h.upload(folder, 0x808080).job().id(), j -> j.status() == VisionStatus.FLAGGED);
    assertThat(job.flaggedReason().orElseThrow()).contains("integrity");
    assertThat(job.styleReferenceKey()).isEmpty();
    assertThatThrownBy(
            () ->
                h.director.init(
                    OWNER,
                    new BrandDirector.InitRequest(
                        job.id(), false, Optional.empty(), Optional.empty())))
        .hasMessageContaining("flagged");
  }

  @Test
  void aFailedSceneFailsProductionAndApprovingAgainRedoesOnlyThatScene() throws Exception {
    BrandHarness h = harness(0.9);
    VisionJob job =
        awaitJob(h.upload(folder, 0x2a9d8f).job().id(), j -> j.status() == VisionStatus.COMPLETED);
    Storyboard board =
        h.director.init(
            OWNER,
            new BrandDirector.InitRequest(
                job.id(), false, Optional.of(ProductionEngine.LUMA), Optional.of("cinematic")));
    assertThat(board.productionEngine()).isEqualTo("LUMA");
    DirectorState review =
        awaitState(board.id(), s -> s.storyboard().status() == DirectorStatus.REVIEW);
    for (Scene scene : review.scenes()) {
      h.director.approveScene(OWNER, scene.id());
    }
    h.videos.failing.add("shot 2");
    h.director.approveProduction(OWNER, board.id());
    DirectorState failed =
        awaitState(board.id(), s -> s.storyboard().status() == DirectorStatus.FAILED);
    assertThat(failed.storyboard().errorMessage().orElseThrow())
        .contains("scene 2")
        .contains("RETRY");
    assertThat(failed.scenes().get(1).finalVideoKey()).isNull();
    assertThat(failed.scenes().get(0).finalVideoKey()).isNotNull();
    assertThat(failed.storyboard().creditsUsed()).isEqualByComparingTo("20");

    h.videos.failing.clear();
    h.director.approveProduction(OWNER, board.id());
    DirectorState done =
        awaitState(board.id(), s -> s.storyboard().status() == DirectorStatus.COMPLETED);
    assertThat(done.scenes()).allMatch(s -> s.finalVideoKey() != null);
    assertThat(h.videos.orders).hasSize(4);
  }

  @Test
  void anotherUsersThingsAreNotFoundAndProductionNeedsCredits() throws Exception {
    BrandHarness h = harness(0.9);
    VisionJob job =
        awaitJob(h.upload(folder, 0x264653).job().id(), j -> j.status() == VisionStatus.COMPLETED);
    UUID stranger = UUID.randomUUID();
    assertNotFound(() -> h.director.job(stranger, job.id()));
    Storyboard board =
        h.director.init(
            OWNER,
            new BrandDirector.InitRequest(job.id(), false, Optional.empty(), Optional.empty()));
    DirectorState review =
        awaitState(board.id(), s -> s.storyboard().status() == DirectorStatus.REVIEW);
    assertNotFound(() -> h.director.state(stranger, board.id()));
    assertNotFound(() -> h.director.approveScene(stranger, review.scenes().get(0).id()));
    assertNotFound(
        () -> h.director.refine(stranger, review.scenes().get(0).id(), TrafficLight.RED, null));
    for (Scene scene : review.scenes()) {
      h.director.approveScene(OWNER, scene.id());
    }
    h.videos.balance = 5;
    assertThatThrownBy(() -> h.director.approveProduction(OWNER, board.id()))
        .isInstanceOf(ReelForgeException.class)
        .satisfies(
            e ->
                assertThat(((ReelForgeException) e).code())
                    .isEqualTo(ErrorCode.INSUFFICIENT_CREDITS));
    assertThat(h.director.state(OWNER, board.id()).storyboard().status())
        .isEqualTo(DirectorStatus.REVIEW);
  }

  @Test
  void approvingTheRunsReviewDirectlyDoesNotBypassTheGreenGate() throws Exception {
    BrandHarness h = harness(0.9);
    DirectorState review = inReview(h, 0x1d3557);
    UUID run = review.storyboard().runId().orElseThrow();
    h.jobs.review(
        run,
        BrandPipelines.PREVIEWS,
        new dev.reelforge.core.jobs.api.ReviewSignal(
            dev.reelforge.core.jobs.api.ReviewSignal.Decision.APPROVE, Optional.empty(), "owner"));
    DirectorState failed =
        awaitState(review.storyboard().id(), s -> s.storyboard().status() == DirectorStatus.FAILED);
    assertThat(failed.storyboard().errorMessage().orElseThrow()).contains("every scene GREEN");
    assertThat(h.videos.orders).isEmpty();
  }

  @Test
  void aRevisionLostToACrashIsMadeAtTheNextLook() throws Exception {
    BrandHarness h = harness(0.9);
    DirectorState review = inReview(h, 0x457b9d);
    UUID first = review.scenes().get(0).id();
    // As if the server stopped right after saving the refine, before waking the run.
    Storyboard board = review.storyboard();
    List<Scene> scenes = new java.util.ArrayList<>(review.scenes());
    scenes.set(0, scenes.get(0).asking(TrafficLight.RED, null, java.time.Instant.now()));
    h.store.update(
        new Storyboard(
            board.id(),
            board.jobId(),
            board.ownerId(),
            board.runId(),
            board.productionEngine(),
            board.routingReason(),
            board.status(),
            board.stylePreset(),
            BrandJson.write(scenes),
            board.conversationJson(),
            board.resultJson(),
            board.creditsUsed(),
            board.errorMessage(),
            board.version(),
            board.createdAt(),
            board.updatedAt(),
            board.completedAt()));
    Scene rerolled = awaitScene(board.id(), first, s -> s.attemptCount() == 2 && s.settled());
    assertThat(rerolled.cinematographyPrompt()).contains("take 2");
  }

  @Test
  void aRevisionThatCannotBeMadeKeepsTheSceneAndTheStoryboard() throws Exception {
    BrandHarness h = harness(0.9);
    DirectorState review = inReview(h, 0xe63946);
    UUID first = review.scenes().get(0).id();
    String preview = review.scenes().get(0).previewKey();
    h.scripted.refuseRevisions = true;
    h.director.refine(OWNER, first, TrafficLight.YELLOW, "make it edgier");
    Scene kept = awaitScene(review.storyboard().id(), first, s -> s.reviewError() != null);
    assertThat(kept.reviewError()).contains("CONTENT_REFUSED");
    assertThat(kept.settled()).isTrue();
    assertThat(kept.previewKey()).isEqualTo(preview);
    assertThat(kept.trafficLight()).isEqualTo(TrafficLight.PENDING);
    h.scripted.refuseRevisions = false;
    h.director.refine(OWNER, first, TrafficLight.YELLOW, "make it warmer");
    Scene revised =
        awaitScene(review.storyboard().id(), first, s -> s.attemptCount() == 2 && s.settled());
    assertThat(revised.reviewError()).isNull();
    assertThat(h.director.state(OWNER, review.storyboard().id()).storyboard().status())
        .isEqualTo(DirectorStatus.REVIEW);
  }

  @Test
  void theSameFileAfterAFailedAnalysisIsAnalysedAgain() throws Exception {
    BrandHarness h = harness(0.9);
    h.analyzer.outages.set(10);
    VisionJob failed =
        awaitJob(h.upload(folder, 0xf4a261).job().id(), j -> j.status() == VisionStatus.FAILED);
    assertThat(failed.errorMessage().orElseThrow()).contains("vision vendor down");
    h.analyzer.outages.set(0);
    BrandDirector.Uploaded again = h.upload(folder, 0xf4a261);
    assertThat(again.deduplicated()).isTrue();
    assertThat(again.job().id()).isEqualTo(failed.id());
    VisionJob done = awaitJob(failed.id(), j -> j.status() == VisionStatus.COMPLETED);
    assertThat(done.retryCount()).isGreaterThanOrEqualTo(1);
    assertThat(done.errorMessage()).isEmpty();
  }

  private DirectorState inReview(BrandHarness h, int colour) throws Exception {
    VisionJob job =
        awaitJob(h.upload(folder, colour).job().id(), j -> j.status() == VisionStatus.COMPLETED);
    Storyboard board =
        h.director.init(
            OWNER,
            new BrandDirector.InitRequest(job.id(), false, Optional.empty(), Optional.empty()));
    return awaitState(board.id(), s -> s.storyboard().status() == DirectorStatus.REVIEW);
  }

  private static Scene scene(DirectorState state, UUID id) {
    return state.scenes().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  private VisionJob awaitJob(UUID id, Predicate<VisionJob> done) throws InterruptedException {
    return await(() -> harness.director.job(OWNER, id), done);
  }

  private DirectorState awaitState(UUID id, Predicate<DirectorState> done)
      throws InterruptedException {
    return await(() -> harness.director.state(OWNER, id), done);
  }

  private Scene awaitScene(UUID board, UUID scene, Predicate<Scene> done)
      throws InterruptedException {
    return await(() -> scene(harness.director.state(OWNER, board), scene), done);
  }

  private static <T> T await(java.util.function.Supplier<T> read, Predicate<T> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    T last = read.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting; last seen: " + last);
      }
      Thread.sleep(20);
      last = read.get();
    }
    return last;
  }

  private static void assertConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(ReelForgeException.class)
        .satisfies(e -> assertThat(((ReelForgeException) e).code()).isEqualTo(ErrorCode.CONFLICT));
  }

  private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(ReelForgeException.class)
        .satisfies(
            e ->
                assertThat(((ReelForgeException) e).code())
                    .isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
  }
}
