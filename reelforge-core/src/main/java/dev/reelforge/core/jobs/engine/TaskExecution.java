package dev.reelforge.core.jobs.engine;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.ClaimedTask;
import dev.reelforge.core.jobs.JobError;
import dev.reelforge.core.jobs.RetryPolicy;
import dev.reelforge.core.jobs.ReviewSignal;
import dev.reelforge.core.jobs.StageCancelledException;
import dev.reelforge.core.jobs.StageContext;
import dev.reelforge.core.jobs.StageDefinition;
import dev.reelforge.core.jobs.StageHandler;
import dev.reelforge.core.jobs.StageResult;
import dev.reelforge.core.jobs.TaskLease;
import dev.reelforge.core.jobs.TaskQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * One execution of one claimed task: runs its handler on the current thread and records how it
 * ended. Cancellation, timeout and shutdown interrupt the thread; which of them happened decides
 * what is recorded.
 */
final class TaskExecution implements StageContext, Runnable {

  /** Why an execution is being stopped from outside. */
  enum StopReason {
    NONE,
    CANCELLED,
    TIMED_OUT,
    LEASE_LOST,
    SHUTDOWN
  }

  private final ClaimedTask task;
  private final StageDefinition stage;
  private final StageHandler handler;
  private final TaskQueue queue;
  private final Clock clock;
  private final RandomGenerator random;
  private final Duration progressInterval;
  private volatile StopReason stopReason = StopReason.NONE;
  private volatile Thread thread;
  private volatile Optional<String> checkpoint;
  private Instant lastProgressAt = Instant.MIN;

  TaskExecution(
      ClaimedTask task,
      StageDefinition stage,
      StageHandler handler,
      TaskQueue queue,
      Clock clock,
      RandomGenerator random,
      Duration progressInterval) {
    this.task = task;
    this.stage = stage;
    this.handler = handler;
    this.queue = queue;
    this.clock = clock;
    this.random = random;
    this.progressInterval = progressInterval;
    this.checkpoint = task.checkpoint();
  }

  TaskLease lease() {
    return task.lease();
  }

  Duration timeout() {
    return stage.timeout();
  }

  /** Asks the handler to stop; the first reason given wins. */
  synchronized void stop(StopReason reason) {
    if (stopReason == StopReason.NONE) {
      stopReason = reason;
      Thread running = thread;
      if (running != null) {
        running.interrupt();
      }
    }
  }

  @Override
  public void run() {
    synchronized (this) {
      if (stopReason != StopReason.NONE) {
        // Stopped before it started (cancelled or shut down while prefetched): no handler call.
        record(null, new StageCancelledException());
        return;
      }
      thread = Thread.currentThread();
    }
    StageResult result;
    Throwable failure = null;
    try {
      result = handler.execute(this);
    } catch (StageCancelledException | InterruptedException e) {
      result = null;
      failure = e;
    } catch (Exception | LinkageError | AssertionError e) {
      result = null;
      failure = e;
    } finally {
      synchronized (this) {
        thread = null;
        Thread.interrupted(); // never leak an interrupt into the pool's thread
      }
    }
    record(result, failure);
  }

  private void record(StageResult result, Throwable failure) {
    switch (stopReason) {
      case LEASE_LOST -> {
        return; // another worker owns the task now
      }
      case SHUTDOWN -> {
        queue.release(lease());
        return;
      }
      case CANCELLED -> {
        queue.acknowledgeCancel(lease());
        return;
      }
      case TIMED_OUT -> {
        fail(
            new JobError(
                ErrorCode.TIMEOUT,
                "stage " + stage.name() + " exceeded its timeout of " + stage.timeout(),
                stage.name(),
                true));
        return;
      }
      case NONE -> {}
    }
    if (failure != null) {
      fail(errorOf(failure));
      return;
    }
    switch (result) {
      case StageResult.Completed completed -> queue.complete(lease(), completed.output());
      case StageResult.RetryLater later ->
          queue.retryLater(
              lease(), clock.instant().plus(later.delay()), later.checkpoint(), Optional.empty());
      case StageResult.AwaitReview review -> queue.awaitReview(lease(), review.proposal());
      case StageResult.FailedPermanently failed ->
          queue.kill(lease(), JobError.of(failed.error(), stage.name()).withRetryable(false));
      case null -> fail(errorOf(new IllegalStateException("handler returned no result")));
    }
  }

  private void fail(JobError error) {
    RetryPolicy policy = stage.retryPolicy();
    if (error.retryable() && policy.allowsAnotherAttempt(lease().attempt())) {
      Instant runAfter = clock.instant().plus(policy.backoff(lease().attempt(), random));
      queue.retryLater(lease(), runAfter, Optional.empty(), Optional.of(error));
    } else {
      queue.kill(lease(), error);
    }
  }

  private JobError errorOf(Throwable failure) {
    if (failure instanceof ReelForgeException e) {
      return JobError.of(e, stage.name());
    }
    if (failure instanceof StageCancelledException || failure instanceof InterruptedException) {
      // Interrupted without a reason from us: the handler was interrupted by something else.
      return new JobError(ErrorCode.INTERNAL_ERROR, "stage was interrupted", stage.name(), true);
    }
    String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
    // Unknown exceptions may be transient (a dropped connection): retried under the policy.
    return new JobError(
        ErrorCode.INTERNAL_ERROR, failure.getClass().getSimpleName() + message, stage.name(), true);
  }

  // --- StageContext ---

  @Override
  public UUID runId() {
    return task.runId();
  }

  @Override
  public UUID taskId() {
    return lease().taskId();
  }

  @Override
  public UUID ownerId() {
    return task.ownerId();
  }

  @Override
  public String stage() {
    return task.stage();
  }

  @Override
  public int attempt() {
    return lease().attempt();
  }

  @Override
  public String inputs() {
    return task.inputs();
  }

  @Override
  public Map<String, String> dependencyOutputs() {
    return task.dependencyOutputs();
  }

  @Override
  public Optional<String> checkpoint() {
    return checkpoint;
  }

  @Override
  public Optional<ReviewSignal> reviewSignal() {
    return task.reviewSignal();
  }

  @Override
  public void saveCheckpoint(String value) {
    if (!queue.saveCheckpoint(lease(), value)) {
      stop(StopReason.LEASE_LOST);
      throw new StageCancelledException();
    }
    checkpoint = Optional.of(value);
  }

  @Override
  public synchronized void progress(double fraction, String message) {
    Instant now = clock.instant();
    boolean done = fraction >= 1.0;
    if (done || !now.isBefore(lastProgressAt.plus(progressInterval))) {
      lastProgressAt = now;
      queue.progress(lease(), Math.max(0, Math.min(1, fraction)), message == null ? "" : message);
    }
  }

  @Override
  public boolean isCancelled() {
    return stopReason != StopReason.NONE;
  }
}
