package dev.reelforge.core.jobs.engine;

import dev.reelforge.core.jobs.spi.TaskQueue;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodically hands the tasks of dead or hung workers (expired leases) back to the queue. Safe to
 * run on several nodes at once: each expired task is reaped exactly once.
 */
public final class LeaseReaper implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LeaseReaper.class);
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  private final TaskQueue queue;
  private final Duration interval;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("lease-reaper").unstarted(r));

  public LeaseReaper(TaskQueue queue, Duration interval) {
    this.queue = queue;
    this.interval = interval;
  }

  public LeaseReaper start() {
    timer.scheduleWithFixedDelay(
        this::reapOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** One pass; returns how many tasks were reaped. */
  public int reapOnce() {
    try {
      int reaped = queue.reapExpiredLeases();
      if (reaped > 0) {
        log.info("returned {} task(s) with expired leases to their queues", reaped);
      }
      return reaped;
    } catch (RuntimeException e) {
      log.warn("lease reaper pass failed: {}", e.getMessage());
      return 0;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
