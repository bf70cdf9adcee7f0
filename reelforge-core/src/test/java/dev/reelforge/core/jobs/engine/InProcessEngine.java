package dev.reelforge.core.jobs.engine;

import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.StageHandler;
import dev.reelforge.core.jobs.memory.InMemoryJobStore;
import dev.reelforge.core.jobs.memory.InMemoryWorkSignal;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The job engine wired as {@code reelforge make} wires it, on the in-memory store: a job service,
 * worker pools woken by the store's signal, and a lease reaper, all on a settable clock.
 */
final class InProcessEngine implements AutoCloseable {

  static final String QUEUE = "work";

  final SettableClock clock = new SettableClock(Instant.parse("2026-06-01T10:00:00Z"));
  final InMemoryJobStore store = new InMemoryJobStore(clock);
  final PipelineRegistry pipelines = new PipelineRegistry();
  final UUID owner = UUID.randomUUID();
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private JobService service;

  InProcessEngine register(PipelineDefinition definition, Map<String, StageHandler> handlers) {
    pipelines.register(definition, handlers);
    return this;
  }

  JobService service() {
    return service(QueueLimits.DEFAULT);
  }

  JobService service(QueueLimits limits) {
    if (service == null) {
      service = new JobService(store.runStore(), pipelines, limits, clock);
    }
    return service;
  }

  /** Short poll and heartbeat, a lease long enough that only the test's clock expires it. */
  static WorkerPoolOptions options(int concurrency) {
    return WorkerPoolOptions.of("pool", Set.of(QUEUE), concurrency)
        .withTimings(Duration.ofMillis(50), Duration.ofSeconds(30), Duration.ofMillis(100))
        .withShutdownGrace(Duration.ofSeconds(5));
  }

  WorkerPool startPool(WorkerPoolOptions options) {
    return startPool(options, TaskObserver.NONE);
  }

  WorkerPool startPool(WorkerPoolOptions options, TaskObserver observer) {
    InMemoryWorkSignal signal = store.workSignal();
    WorkerPool pool =
        new WorkerPool(options, store.taskQueue(), pipelines, Optional.of(signal), clock, observer);
    closeables.add(signal);
    closeables.add(pool);
    return pool.start();
  }

  RunRecord submit(String kind, String inputs) {
    return service().submit(SubmitRequest.of(owner, kind, inputs)).run();
  }

  RunRecord awaitStatus(UUID runId, RunStatus status) {
    await(() -> service().run(runId).status() == status);
    return service().run(runId);
  }

  static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      try {
        Thread.sleep(10);
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
  }
}
