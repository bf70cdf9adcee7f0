package dev.reelforge.app.jobs;

import dev.reelforge.app.settings.CheckedTogether;
import dev.reelforge.app.settings.InvalidSettingException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The job engine ({@code reelforge.jobs.*}): worker pools, leases, backpressure. */
@ConfigurationProperties("reelforge.jobs")
@Validated
public class JobsSettings implements CheckedTogether {

  /** Whether this process runs workers (claims and executes tasks). */
  private boolean workersEnabled = true;

  /** How often an idle worker pool looks for work when no LISTEN/NOTIFY signal woke it. */
  @NotNull private Duration pollInterval = Duration.ofSeconds(1);

  /** How long a claimed task stays with its worker without a heartbeat before it is reclaimed. */
  @NotNull private Duration lease = Duration.ofSeconds(30);

  /** How often workers extend the leases of their running tasks (well below the lease). */
  @NotNull private Duration heartbeatInterval = Duration.ofSeconds(10);

  /** How long a stopping process lets running tasks finish before handing them back. */
  @NotNull private Duration shutdownGrace = Duration.ofSeconds(30);

  /** How often expired leases (tasks of dead workers) are returned to their queues. */
  @NotNull private Duration reaperInterval = Duration.ofSeconds(5);

  /** Waiting tasks a queue may hold before new submissions get 503 + Retry-After. */
  @Min(1)
  private long maxQueueDepth = 10_000;

  /** Per-queue overrides of max-queue-depth, e.g. render: 200. */
  private Map<String, Long> queueDepthLimits = new LinkedHashMap<>();

  /**
   * Worker pools by name: the queues each serves, how many tasks it runs at once, how many more it
   * may prefetch, and the resource tags (cpu, gpu) its machine offers.
   */
  private Map<String, @Valid Pool> pools = defaultPools();

  /**
   * The queues this process serves, e.g. clips-export,render: every pool is narrowed to them and a
   * pool left without one does not start (each worker Deployment of the Helm chart sets its own
   * list). Empty: every pool's queues.
   */
  private List<String> queues = new ArrayList<>();

  /**
   * Resource tags this machine offers on top of each pool's own, e.g. gpu on a GPU node: tasks of
   * stages that require a tag run only on pools that offer it.
   */
  private List<String> nodeTags = new ArrayList<>();

  /** One worker pool. */
  public static class Pool {
    /** Queues this pool serves. */
    @NotEmpty private List<String> queues = List.of();

    /** Tasks executed at once. */
    @Min(1)
    @Max(1024)
    private int concurrency = 2;

    /** Extra tasks claimed ahead (0 for long stages such as renders). */
    @Min(0)
    @Max(1024)
    private int prefetch = 0;

    /** Resource tags this machine offers to tasks that require them. */
    private List<String> tags = List.of("cpu");

    public Pool() {}

    Pool(List<String> queues, int concurrency, int prefetch) {
      this.queues = queues;
      this.concurrency = concurrency;
      this.prefetch = prefetch;
    }

    public List<String> getQueues() {
      return queues;
    }

    public void setQueues(List<String> queues) {
      this.queues = queues;
    }

    public int getConcurrency() {
      return concurrency;
    }

    public void setConcurrency(int concurrency) {
      this.concurrency = concurrency;
    }

    public int getPrefetch() {
      return prefetch;
    }

    public void setPrefetch(int prefetch) {
      this.prefetch = prefetch;
    }

    public List<String> getTags() {
      return tags;
    }

    public void setTags(List<String> tags) {
      this.tags = tags;
    }
  }

  /**
   * The named queues of SPEC.md §2.1, sized for a small machine: renders one at a time (FFmpeg uses
   * every core), AI calls several at once (they wait on the network).
   */
  static Map<String, Pool> defaultPools() {
    Map<String, Pool> pools = new LinkedHashMap<>();
    pools.put("ingest", new Pool(List.of("ingest"), 2, 0));
    pools.put("analysis", new Pool(List.of("analysis"), 2, 0));
    pools.put("generation", new Pool(List.of("generation"), 4, 0));
    pools.put("render", new Pool(List.of("render"), 1, 0));
    pools.put("publish", new Pool(List.of("publish"), 2, 0));
    // Seed 004 §7: image jobs three at a time, video jobs one (a vendor's poll is a short task).
    pools.put("image", new Pool(List.of("image"), 3, 0));
    pools.put("video", new Pool(List.of("video"), 1, 0));
    // The brand director's light work: analysis, scripts, previews, watching its scene jobs.
    pools.put("brand", new Pool(List.of("brand"), 2, 0));
    // Long video → clips (seed 003): the speech track, then the transcript beside scenes and
    // loudness (both CPU-bound, so two at once), and exports one at a time on their own queue,
    // apart from story renders.
    pools.put("clips-ingest", new Pool(List.of("clips-ingest"), 1, 0));
    pools.put("clips-analysis", new Pool(List.of("clips-analysis"), 2, 0));
    pools.put("clips-export", new Pool(List.of("clips-export"), 1, 0));
    return pools;
  }

