package dev.reelforge.app.jobs;

import dev.reelforge.app.cluster.NodeSettings;
import dev.reelforge.core.jobs.engine.LeaseReaper;
import dev.reelforge.core.jobs.engine.PipelineRegistry;
import dev.reelforge.core.jobs.engine.TaskObserver;
import dev.reelforge.core.jobs.engine.WorkerPool;
import dev.reelforge.core.jobs.engine.WorkerPoolOptions;
import dev.reelforge.core.jobs.spi.TaskQueue;
import dev.reelforge.postgres.jobs.PostgresWorkSignal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts this node's worker pools and lease reaper with the application and stops them gracefully
 * with it: no new claims, running tasks get the shutdown grace, the rest are handed back. Runs
 * before the database pool closes (lifecycle beans stop before beans are destroyed).
 */
@Component
@ConditionalOnWebApplication
public class JobWorkers implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(JobWorkers.class);

  private final JobsSettings settings;
  private final NodeSettings node;
  private final TaskQueue queue;
  private final PipelineRegistry pipelines;
  private final PostgresWorkSignal signal;
  private final Clock clock;
  private final TaskObserver observer;
  private final List<WorkerPool> pools = new ArrayList<>();
  private LeaseReaper reaper;
  private volatile boolean running;

  public JobWorkers(
      JobsSettings settings,
      NodeSettings node,
      TaskQueue queue,
      PipelineRegistry pipelines,
      PostgresWorkSignal signal,
      List<TaskObserver> observers,
      Clock clock) {
    this.observer = TaskObserver.all(observers);
    this.settings = settings;
    this.node = node;
    this.queue = queue;
    this.pipelines = pipelines;
    this.signal = signal;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    if (node.has(NodeSettings.Role.SCHEDULER)) {
      reaper = new LeaseReaper(queue, settings.getReaperInterval()).start();
    }
    if (settings.isWorkersEnabled() && node.has(NodeSettings.Role.WORKER)) {
      for (JobsSettings.ActivePool pool : settings.activePools()) {
        WorkerPoolOptions options =
            WorkerPoolOptions.of(pool.name(), pool.queues(), pool.concurrency())
                .withPrefetch(pool.prefetch())
                .withTags(pool.tags())
                .withTimings(
                    settings.getPollInterval(),
                    settings.getLease(),
                    settings.getHeartbeatInterval())
                .withShutdownGrace(settings.getShutdownGrace());
        pools.add(
            new WorkerPool(options, queue, pipelines, Optional.of(signal), clock, observer)
                .start());
      }
      log.info("job workers started: {} pool(s) for pipelines {}", pools.size(), pipelines.kinds());
    }
    running = true;
  }

  @Override
  public synchronized void stop() {
    pools.forEach(WorkerPool::close);
    pools.clear();
    if (reaper != null) {
      reaper.close();
    }
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stop after the web server has stopped taking requests, before the database goes. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 1000;
  }

  public int poolCount() {
    return pools.size();
  }
}
