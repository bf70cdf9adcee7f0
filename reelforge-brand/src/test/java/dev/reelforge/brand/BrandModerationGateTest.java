package dev.reelforge.brand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.brand.DirectorStatus;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.brand.VisionStatus;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.ReviewSignal;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskStatus;
import dev.reelforge.core.licence.LicenceEvidence;
import dev.reelforge.core.moderation.ModerationCategory;
import dev.reelforge.core.moderation.ModerationChoice;
import dev.reelforge.core.moderation.Severity;
import dev.reelforge.core.moderation.gate.GateFinding;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storyboard's moderation gate between the owner's approval and production: a clean storyboard
 * passes with its previews' licence evidence kept; a flagged one waits at {@code moderation} with
 * its findings, spends nothing, and goes on when approved, re-rolls the flagged scenes when
 * rejected, or fails for good.
 */
class BrandModerationGateTest {

  private static final UUID OWNER = BrandHarness.OWNER;

  @TempDir Path folder;
  private BrandHarness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void aCleanStoryboardPassesStraightThroughWithItsEvidence() throws Exception {
    harness = new BrandHarness(folder, 0.9);
    // Below the default policy's thresholds: noted, not held.
    harness.moderator.flag("push-in", ModerationCategory.VIOLENCE, Severity.LOW);
    Storyboard board = approvedForProduction(0x2a9d8f);
    DirectorState done =
        awaitState(board.id(), s -> s.storyboard().status() == DirectorStatus.COMPLETED);
    assertThat(done.moderation()).isEmpty();
    UUID run = board.runId().orElseThrow();
    assertThat(harness.jobs.tasks(run))
        .filteredOn(t -> t.stage().equals(BrandPipelines.MODERATION))
        .singleElement()
        .satisfies(t -> assertThat(t.status()).isEqualTo(TaskStatus.SUCCEEDED));
    List<LicenceEvidence> evidence = harness.evidence.forRun(run);
    assertThat(evidence)
        .extracting(LicenceEvidence::item)
        .containsExactly("scene 1 preview", "scene 2 preview", "scene 3 preview");
    assertThat(evidence)
        .allSatisfy(
            e -> {
              assertThat(e.licence().licence()).isEqualTo("no third-party rights");
              assertThat(e.prompt()).startsWith("shot ");
            });
  }

  @Test
  void aHeldStoryboardSpendsNothingUntilAnOperatorApproves() throws Exception {
    harness = new BrandHarness(folder, 0.9, new ModerationChoice("kids", List.of()));
    harness.moderator.flag("push-in", ModerationCategory.VIOLENCE, Severity.LOW);
    Storyboard board = approvedForProduction(0x264653);
    DirectorState held = awaitState(board.id(), s -> s.moderation().isPresent());
    UUID run = board.runId().orElseThrow();
    assertThat(harness.jobs.run(run).status()).isEqualTo(RunStatus.AWAITING_REVIEW);
    assertThat(held.moderation().orElseThrow().policy()).isEqualTo("kids");
    assertThat(held.moderation().orElseThrow().findings())
        .extracting(GateFinding::item)
        .containsExactly("scene 1 prompt", "scene 2 prompt", "scene 3 prompt");
    assertThat(held.moderation().orElseThrow().findings())
        .allMatch(f -> f.category().equals("violence") && f.kind().equals(GateFinding.TEXT));
    // Looking again (which nudges the previews stage) changes nothing; no video was ordered.
    Thread.sleep(200);
    assertThat(harness.director.state(OWNER, board.id()).moderation()).isPresent();
    assertThat(harness.videos.orders).isEmpty();
    assertThatThrownBy(() -> harness.director.approveProduction(OWNER, board.id()))
        .isInstanceOf(ReelForgeException.class);

    harness.jobs.review(
        run,
        BrandPipelines.MODERATION,
        new ReviewSignal(ReviewSignal.Decision.APPROVE, Optional.empty(), "operator"));
    DirectorState done =
        awaitState(board.id(), s -> s.storyboard().status() == DirectorStatus.COMPLETED);
    assertThat(done.moderation()).isEmpty();
    assertThat(harness.videos.orders).hasSize(3);
  }

