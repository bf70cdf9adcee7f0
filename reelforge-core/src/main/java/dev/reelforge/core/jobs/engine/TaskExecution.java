package dev.reelforge.core.jobs.engine;

import dev.reelforge.core.error.DiskFull;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.RetryPolicy;
import dev.reelforge.core.jobs.api.ReviewSignal;
import dev.reelforge.core.jobs.api.StageCancelledException;
import dev.reelforge.core.jobs.api.StageContext;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.api.StageHandler;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.jobs.spi.ClaimedTask;
import dev.reelforge.core.jobs.spi.JobError;
import dev.reelforge.core.jobs.spi.TaskLease;
import dev.reelforge.core.jobs.spi.TaskQueue;
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
  private final TaskObserver observer;
  private volatile StopReason stopReason = StopReason.NONE;
  private volatile Thread thread;
  private volatile Optional<String> checkpoint;
  private Instant lastProgressAt = Instant.MIN;
  private String lastProgressLine = "";
  private String errorCode; // of the failure recorded, for the observer

  TaskExecution(
      ClaimedTask task,
      StageDefinition stage,
      StageHandler handler,
      TaskQueue queue,
      Clock clock,
      RandomGenerator random,
      Duration progressInterval,
      TaskObserver observer) {
    this.task = task;
    this.stage = stage;
    this.handler = handler;
    this.queue = queue;
    this.clock = clock;
    this.random = random;
    this.progressInterval = progressInterval;
    this.observer = observer;
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
    TaskObserver.Scope scope = observer.started(task, stage.queue());
    long start = System.nanoTime();
    synchronized (this) {
      if (stopReason != StopReason.NONE) {
        // Stopped before it started (cancelled or shut down while prefetched): no handler call.
        TaskObserver.Outcome outcome = record(null, new StageCancelledException());
        scope.ended(outcome, Duration.ZERO, null);
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
    TaskObserver.Outcome outcome = record(result, failure);
    scope.ended(outcome, Duration.ofNanos(System.nanoTime() - start), errorCode);
  }

  private TaskObserver.Outcome record(StageResult result, Throwable failure) {
    switch (stopReason) {
      case LEASE_LOST -> {
        return TaskObserver.Outcome.LEASE_LOST; // another worker owns the task now
      }
      case SHUTDOWN -> {
        queue.release(lease());
        return TaskObserver.Outcome.RELEASED;
      }
      case CANCELLED -> {
        queue.acknowledgeCancel(lease());
        return TaskObserver.Outcome.CANCELLED;
      }
      case TIMED_OUT -> {
        fail(
            new JobError(
                ErrorCode.TIMEOUT,
                "stage " + stage.name() + " exceeded its timeout of " + stage.timeout(),
                stage.name(),
                true));
        return TaskObserver.Outcome.TIMED_OUT;
      }
      case NONE -> {}
    }
    if (failure != null) {
      return fail(errorOf(failure));
    }
    switch (result) {
      case StageResult.Completed completed -> {
        queue.complete(lease(), completed.output());
        return TaskObserver.Outcome.COMPLETED;
      }
      case StageResult.RetryLater later -> {
        queue.retryLater(
            lease(), clock.instant().plus(later.delay()), later.checkpoint(), Optional.empty());
        return TaskObserver.Outcome.DELAYED;
      }
      case StageResult.AwaitReview review -> {
        queue.awaitReview(lease(), review.proposal());
        return TaskObserver.Outcome.AWAITING_REVIEW;
      }
      case StageResult.FailedPermanently failed -> {
        JobError error = JobError.of(failed.error(), stage.name()).withRetryable(false);
        errorCode = error.code().name();
        queue.kill(lease(), error);
        return TaskObserver.Outcome.FAILED;
      }
      case null -> {
        return fail(errorOf(new IllegalStateException("handler returned no result")));
      }
    }
  }

  private TaskObserver.Outcome fail(JobError error) {
    errorCode = error.code().name();
    RetryPolicy policy = stage.retryPolicy();
    if (error.retryable() && policy.allowsAnotherAttempt(lease().attempt())) {
      Instant runAfter = clock.instant().plus(policy.backoff(lease().attempt(), random));
      queue.retryLater(lease(), runAfter, Optional.empty(), Optional.of(error));
      return TaskObserver.Outcome.RETRY_SCHEDULED;
    }
    queue.kill(lease(), error);
    return TaskObserver.Outcome.FAILED;
  }

  private JobError errorOf(Throwable failure) {
    if (DiskFull.causes(failure)) {
      // Said plainly whatever layer failed: the operator frees space, the retry may then pass.
      String message = failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")";
      return new JobError(
          ErrorCode.INTERNAL_ERROR, "no space left on the device" + message, stage.name(), true);
    }
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
    double clamped = Math.max(0, Math.min(1, fraction));
    String text = message == null ? "" : message;
    // A report that reads as the last one did (same whole percent, same words) tells a watcher
    // nothing: a long render step would otherwise repeat "0 % tiktok segment 1" every interval.
    String line = (int) Math.floor(clamped * 100) + "%" + text;
    if (!done && line.equals(lastProgressLine)) {
      return;
    }
    if (done || !now.isBefore(lastProgressAt.plus(progressInterval))) {
      lastProgressAt = now;
      lastProgressLine = line;
      queue.progress(lease(), clamped, text);
    }
  }

  @Override
  public boolean isCancelled() {
    return stopReason != StopReason.NONE;
  }
}
