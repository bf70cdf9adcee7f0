package dev.reelforge.core.jobs.memory;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.jobs.spi.ClaimRequest;
import dev.reelforge.core.jobs.spi.ClaimedTask;
import dev.reelforge.core.jobs.spi.HeartbeatResult;
import dev.reelforge.core.jobs.spi.JobError;
import dev.reelforge.core.jobs.spi.JsonText;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskLease;
import dev.reelforge.core.jobs.spi.TaskQueue;
import dev.reelforge.core.jobs.spi.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@link TaskQueue} in memory: the workers' side of an {@link InMemoryJobStore}, with the semantics
 * of {@code PostgresTaskQueue} (both pass {@code TaskQueueContract}). Every outcome holds only
 * while the worker's lease does (same worker, same attempt, task still running). Obtain it from
 * {@link InMemoryJobStore#taskQueue()}.
 */
public final class InMemoryTaskQueue implements TaskQueue {

  /** Claim order: highest priority first, then the longest due, then the oldest task. */
  private static final Comparator<MemoryTask> CLAIM_ORDER =
      Comparator.comparingInt((MemoryTask t) -> t.run.priority)
          .reversed()
          .thenComparing(t -> t.runAfter)
          .thenComparing(t -> t.id, JobState.UUID_ORDER);

  /** As many expired leases as one reaper pass handles (the PostgreSQL reaper's batch). */
  static final int REAP_BATCH = 500;

  private final JobState state;

  InMemoryTaskQueue(JobState state) {
    this.state = state;
  }

  @Override
  public List<ClaimedTask> claim(ClaimRequest request) {
    return state.write(
        () -> {
          Instant now = state.now();
          Instant leaseUntil = now.plus(request.lease());
          // Every queue of the request at once, in claim order: the in-memory store can afford
          // one global order, where PostgreSQL walks its queues one index range at a time.
          List<MemoryTask> due =
              state.tasks.values().stream()
                  .filter(t -> t.status() == TaskStatus.READY)
                  .filter(t -> request.queues().contains(t.queue))
                  .filter(t -> !t.runAfter.isAfter(now))
                  .filter(t -> request.workerTags().containsAll(t.requiredTags))
                  .sorted(CLAIM_ORDER)
                  .limit(request.limit())
                  .toList();
          return due.stream().map(t -> lease(t, request.workerId(), now, leaseUntil)).toList();
        });
  }

  private ClaimedTask lease(MemoryTask task, String workerId, Instant now, Instant leaseUntil) {
    task.moveTo(TaskStatus.RUNNING, now);
    task.attempt++;
    task.leaseOwner = Optional.of(workerId);
    task.leaseExpiresAt = Optional.of(leaseUntil);
    task.startedAt = task.startedAt.or(() -> Optional.of(now));
    task.progress = 0;
    task.progressMessage = Optional.empty();
    task.cancelRequested = false;
    MemoryRun run = task.run;
    run.currentStage = Optional.of(task.stage);
    if (run.status == RunStatus.QUEUED) {
      state.moveRun(run, RunStatus.RUNNING, "{}");
    }
    state.appendEvent(run, "stage.started", task.stage, JsonText.object("attempt", task.attempt));
    Map<String, String> outputs = new HashMap<>();
    for (MemoryTask other : state.tasksOf(run)) {
      if (task.dependsOn.contains(other.stage)) {
        outputs.put(other.stage, other.output.orElse("null"));
      }
    }
    return new ClaimedTask(
        new TaskLease(task.id, run.id, workerId, task.attempt),
        run.id,
        run.ownerId,
        run.kind,
        task.stage,
        run.inputs,
        outputs,
        task.checkpoint,
        task.reviewSignal,
        leaseUntil,
        run.traceContext);
  }

  @Override
  public HeartbeatResult heartbeat(String workerId, Collection<TaskLease> leases, Duration lease) {
    return state.write(
        () -> {
          Instant now = state.now();
          Set<java.util.UUID> lost = new HashSet<>();
          Set<java.util.UUID> cancel = new HashSet<>();
          for (TaskLease held : leases) {
            MemoryTask task = state.tasks.get(held.taskId());
            boolean ours = task != null && task.leaseOwner.filter(workerId::equals).isPresent();
            if (ours && task.status() == TaskStatus.RUNNING) {
              task.leaseExpiresAt = Optional.of(now.plus(lease));
              task.updatedAt = now;
            } else {
              lost.add(held.taskId());
            }
            if (ours && task.cancelRequested) {
              cancel.add(held.taskId());
            }
          }
          return new HeartbeatResult(lost, cancel);
        });
  }

  @Override
  public boolean complete(TaskLease lease, String output) {
    if (!Json.isValid(output)) {
      // PostgreSQL refuses it as jsonb too: the worker logs it and the lease runs out.
      throw new IllegalArgumentException(
          "the output of task " + lease.taskId() + " is not valid JSON");
    }
    return state.write(
        () -> {
          MemoryRun run = state.run(lease.runId());
          MemoryTask task = leased(lease);
          if (task == null) {
            return false;
          }
          Instant now = state.now();
          task.moveTo(TaskStatus.SUCCEEDED, now);
          task.output = Optional.of(output);
          task.completedAt = Optional.of(now);
          task.progress = 1;
          task.dropLease();
          task.lastError = Optional.empty();
          state.appendEvent(
              run, "stage.completed", task.stage, JsonText.object("attempt", lease.attempt()));
          state.unblockDependents(run, task.stage);
          state.settleRun(run);
          return true;
        });
  }

  @Override
  public boolean retryLater(
      TaskLease lease, Instant runAfter, Optional<String> checkpoint, Optional<JobError> failure) {
    checkpoint.ifPresent(c -> requireJson(c, "checkpoint"));
    return outcome(
        lease,
        task -> {
          task.moveTo(TaskStatus.READY, state.now());
          task.runAfter = runAfter;
          task.checkpoint = checkpoint.or(() -> task.checkpoint);
          if (failure.isEmpty()) {
            task.attempt--; // polling: the attempt does not count
          }
          failure.ifPresent(task::recordError);
          task.dropLease();
          state.appendEvent(
              task.run,
              failure.isPresent() ? "stage.retrying" : "stage.waiting",
              task.stage,
              JsonText.object(
                  "attempt", lease.attempt(),
                  "runAfter", runAfter.toString(),
                  "error", failure.map(JobState::errorJson).orElse(null)));
          return true;
        });
  }

  @Override
  public boolean awaitReview(TaskLease lease, String proposal) {
    requireJson(proposal, "review proposal");
    return outcome(
        lease,
        task -> {
          task.moveTo(TaskStatus.AWAITING_REVIEW, state.now());
          task.reviewProposal = Optional.of(proposal);
          task.reviewSignal = Optional.empty();
          task.dropLease();
          state.appendEvent(
              task.run,
              "stage.awaiting_review",
              task.stage,
              JsonText.object("proposal", new JsonText.Raw(proposal)));
          if (task.run.status == RunStatus.RUNNING) {
            // The run's event names the stage, so a webhook says what waits (e.g. moderation).
            state.moveRun(
                task.run, RunStatus.AWAITING_REVIEW, JsonText.object("stage", task.stage));
          }
          return true;
        });
  }

  @Override
  public boolean kill(TaskLease lease, JobError error) {
    return outcome(
        lease,
        task -> {
          toDead(task, lease, error);
          state.failRun(task.run, error);
          return true;
        });
  }

  @Override
  public boolean acknowledgeCancel(TaskLease lease) {
    return state.write(
        () -> {
          state.run(lease.runId());
          MemoryTask task = leased(lease);
          return task != null && cancelInstead(task);
        });
  }

  @Override
  public boolean release(TaskLease lease) {
    return outcome(
        lease,
        task -> {
          task.moveTo(TaskStatus.READY, state.now());
          task.attempt--;
          task.runAfter = state.now();
          task.dropLease();
          state.appendEvent(task.run, "stage.released", task.stage, "{}");
          state.announceWork(task.queue);
          return true;
        });
  }

  @Override
  public boolean saveCheckpoint(TaskLease lease, String checkpoint) {
    requireJson(checkpoint, "checkpoint");
    return state.write(
        () -> {
          MemoryTask task = leased(lease);
          if (task == null) {
            return false;
          }
          task.checkpoint = Optional.of(checkpoint);
          task.updatedAt = state.now();
          return true;
        });
  }

  @Override
  public void progress(TaskLease lease, double fraction, String message) {
    state.write(
        () -> {
          MemoryRun run = state.run(lease.runId());
          MemoryTask task = leased(lease);
          if (task != null) {
            task.progress = fraction;
            task.progressMessage = Optional.ofNullable(message);
            task.updatedAt = state.now();
            state.appendEvent(
                run,
                "progress",
                task.stage,
                JsonText.object("progress", fraction, "message", message));
          }
          return null;
        });
  }

  @Override
  public int reapExpiredLeases() {
    return state.write(
        () -> {
          Instant now = state.now();
          List<MemoryTask> expired =
              state.tasks.values().stream()
                  .filter(t -> t.status() == TaskStatus.RUNNING)
                  .filter(t -> t.leaseExpiresAt.filter(now::isAfter).isPresent())
                  .sorted(Comparator.comparing((MemoryTask t) -> t.leaseExpiresAt.orElseThrow()))
                  .limit(REAP_BATCH)
                  .toList();
          expired.forEach(this::reap);
          return expired.size();
        });
  }

  private void reap(MemoryTask task) {
    Instant now = state.now();
    TaskLease lease =
        new TaskLease(task.id, task.run.id, task.leaseOwner.orElseThrow(), task.attempt);
    if (task.run.status == RunStatus.CANCELLED) {
      task.moveTo(TaskStatus.CANCELLED, now);
      task.completedAt = Optional.of(now);
      task.dropLease();
      return;
    }
    if (task.attempt >= task.maxAttempts) {
      String message = "worker " + lease.workerId() + " stopped responding on the last attempt";
      toDead(task, lease, new JobError(ErrorCode.INTERNAL_ERROR, message, "", true));
      state.failRun(task.run, new JobError(ErrorCode.INTERNAL_ERROR, message, task.stage, true));
      return;
    }
    task.moveTo(TaskStatus.READY, now);
    task.runAfter = now;
    task.dropLease();
    task.recordError(
        new JobError(ErrorCode.INTERNAL_ERROR, "its worker stopped responding", task.stage, true));
    state.appendEvent(
        task.run,
        "stage.reclaimed",
        task.stage,
        JsonText.object("attempt", lease.attempt(), "worker", lease.workerId()));
    state.announceWork(task.queue);
  }

  /**
   * Records an outcome of a leased task. Whatever the handler answered (retry, review, release,
   * failure), a run cancelled meanwhile gets its task cancelled, so nothing of it runs again.
   */
  private boolean outcome(TaskLease lease, Function<MemoryTask, Boolean> record) {
    return state.write(
        () -> {
          MemoryRun run = state.run(lease.runId());
          MemoryTask task = leased(lease);
          if (task == null) {
            return false;
          }
          return run.status == RunStatus.CANCELLED ? cancelInstead(task) : record.apply(task);
        });
  }

  /** The task {@code lease} still holds, or null. */
  private MemoryTask leased(TaskLease lease) {
    MemoryTask task = state.tasks.get(lease.taskId());
    return task != null && task.heldBy(lease) ? task : null;
  }

  private boolean cancelInstead(MemoryTask task) {
    Instant now = state.now();
    task.moveTo(TaskStatus.CANCELLED, now);
    task.completedAt = Optional.of(now);
    task.dropLease();
    state.appendEvent(task.run, "stage.cancelled", task.stage, "{}");
    return true;
  }

  private void toDead(MemoryTask task, TaskLease lease, JobError error) {
    Instant now = state.now();
    task.moveTo(TaskStatus.DEAD, now);
    task.completedAt = Optional.of(now);
    task.recordError(error);
    task.dropLease();
    state.appendEvent(
        task.run,
        "stage.dead",
        task.stage,
        JsonText.object("attempt", lease.attempt(), "error", JobState.errorJson(error)));
  }

  private static void requireJson(String text, String what) {
    if (!Json.isValid(text)) {
      throw new IllegalArgumentException("the " + what + " is not valid JSON");
    }
  }
}
