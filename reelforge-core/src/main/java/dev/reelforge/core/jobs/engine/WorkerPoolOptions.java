package dev.reelforge.core.jobs.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * One pool of workers: which queues it serves, how many tasks it runs at once, which resource tags
 * its machine offers ({@code cpu}, {@code gpu}: a task requiring a tag the pool lacks is never
 * claimed by it), and its timings.
 *
 * @param name names threads and the worker id
 * @param queues the queues served
 * @param concurrency most tasks executing at once
 * @param prefetch how many more tasks the pool may hold leased while waiting for a free slot:
 *     claiming in batches raises throughput for short tasks, but a prefetched task waits on this
 *     node even when another node is idle, so long stages (renders) should keep 0
 * @param tags resource tags this pool offers
 * @param pollInterval how often an idle pool looks for work when no signal wakes it
 * @param lease how long a claimed task stays ours without a heartbeat
 * @param heartbeatInterval how often leases are extended (well below {@code lease})
 * @param shutdownGrace how long {@link WorkerPool#close()} lets running tasks finish
 * @param progressInterval the shortest time between two stored progress reports of a task
 */
public record WorkerPoolOptions(
    String name,
    Set<String> queues,
    int concurrency,
    int prefetch,
    Set<String> tags,
    Duration pollInterval,
    Duration lease,
    Duration heartbeatInterval,
    Duration shutdownGrace,
    Duration progressInterval) {

  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofMillis(500);

  public WorkerPoolOptions {
    Objects.requireNonNull(name, "name");
    queues = Set.copyOf(queues);
    tags = Set.copyOf(tags);
    if (queues.isEmpty()) {
      throw new IllegalArgumentException("worker pool " + name + " serves no queue");
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("worker pool " + name + ": concurrency must be positive");
    }
    if (prefetch < 0) {
      throw new IllegalArgumentException("worker pool " + name + ": prefetch must not be negative");
    }
    if (heartbeatInterval.compareTo(lease) >= 0) {
      throw new IllegalArgumentException(
          "worker pool " + name + ": heartbeats must come more often than the lease expires");
    }
  }

  /** Defaults for everything but the queues and the concurrency. */
  public static WorkerPoolOptions of(String name, Set<String> queues, int concurrency) {
    return new WorkerPoolOptions(
        name,
        queues,
        concurrency,
        0,
        Set.of("cpu"),
        DEFAULT_POLL_INTERVAL,
        DEFAULT_LEASE,
        DEFAULT_HEARTBEAT,
        DEFAULT_SHUTDOWN_GRACE,
        DEFAULT_PROGRESS_INTERVAL);
  }

  public WorkerPoolOptions withPrefetch(int prefetch) {
    return new WorkerPoolOptions(
        name,
        queues,
        concurrency,
        prefetch,
        tags,
        pollInterval,
        lease,
        heartbeatInterval,
        shutdownGrace,
        progressInterval);
  }

  /** The most tasks the pool holds leased at once (executing plus prefetched). */
  public int maxHeld() {
    return concurrency + prefetch;
  }

  public WorkerPoolOptions withTags(Set<String> tags) {
    return new WorkerPoolOptions(
        name,
        queues,
        concurrency,
        prefetch,
        tags,
        pollInterval,
        lease,
        heartbeatInterval,
        shutdownGrace,
        progressInterval);
  }

  public WorkerPoolOptions withTimings(
      Duration pollInterval, Duration lease, Duration heartbeatInterval) {
    return new WorkerPoolOptions(
        name,
        queues,
        concurrency,
        prefetch,
        tags,
        pollInterval,
        lease,
        heartbeatInterval,
        shutdownGrace,
        progressInterval);
  }

  public WorkerPoolOptions withShutdownGrace(Duration grace) {
    return new WorkerPoolOptions(
        name,
        queues,
        concurrency,
        prefetch,
        tags,
        pollInterval,
        lease,
        heartbeatInterval,
        grace,
        progressInterval);
  }
}
