package dev.reelforge.brand;

import dev.reelforge.core.brand.DirectorStatus;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.jobs.api.ReviewSignal;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.TaskStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The storyboard's side of the job engine's review gate: its state (a scene awaiting its revision,
 * production approved) is the truth, and the parked run is told what that state asks for. Telling
 * is idempotent and may be repeated by anyone who looks, which is what makes a lost wake-up
 * harmless. It answers the {@code previews} stage only: the {@code moderation} stage, which may
 * park the same run later, is an operator's to answer, and a storyboard held there is {@code
 * rendering} while {@code previews} is done, so a look finds nothing to tell.
 */
final class ReviewGate {

  private final Storyboards boards;
  private final JobService jobs;

  ReviewGate(Storyboards boards, JobService jobs) {
    this.boards = boards;
    this.jobs = jobs;
  }

  /**
   * Tells the storyboard run what its state asks for, once it is parked for review: approval when
   * the storyboard was moved to rendering, a change when a scene awaits its revision. The run may
   * still be busy (a revision, its last write); this looks again until {@code patience} runs out.
   * Whatever is left is done by the next look ({@code BrandDirector#state} looks every time), so a
   * wake-up lost to a restart is not lost for good.
   */
  void nudge(UUID boardId, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      Storyboard board = boards.get(boardId);
      Optional<ReviewSignal.Decision> decision = decisionFor(board);
      if (decision.isEmpty() || board.runId().isEmpty()) {
        return;
      }
      UUID runId = board.runId().get();
      boolean parked =
          jobs.tasks(runId).stream()
              .anyMatch(
                  t ->
                      t.stage().equals(BrandPipelines.PREVIEWS)
                          && t.status() == TaskStatus.AWAITING_REVIEW);
      if (parked) {
        try {
          jobs.review(
              runId,
              BrandPipelines.PREVIEWS,
              new ReviewSignal(
                  decision.get(),
                  decision.get() == ReviewSignal.Decision.CHANGE
                      ? Optional.of("{\"storyboard_id\":\"" + boardId + "\"}")
                      : Optional.empty(),
                  "brand-director"));
          return;
        } catch (RuntimeException raced) {
          // It moved on between the look and the answer; look again.
        }
      }
      if (System.nanoTime() >= deadline) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Optional<ReviewSignal.Decision> decisionFor(Storyboard board) {
    if (board.status() == DirectorStatus.RENDERING) {
      return Optional.of(ReviewSignal.Decision.APPROVE);
    }
    if (board.status() == DirectorStatus.REVIEW
        && BrandJson.scenes(board.scenesJson()).stream()
            .anyMatch(s -> s.pendingRevision() != null)) {
      return Optional.of(ReviewSignal.Decision.CHANGE);
    }
    return Optional.empty();
  }
}
