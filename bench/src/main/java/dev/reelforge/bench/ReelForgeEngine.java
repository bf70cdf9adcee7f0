package dev.reelforge.bench;

import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.PipelineRegistry;
import dev.reelforge.core.jobs.engine.QueueLimits;
import dev.reelforge.core.jobs.engine.SubmitRequest;
import dev.reelforge.core.jobs.engine.WorkerPool;
import dev.reelforge.core.jobs.engine.WorkerPoolOptions;
import dev.reelforge.postgres.jobs.PostgresRunStore;
import dev.reelforge.postgres.jobs.PostgresTaskQueue;
import dev.reelforge.postgres.jobs.PostgresWorkSignal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** ReelForge's job engine: one-stage no-op runs on one queue, one pool of N workers. */
final class ReelForgeEngine implements Engine {

  private static final String QUEUE = "bench";

  private final DataSource dataSource;
  private final PostgresWorkSignal.ConnectionFactory listenConnections;
  private final int workers;
  private final int prefetch;
  private final Clock clock = Clock.systemUTC();
  private final UUID owner = UUID.randomUUID();
  private final AtomicInteger executed = new AtomicInteger();
  private final LatencyProbe probe = new LatencyProbe();
  private final JobService jobs;
  private final PipelineRegistry pipelines;
  private final PostgresTaskQueue queue;
  private PostgresWorkSignal signal;
  private WorkerPool pool;

  ReelForgeEngine(
      DataSource dataSource,
      PostgresWorkSignal.ConnectionFactory listenConnections,
      int workers,
      int prefetch) {
    this.dataSource = dataSource;
    this.listenConnections = listenConnections;
    this.workers = workers;
    this.prefetch = prefetch;
    this.pipelines =
        new PipelineRegistry()
            .register(
                PipelineDefinition.of("noop", StageDefinition.of("noop", QUEUE)),
                Map.of(
                    "noop",
                    ctx -> {
                      String inputs = ctx.inputs();
                      probe.started(index(inputs));
                      executed.incrementAndGet();
                      return StageResult.completed("{}");
                    }));
    this.jobs =
        new JobService(
            new PostgresRunStore(dataSource, clock),
            pipelines,
            new QueueLimits(10_000_000, Map.of()),
            clock);
    this.queue = new PostgresTaskQueue(dataSource, clock);
  }

  @Override
  public String name() {
    return "ReelForge (prefetch " + prefetch + ")";
  }

  @Override
  public void settle() throws Exception {
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.execute("vacuum analyze run, task, run_event");
    }
  }

  @Override
  public void enqueue(int count) throws Exception {
    ExecutorService submitters = Executors.newFixedThreadPool(4);
    for (int i = 0; i < count; i++) {
      int n = -1 - i; // negative: not part of the latency measurement
      submitters.execute(() -> jobs.submit(SubmitRequest.of(owner, "noop", "{\"i\":" + n + "}")));
    }
    submitters.shutdown();
    submitters.awaitTermination(1, TimeUnit.HOURS);
  }

  @Override
  public long drain(int count) throws Exception {
    executed.set(0);
    long start = System.nanoTime();
    startPool();
    while (executed.get() < count) {
      Thread.sleep(5);
    }
    return System.nanoTime() - start;
  }

  @Override
  public long[] latencies(int count, int perSecond) throws Exception {
    startPool();
    Thread.sleep(500);
    return probe.measure(
        count, perSecond, i -> jobs.submit(SubmitRequest.of(owner, "noop", "{\"i\":" + i + "}")));
  }

  private void startPool() {
    if (pool != null) {
      return;
    }
    signal = new PostgresWorkSignal(listenConnections);
    pool =
        new WorkerPool(
                WorkerPoolOptions.of("bench", Set.of(QUEUE), workers).withPrefetch(prefetch),
                queue,
                pipelines,
                Optional.of(signal),
                clock)
            .start();
  }

  private static int index(String inputs) {
    return Integer.parseInt(inputs.replaceAll("[^-0-9]", ""));
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
    if (signal != null) {
      signal.close();
    }
  }
}
