package dev.reelforge.story;

import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.jobs.spi.TaskStatus;
import dev.reelforge.core.render.Cancellation;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Follows one run on an in-process engine until it ends, telling a {@link StoryProgress} when each
 * stage starts, how far it is and when it is done, and cancelling the run when asked to.
 */
final class RunWatcher {

  private final JobService jobs;
  private final UUID runId;
  private final StoryProgress progress;
  private final Set<String> silent;
  private final Set<String> reused;
  private final Set<String> started = new HashSet<>();
  private final Set<String> finished = new HashSet<>();
  private final Map<String, String> lastProgress = new HashMap<>();

  /**
   * @param silent stages not worth a line (render shapes nobody asked for)
   * @param reused stages answered from the last run's memory, filled in as the run goes
   */
  RunWatcher(
      JobService jobs, UUID runId, StoryProgress progress, Set<String> silent, Set<String> reused) {
    this.reused = reused;
    this.jobs = jobs;
    this.runId = runId;
    this.progress = progress;
    this.silent = silent;
  }

  /**
   * Reports until the run has ended; answers its final record. Cancelled (or interrupted), it asks
   * the engine once to cancel the run and keeps reporting until the run has ended, so the caller
   * sees how it ended; an interrupt is kept for the caller.
   */
  RunRecord awaitEnd(Cancellation cancellation, Duration poll) {
    boolean cancelAsked = false;
    boolean interrupted = false;
    try {
      while (true) {
        if (!cancelAsked && (interrupted || cancellation.isCancelled())) {
          jobs.cancel(runId, "make");
          cancelAsked = true;
        }
        RunRecord run = jobs.run(runId);
        // Stages that started between two looks are told in the order they started.
        jobs.tasks(runId).stream()
            .sorted(Comparator.comparing(t -> t.startedAt().orElse(Instant.MAX)))
            .forEach(this::report);
        // A run waiting for review has nobody to review it here: the caller decides.
        if (run.status().isTerminal() || run.status() == RunStatus.AWAITING_REVIEW) {
          return run;
        }
        try {
          Thread.sleep(poll);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void report(TaskRecord task) {
    String stage = task.stage();
    if (silent.contains(stage) || finished.contains(stage)) {
      return;
    }
    if (task.startedAt().isPresent() && started.add(stage)) {
      progress.stageStarted(stage, false);
    }
    if (task.status() == TaskStatus.RUNNING && task.progressMessage().isPresent()) {
      String line = task.progress() + task.progressMessage().get();
      if (!line.equals(lastProgress.put(stage, line))) {
        progress.stageProgress(stage, task.progress(), task.progressMessage().get());
      }
    }
    if (task.status() == TaskStatus.SUCCEEDED) {
      finished.add(stage);
      if (reused.contains(stage)) {
        progress.stageStarted(stage, true);
        return;
      }
      long millis =
          task.startedAt().isPresent() && task.completedAt().isPresent()
              ? Duration.between(task.startedAt().get(), task.completedAt().get()).toMillis()
              : 0;
      progress.stageFinished(stage, millis);
    }
  }
}
