package dev.reelforge.app.observability;

import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.QueueStats;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The queues' state, read with one query and kept for a few seconds: Prometheus scrapes, health
 * checks and the load balancer's probes may come often, and the numbers need not be fresher.
 */
public final class QueueSnapshot {

  private static final long MAX_AGE_NANOS = Duration.ofSeconds(2).toNanos();

  private final JobService jobs;
  private final Set<String> known;
  private volatile Map<String, QueueStats> stats = Map.of();
  private volatile long readAt = Long.MIN_VALUE;

  /**
   * @param known the queues that pipelines and worker pools name: reported even when empty
   */
  public QueueSnapshot(JobService jobs, Set<String> known) {
    this.jobs = jobs;
    this.known = Set.copyOf(known);
  }

  public Set<String> known() {
    return known;
  }

  /**
   * The state of every known queue (zeros when empty) and of any other queue holding tasks; may
   * throw if the database is down.
   */
  public Map<String, QueueStats> current() {
    long now = System.nanoTime();
    if (readAt == Long.MIN_VALUE || now - readAt > MAX_AGE_NANOS) {
      synchronized (this) {
        if (readAt == Long.MIN_VALUE || now - readAt > MAX_AGE_NANOS) {
          Map<String, QueueStats> read = new TreeMap<>();
          for (String queue : known) {
            read.put(queue, new QueueStats(queue, 0, 0, 0, 0, Optional.empty()));
          }
          jobs.queues().forEach(q -> read.put(q.queue(), q));
          stats = Collections.unmodifiableMap(read);
          readAt = System.nanoTime();
        }
      }
    }
    return stats;
  }
}
