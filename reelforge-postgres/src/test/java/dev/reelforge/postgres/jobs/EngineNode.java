package dev.reelforge.postgres.jobs;

import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.LeaseReaper;
import dev.reelforge.core.jobs.engine.PipelineRegistry;
import dev.reelforge.core.jobs.engine.QueueLimits;
import dev.reelforge.core.jobs.engine.WorkerPool;
import dev.reelforge.core.jobs.engine.WorkerPoolOptions;
import dev.reelforge.postgres.testing.TestDatabase;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One ReelForge "node" for engine tests: its own store objects, its own LISTEN connection and its
 * own worker pools over the shared test database, as separate processes would have.
 */
final class EngineNode implements AutoCloseable {

  final PostgresRunStore runs;
  final PostgresTaskQueue queue;
  final PostgresWorkSignal signal;
  final JobService jobs;
  final PipelineRegistry pipelines;
  final Clock clock;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  EngineNode(TestDatabase database, PipelineRegistry pipelines, Clock clock, QueueLimits limits) {
    this.pipelines = pipelines;
    this.clock = clock;
    this.runs = new PostgresRunStore(database.dataSource(), clock);
    this.queue = new PostgresTaskQueue(database.dataSource(), clock);
    String url = database.server().jdbcUrl();
    this.signal =
        new PostgresWorkSignal(
            () -> DriverManager.getConnection(url, database.username(), database.password()));
    this.jobs = new JobService(runs, pipelines, limits, clock);
  }

  EngineNode(TestDatabase database, PipelineRegistry pipelines, Clock clock) {
    this(database, pipelines, clock, QueueLimits.DEFAULT);
  }

  WorkerPool startPool(WorkerPoolOptions options) {
    WorkerPool pool = new WorkerPool(options, queue, pipelines, Optional.of(signal), clock).start();
    closeables.add(pool);
    return pool;
  }

  LeaseReaper startReaper(Duration interval) {
    LeaseReaper reaper = new LeaseReaper(queue, interval).start();
    closeables.add(reaper);
    return reaper;
  }

  /** Waits until the LISTEN connection is up, so a test can rely on notifications. */
  EngineNode awaitListening() {
    await(Duration.ofSeconds(10), signal::isConnected);
    return this;
  }

  static void await(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable closeable : closeables.reversed()) {
      closeable.close();
    }
    signal.close();
  }
}
