package dev.reelforge.app.jobs;

import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Waits for a run to end, for routes that answer with the result (seed 000's finalize). Waiting is
 * only watching: the run belongs to the job engine, so a client that gives up or disconnects does
 * not stop it.
 */
public final class RunWaiter {

  private final JobService jobs;
  private final Duration poll;

  public RunWaiter(JobService jobs, Duration poll) {
    this.jobs = jobs;
    this.poll = poll;
  }

  /**
   * The ended run, or empty when it is still going after {@code limit} — or waits for a person's
   * review, which no request should sit through.
   */
  public Optional<RunRecord> awaitTerminal(UUID runId, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      RunRecord run = jobs.run(runId);
      if (run.status().isTerminal()) {
        return Optional.of(run);
      }
      if (run.status() == RunStatus.AWAITING_REVIEW || System.nanoTime() >= deadline) {
        return Optional.empty();
      }
      try {
        Thread.sleep(poll.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }
}