  @Test
  void rejectedTheFlaggedScenesAreRerolledAndCheckedAgain() throws Exception {
    harness = new BrandHarness(folder, 0.9);
    harness.moderator.flag("shot 2 in", ModerationCategory.VIOLENCE, Severity.HIGH);
    Storyboard board = approvedForProduction(0x457b9d);
    DirectorState held = awaitState(board.id(), s -> s.moderation().isPresent());
    assertThat(held.moderation().orElseThrow().findings())
        .extracting(GateFinding::item)
        .containsExactly("scene 2 prompt");
    String flaggedPreview = held.scenes().get(1).previewKey();

    harness.jobs.review(
        board.runId().orElseThrow(),
        BrandPipelines.MODERATION,
        new ReviewSignal(ReviewSignal.Decision.REROLL, Optional.empty(), "operator"));
    DirectorState done =
        awaitState(board.id(), s -> s.storyboard().status() == DirectorStatus.COMPLETED);
    Scene rerolled = done.scenes().get(1);
    assertThat(rerolled.cinematographyPrompt()).isEqualTo("take 2 of shot 2");
    assertThat(rerolled.attemptCount()).isEqualTo(2);
    assertThat(rerolled.trafficLight()).isEqualTo(TrafficLight.GREEN);
    assertThat(rerolled.previewKey()).isNotEqualTo(flaggedPreview);
    assertThat(rerolled.promptHistory()).hasSize(1);
    // The others were left as approved; production made every scene from its current prompt.
    assertThat(done.scenes().get(0).attemptCount()).isEqualTo(1);
    assertThat(harness.videos.orders.values())
        .extracting(SceneVideos.Order::prompt)
        .hasSize(3)
        .contains("take 2 of shot 2")
        .anyMatch(p -> p.startsWith("shot 1 in"))
        .anyMatch(p -> p.startsWith("shot 3 in"));
    assertThat(harness.evidence.forRun(board.runId().orElseThrow()).get(1).prompt())
        .isEqualTo("take 2 of shot 2");
  }

  @Test
  void rejectedWithFailTheStoryboardFailsForGoodAndCannotBeProducedAgain() throws Exception {
    harness = new BrandHarness(folder, 0.9);
    harness.moderator.flag("caption 3", ModerationCategory.HATE, Severity.HIGH);
    Storyboard board = approvedForProduction(0xe63946);
    awaitState(board.id(), s -> s.moderation().isPresent());
    harness.jobs.review(
        board.runId().orElseThrow(),
        BrandPipelines.MODERATION,
        new ReviewSignal(
            ReviewSignal.Decision.REROLL, Optional.of("{\"action\": \"fail\"}"), "operator"));
    DirectorState failed =
        awaitState(board.id(), s -> s.storyboard().status() == DirectorStatus.FAILED);
    assertThat(failed.storyboard().errorMessage().orElseThrow())
        .contains("moderation")
        .contains("scene 3 caption");
    assertThat(harness.videos.orders).isEmpty();
    assertThatThrownBy(() -> harness.director.approveProduction(OWNER, board.id()))
        .isInstanceOf(ReelForgeException.class)
        .hasMessageContaining("cannot be produced again");
  }

  private Storyboard approvedForProduction(int colour) throws Exception {
    UUID uploaded = harness.upload(folder, colour).job().id();
    VisionJob job =
        await(
            () -> harness.director.job(OWNER, uploaded), j -> j.status() == VisionStatus.COMPLETED);
    Storyboard board =
        harness.director.init(
            OWNER,
            new BrandDirector.InitRequest(job.id(), false, Optional.empty(), Optional.empty()));
    DirectorState review =
        awaitState(board.id(), s -> s.storyboard().status() == DirectorStatus.REVIEW);
    for (Scene scene : review.scenes()) {
      harness.director.approveScene(OWNER, scene.id());
    }
    harness.director.approveProduction(OWNER, board.id());
    return harness.director.storyboard(OWNER, board.id());
  }

  private DirectorState awaitState(UUID id, Predicate<DirectorState> done)
      throws InterruptedException {
    return await(() -> harness.director.state(OWNER, id), done);
  }

  private static <T> T await(Supplier<T> read, Predicate<T> done) throws InterruptedException {
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
}
