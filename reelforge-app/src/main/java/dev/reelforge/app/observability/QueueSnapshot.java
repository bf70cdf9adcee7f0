package dev.reelforge.app.observability;

import dev.reelforge.core.jobs.QueueStats;
import dev.reelforge.core.jobs.engine.JobService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The queues' state, read with one query and kept for a few seconds: Prometheus scrapes, health
 * checks and the load balancer's probes may come often, and the numbers need not be fresher.
 */
public final class QueueSnapshot {

  private static final long MAX_AGE_NANOS = Duration.ofSeconds(2).toNanos();

  private final JobService jobs;
  private volatile Map<String, QueueStats> stats = Map.of();
  private volatile long readAt = Long.MIN_VALUE;

  public QueueSnapshot(JobService jobs) {
    this.jobs = jobs;
  }

  /** The state of each queue that holds or held tasks; may throw if the database is down. */
  public Map<String, QueueStats> current() {
    long now = System.nanoTime();
    if (readAt == Long.MIN_VALUE || now - readAt > MAX_AGE_NANOS) {
      synchronized (this) {
        if (readAt == Long.MIN_VALUE || now - readAt > MAX_AGE_NANOS) {
          List<QueueStats> read = jobs.queues();
          stats =
              read.stream()
                  .collect(
                      Collectors.toUnmodifiableMap(
                          QueueStats::queue, Function.identity(), (a, b) -> a));
          readAt = System.nanoTime();
        }
      }
    }
    return stats;
  }
}