  /**
   * One pool as this process runs it: narrowed to {@link #getQueues()} and offering {@link
   * #getNodeTags()} as well as its own tags.
   */
  public record ActivePool(
      String name, Set<String> queues, int concurrency, int prefetch, Set<String> tags) {}

  /** The pools this process starts, in their configured order; see {@link ActivePool}. */
  public List<ActivePool> activePools() {
    List<ActivePool> active = new ArrayList<>();
    for (Map.Entry<String, Pool> entry : pools.entrySet()) {
      Pool pool = entry.getValue();
      Set<String> served = new LinkedHashSet<>(pool.getQueues());
      if (!queues.isEmpty()) {
        served.retainAll(queues);
      }
      if (served.isEmpty()) {
        continue;
      }
      Set<String> tags = new TreeSet<>(pool.getTags());
      tags.addAll(nodeTags);
      active.add(
          new ActivePool(entry.getKey(), served, pool.getConcurrency(), pool.getPrefetch(), tags));
    }
    return active;
  }

  public List<String> getQueues() {
    return queues;
  }

  public void setQueues(List<String> queues) {
    this.queues = queues;
  }

  public List<String> getNodeTags() {
    return nodeTags;
  }

  public void setNodeTags(List<String> nodeTags) {
    this.nodeTags = nodeTags;
  }

  public boolean isWorkersEnabled() {
    return workersEnabled;
  }

  public void setWorkersEnabled(boolean workersEnabled) {
    this.workersEnabled = workersEnabled;
  }

  public Duration getPollInterval() {
    return pollInterval;
  }

  public void setPollInterval(Duration pollInterval) {
    this.pollInterval = pollInterval;
  }

  public Duration getLease() {
    return lease;
  }

  public void setLease(Duration lease) {
    this.lease = lease;
  }

  public Duration getHeartbeatInterval() {
    return heartbeatInterval;
  }

  public void setHeartbeatInterval(Duration heartbeatInterval) {
    this.heartbeatInterval = heartbeatInterval;
  }

  public Duration getShutdownGrace() {
    return shutdownGrace;
  }

  public void setShutdownGrace(Duration shutdownGrace) {
    this.shutdownGrace = shutdownGrace;
  }

  public Duration getReaperInterval() {
    return reaperInterval;
  }

  public void setReaperInterval(Duration reaperInterval) {
    this.reaperInterval = reaperInterval;
  }

  public long getMaxQueueDepth() {
    return maxQueueDepth;
  }

  public void setMaxQueueDepth(long maxQueueDepth) {
    this.maxQueueDepth = maxQueueDepth;
  }

  public Map<String, Long> getQueueDepthLimits() {
    return queueDepthLimits;
  }

  public void setQueueDepthLimits(Map<String, Long> queueDepthLimits) {
    this.queueDepthLimits = queueDepthLimits;
  }

  public Map<String, Pool> getPools() {
    return pools;
  }

  public void setPools(Map<String, Pool> pools) {
    this.pools = pools;
  }

  /**
   * A lease is only kept alive by heartbeats that come before it runs out; a queue this process is
   * told to serve must be one a pool serves, or its tasks would wait forever.
   */
  @Override
  public void checkTogether() {
    Set<String> pooled = new TreeSet<>();
    pools.values().forEach(pool -> pooled.addAll(pool.getQueues()));
    for (String queue : queues) {
      if (!pooled.contains(queue)) {
        throw InvalidSettingException.of(
            "reelforge.jobs.queues",
            queues,
            "no pool serves '"
                + queue
                + "' (pools serve "
                + pooled
                + "); add a pool for it under reelforge.jobs.pools");
      }
    }
    if (heartbeatInterval.compareTo(lease) >= 0) {
      throw InvalidSettingException.of(
          "reelforge.jobs.heartbeat-interval",
          heartbeatInterval,
          "must be shorter than reelforge.jobs.lease (" + lease + ")");
    }
  }
}
