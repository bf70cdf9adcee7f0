package dev.reelforge.core.jobs.engine;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.api.StageHandler;
import dev.reelforge.core.jobs.spi.ClaimRequest;
import dev.reelforge.core.jobs.spi.ClaimedTask;
import dev.reelforge.core.jobs.spi.HeartbeatResult;
import dev.reelforge.core.jobs.spi.JobError;
import dev.reelforge.core.jobs.spi.TaskLease;
import dev.reelforge.core.jobs.spi.TaskQueue;
import dev.reelforge.core.jobs.spi.WorkSignal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workers for a set of queues, split the way db-scheduler splits them: a poller that claims batches
 * of due tasks when it has free slots (woken by {@link WorkSignal} or its poll interval),
 * executions on virtual threads under a concurrency cap and a per-stage timeout, and a heartbeat
 * that extends leases and notices cancellations and lost leases.
 *
 * <p>{@link #close()} shuts down gracefully: it stops claiming, lets running tasks finish for up to
 * the shutdown grace, then interrupts the rest and releases their leases so another worker picks
 * them up at once.
 */
public final class WorkerPool implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
  private static final Duration CLAIM_ERROR_PAUSE = Duration.ofSeconds(1);
  private static final Duration SLOT_WAIT = Duration.ofMillis(100);

  private final TaskObserver observer;
  private final WorkerPoolOptions options;
  private final TaskQueue queue;
  private final PipelineRegistry pipelines;
  private final Optional<WorkSignal> signal;
  private final Clock clock;
  private final String workerId;

  /** Every task this pool holds leased: executing, or prefetched and waiting for a slot. */
  private final Map<UUID, TaskExecution> active = new ConcurrentHashMap<>();

  private final Semaphore slots;
  private final ExecutorService executions;
  private final ScheduledExecutorService timers;
  private final Object wakeLock = new Object();
  private boolean wakeRequested;
  private volatile boolean running;
  private Thread poller;

  public WorkerPool(
      WorkerPoolOptions options,
      TaskQueue queue,
      PipelineRegistry pipelines,
      Optional<WorkSignal> signal,
      Clock clock) {
    this(options, queue, pipelines, signal, clock, TaskObserver.NONE);
  }

  public WorkerPool(
      WorkerPoolOptions options,
      TaskQueue queue,
      PipelineRegistry pipelines,
      Optional<WorkSignal> signal,
      Clock clock,
      TaskObserver observer) {
    this.observer = observer;
    this.options = options;
    this.queue = queue;
    this.pipelines = pipelines;
    this.signal = signal;
    this.clock = clock;
    this.workerId =
        options.name()
            + "@"
            + ProcessHandle.current().pid()
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    this.slots = new Semaphore(options.concurrency());
    this.executions =
        Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name(options.name() + "-task-", 0).factory());
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name(options.name() + "-timers").unstarted(r));
  }

  public String workerId() {
    return workerId;
  }

  /** How many tasks execute now. */
  public int activeCount() {
    return active.size();
  }

  public synchronized WorkerPool start() {
    if (running) {
      return this;
    }
    running = true;
    signal.ifPresent(s -> s.subscribe(new SignalListener()));
    long heartbeat = options.heartbeatInterval().toMillis();
    timers.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    poller = Thread.ofPlatform().name(options.name() + "-poller").daemon().start(this::pollLoop);
    return this;
  }

  private void pollLoop() {
    // With prefetch, claim in batches: only once half the prefetch room is free (or when idle).
    int batch = Math.max(1, (options.prefetch() + 1) / 2);
    while (running) {
      int held = active.size();
      int free = options.maxHeld() - held;
      if (free > 0 && (free >= batch || held == 0)) {
        List<ClaimedTask> claimed = claim(free);
        claimed.forEach(this::launch);
        if (!claimed.isEmpty() && claimed.size() == free) {
          continue; // every slot got work: there may be more waiting
        }
      }
      awaitWake(options.pollInterval());
    }
  }

  private List<ClaimedTask> claim(int free) {
    try {
      return queue.claim(
          new ClaimRequest(workerId, options.queues(), options.tags(), free, options.lease()));
    } catch (RuntimeException e) {
      // The database may be restarting: keep the pool alive and try again shortly.
      log.warn("worker {} could not claim tasks: {}", workerId, e.getMessage());
      awaitWake(CLAIM_ERROR_PAUSE);
      return List.of();
    }
  }

  private void launch(ClaimedTask task) {
    StageDefinition stage;
    StageHandler handler;
    try {
      stage = pipelines.definition(task.kind()).stage(task.stage());
      handler = pipelines.handler(task.kind(), task.stage());
    } catch (RuntimeException e) {
      queue.kill(
          task.lease(),
          new JobError(
              ErrorCode.INTERNAL_ERROR,
              "worker " + workerId + " has no handler for " + task.kind() + "/" + task.stage(),
              task.stage(),
              false));
      return;
    }
    TaskExecution execution =
        new TaskExecution(
            task,
            stage,
            handler,
            queue,
            clock,
            ThreadLocalRandom.current(),
            options.progressInterval(),
            observer);
    active.put(task.lease().taskId(), execution);
    executions.execute(
        () -> {
          boolean acquired = false;
          ScheduledFuture<?> timeout = null;
          try {
            // A prefetched task waits for a slot, but not past a stop (cancel, shutdown).
            while (!(acquired = slots.tryAcquire(SLOT_WAIT.toMillis(), TimeUnit.MILLISECONDS))) {
              if (!running) {
                execution.stop(TaskExecution.StopReason.SHUTDOWN);
              }
              if (execution.isCancelled()) {
                execution.run();
                return;
              }
            }
            if (!running) {
              execution.stop(TaskExecution.StopReason.SHUTDOWN);
            }
            timeout =
                timers.schedule(
                    () -> execution.stop(TaskExecution.StopReason.TIMED_OUT),
                    stage.timeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            execution.run();
          } catch (InterruptedException e) {
            execution.stop(TaskExecution.StopReason.SHUTDOWN);
            execution.run();
          } catch (RuntimeException e) {
            // Recording the outcome failed (database down): the lease will expire and the reaper
            // hands the task to another worker, so nothing is lost.
            log.warn("task {} outcome not recorded: {}", task.lease().taskId(), e.getMessage());
          } finally {
            if (timeout != null) {
              timeout.cancel(false);
            }
            if (acquired) {
              slots.release();
            }
            active.remove(task.lease().taskId());
            wake();
          }
        });
  }

  private void heartbeat() {
    if (active.isEmpty()) {
      return;
    }
    List<TaskLease> leases = active.values().stream().map(TaskExecution::lease).toList();
    HeartbeatResult result;
    try {
      result = queue.heartbeat(workerId, leases, options.lease());
    } catch (RuntimeException e) {
      log.warn("worker {} heartbeat failed: {}", workerId, e.getMessage());
      return;
    }
    result.lost().forEach(id -> stop(id, TaskExecution.StopReason.LEASE_LOST));
    result.cancelRequested().forEach(id -> stop(id, TaskExecution.StopReason.CANCELLED));
  }

  private void stop(UUID taskId, TaskExecution.StopReason reason) {
    TaskExecution execution = active.get(taskId);
    if (execution != null) {
      execution.stop(reason);
    }
  }

  private void wake() {
    synchronized (wakeLock) {
      wakeRequested = true;
      wakeLock.notifyAll();
    }
  }

  private void awaitWake(Duration timeout) {
    synchronized (wakeLock) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!wakeRequested && running) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          break;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(wakeLock, remaining);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      wakeRequested = false;
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
    }
    wake();
    try {
      if (poller != null) {
        poller.join(options.pollInterval().plusSeconds(5).toMillis());
      }
      executions.shutdown();
      if (!executions.awaitTermination(options.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        log.info(
            "worker {} releasing {} task(s) still running after {}",
            workerId,
            active.size(),
            options.shutdownGrace());
        active.values().forEach(e -> e.stop(TaskExecution.StopReason.SHUTDOWN));
        executions.awaitTermination(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      timers.shutdownNow();
    }
  }

  private final class SignalListener implements WorkSignal.Listener {
    @Override
    public void workAvailable(String queueName) {
      if (running && options.queues().contains(queueName)) {
        wake();
      }
    }

    @Override
    public void runCancelled(UUID runId) {
      active.values().stream()
          .filter(e -> e.runId().equals(runId))
          .forEach(e -> e.stop(TaskExecution.StopReason.CANCELLED));
    }
  }
}
