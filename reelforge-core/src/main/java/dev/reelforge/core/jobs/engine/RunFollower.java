package dev.reelforge.core.jobs.engine;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.spi.JobError;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskRecord;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Follows one run on an in-process engine to its end, for a command that waits on it: it looks at
 * the run every poll, tells each new progress report of its tasks, and asks the engine once to
 * cancel the run when the command is stopped, then keeps following until the run has ended so the
 * command learns how it ended.
 */
public final class RunFollower {

  private final JobService jobs;
  private final Duration poll;
  private final String actor;

  /**
   * @param poll how long to wait between two looks at the run
   * @param actor who cancels the run when stopped (the command's name)
   */
  public RunFollower(JobService jobs, Duration poll, String actor) {
    this.jobs = Objects.requireNonNull(jobs);
    this.poll = Objects.requireNonNull(poll);
    this.actor = Objects.requireNonNull(actor);
  }

  /**
   * Follows run {@code id} until it ends, telling {@code progress} each task whose report (stage,
   * fraction, message) differs from the last one told; a task without a message is not told. When
   * {@code stop} says so, or the thread is interrupted, the run is cancelled once and followed to
   * its end; an interrupt is kept for the caller.
   *
   * @return the run's final record, whatever its end
   */
  public RunRecord follow(UUID id, Consumer<TaskRecord> progress, BooleanSupplier stop) {
    boolean cancelAsked = false;
    boolean interrupted = false;
    String last = "";
    try {
      while (true) {
        if (!cancelAsked && (interrupted || stop.getAsBoolean())) {
          jobs.cancel(id, actor);
          cancelAsked = true;
        }
        RunRecord run = jobs.run(id);
        for (TaskRecord task : jobs.tasks(id)) {
          String line = task.stage() + task.progress() + task.progressMessage().orElse("");
          if (task.progressMessage().isPresent() && !line.equals(last)) {
            last = line;
            progress.accept(task);
          }
        }
        if (run.status().isTerminal()) {
          return run;
        }
        try {
          Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
          interrupted = true; // asked to stop: the run is cancelled, and followed to its end
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The ended run when it succeeded; otherwise how it ended, as the command reports it.
   *
   * @param noun what the command calls the run in its messages ("run", "job")
   * @throws ReelForgeException the run's error when it failed
   * @throws CancellationException when it was cancelled
   */
  public static RunRecord succeeded(RunRecord run, String noun) {
    if (run.status() == RunStatus.CANCELLED) {
      throw new CancellationException("the " + noun + " was stopped");
    }
    if (run.status() != RunStatus.SUCCEEDED) {
      JobError error =
          run.error()
              .orElse(
                  new JobError(ErrorCode.INTERNAL_ERROR, "the " + noun + " failed", "?", false));
      throw new ReelForgeException(
          error.code(), error.message(), error.retryable(), List.of(), null);
    }
    return run;
  }
}
