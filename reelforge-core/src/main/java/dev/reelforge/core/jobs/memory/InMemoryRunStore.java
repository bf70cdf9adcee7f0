package dev.reelforge.core.jobs.memory;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.ReviewSignal;
import dev.reelforge.core.jobs.spi.JsonText;
import dev.reelforge.core.jobs.spi.NewRun;
import dev.reelforge.core.jobs.spi.QueueStats;
import dev.reelforge.core.jobs.spi.RunEvent;
import dev.reelforge.core.jobs.spi.RunQuery;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.RunStore;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.jobs.spi.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@link RunStore} in memory: the runs side of an {@link InMemoryJobStore}, with the semantics of
 * {@code PostgresRunStore} (both pass {@code RunStoreContract}). Obtain it from {@link
 * InMemoryJobStore#runStore()}.
 */
public final class InMemoryRunStore implements RunStore {

  private final JobState state;

  InMemoryRunStore(JobState state) {
    this.state = state;
  }

  @Override
  public SubmitResult submit(NewRun run) {
    return state.write(
        () -> {
          if (run.idempotencyKey().isPresent()) {
            MemoryRun existing =
                state.runsByKey.get(
                    new JobState.OwnerKey(run.ownerId(), run.idempotencyKey().get()));
            if (existing != null) {
              return new SubmitResult(existing.toRecord(), false);
            }
          }
          check(run);
          Instant now = state.now();
          MemoryRun stored = new MemoryRun(run, now);
          state.runs.put(run.id(), stored);
          run.idempotencyKey()
              .ifPresent(
                  key -> state.runsByKey.put(new JobState.OwnerKey(run.ownerId(), key), stored));
          if (run.credits() > 0) {
            state.charge(stored, run.credits());
          }
          List<MemoryTask> tasks = new ArrayList<>();
          for (NewRun.NewTask task : run.tasks()) {
            MemoryTask memoryTask = new MemoryTask(stored, task, now);
            tasks.add(memoryTask);
            state.tasks.put(task.id(), memoryTask);
            if (memoryTask.status() == TaskStatus.READY) {
              state.announceWork(task.queue());
            }
          }
          tasks.sort(Comparator.comparing(t -> t.id, JobState.UUID_ORDER));
          state.tasksByRun.put(run.id(), tasks);
          state.appendEvent(
              stored,
              "run.queued",
              null,
              JsonText.object("kind", run.kind(), "stages", tasks.size()));
          return new SubmitResult(stored.toRecord(), true);
        });
  }

  /** Refuses, before anything is stored, what PostgreSQL's constraints would refuse. */
  private void check(NewRun run) {
    if (!Json.isValid(run.inputs())) {
      throw ReelForgeException.invalidField("inputs", "must be valid JSON");
    }
    if (state.runs.containsKey(run.id())) {
      throw new IllegalArgumentException("run " + run.id() + " exists already");
    }
    Set<String> stages = new HashSet<>();
    for (NewRun.NewTask task : run.tasks()) {
      if (!stages.add(task.stage()) || state.tasks.containsKey(task.id())) {
        throw new IllegalArgumentException(
            "run " + run.id() + ": task " + task.id() + " (" + task.stage() + ") twice");
      }
    }
    for (NewRun.NewTask task : run.tasks()) {
      if (!stages.containsAll(task.dependsOn())) {
        // PostgreSQL would store it, and the task would wait forever: refuse it instead.
        throw new IllegalArgumentException(
            "run " + run.id() + ": stage " + task.stage() + " depends on an unknown stage");
      }
    }
    if (run.credits() > 0) {
      state.checkBalance(run.ownerId(), run.credits());
    }
  }

  @Override
  public Optional<RunRecord> findRun(UUID runId) {
    return state.read(() -> Optional.ofNullable(state.runs.get(runId)).map(MemoryRun::toRecord));
  }

  @Override
  public Optional<RunRecord> findByIdempotencyKey(UUID ownerId, String idempotencyKey) {
    return state.read(
        () ->
            Optional.ofNullable(state.runsByKey.get(new JobState.OwnerKey(ownerId, idempotencyKey)))
                .map(MemoryRun::toRecord));
  }

  @Override
  public List<RunRecord> listRuns(RunQuery query) {
    return state.read(
        () ->
            state.runs.values().stream()
                .filter(r -> query.ownerId().map(r.ownerId::equals).orElse(true))
                .filter(r -> query.statuses().isEmpty() || query.statuses().contains(r.status))
                .filter(r -> query.kind().map(r.kind::equals).orElse(true))
                .filter(
                    r ->
                        query
                            .beforeId()
                            .map(b -> JobState.UUID_ORDER.compare(r.id, b) < 0)
                            .orElse(true))
                .sorted(Comparator.comparing((MemoryRun r) -> r.id, JobState.UUID_ORDER).reversed())
                .limit(query.limit())
                .map(MemoryRun::toRecord)
                .toList());
  }

  @Override
  public List<TaskRecord> tasksOf(UUID runId) {
    return state.read(
        () ->
            state.tasksByRun.getOrDefault(runId, List.of()).stream()
                .map(MemoryTask::toRecord)
                .toList());
  }

  @Override
  public List<TaskRecord> tasksIn(TaskStatus status, Optional<String> queue, int limit) {
    return state.read(
        () ->
            state.tasks.values().stream()
                .filter(t -> t.status() == status)
                .filter(t -> queue.map(t.queue::equals).orElse(true))
                .sorted(
                    Comparator.comparing((MemoryTask t) -> t.updatedAt)
                        .thenComparing(t -> t.id, JobState.UUID_ORDER))
                .limit(limit)
                .map(MemoryTask::toRecord)
                .toList());
  }

  @Override
  public boolean cancel(UUID runId, String actor) {
    return state.write(
        () -> {
          MemoryRun run = state.run(runId);
          if (run.status.isTerminal()) {
            return false;
          }
          List<MemoryTask> stopped =
              state.moveTasks(
                  run,
                  Set.of(TaskStatus.BLOCKED, TaskStatus.READY, TaskStatus.AWAITING_REVIEW),
                  TaskStatus.CANCELLED);
          int running = 0;
          for (MemoryTask task : state.tasksOf(run)) {
            if (task.status() == TaskStatus.RUNNING) {
              task.cancelRequested = true;
              task.updatedAt = state.now();
              running++;
            }
          }
          state.moveRun(
              run,
              RunStatus.CANCELLED,
              JsonText.object(
                  "actor", actor, "tasksCancelled", stopped.size(), "tasksStopping", running));
          if (running > 0) {
            state.announceCancel(runId);
          }
          return true;
        });
  }

  @Override
  public void signalReview(UUID runId, String stage, ReviewSignal signal) {
    state.write(
        () -> {
          MemoryRun run = state.run(runId);
          MemoryTask task =
              state.tasksOf(run).stream()
                  .filter(t -> t.stage.equals(stage) && t.status() == TaskStatus.AWAITING_REVIEW)
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new ReelForgeException(
                              ErrorCode.CONFLICT,
                              "stage " + stage + " of run " + runId + " is not awaiting review"));
          if (signal.decision() == ReviewSignal.Decision.APPROVE
              && signal.payload().isPresent()
              && !Json.isValid(signal.payload().get())) {
            throw ReelForgeException.invalidField("payload", "must be valid JSON");
          }
          state.appendEvent(
              run,
              "review",
              stage,
              JsonText.object(
                  "decision", signal.decision().name().toLowerCase(Locale.ROOT),
                  "actor", signal.actor(),
                  "payload", signal.payload().orElse(null)));
          switch (signal.decision()) {
            case APPROVE -> approve(run, task, signal);
            case CHANGE, REROLL -> rerun(run, task, signal);
          }
          return null;
        });
  }

  private void approve(MemoryRun run, MemoryTask task, ReviewSignal signal) {
    Instant now = state.now();
    // The approved output is the reviewer's replacement, or the proposal as it stood.
    task.moveTo(TaskStatus.SUCCEEDED, now);
    task.completedAt = Optional.of(now);
    task.progress = 1;
    task.output = signal.payload().or(() -> task.reviewProposal);
    state.appendEvent(run, "stage.completed", task.stage, JsonText.object("approved", true));
    if (run.status == RunStatus.AWAITING_REVIEW) {
      state.moveRun(run, RunStatus.RUNNING, "{}");
    }
    state.unblockDependents(run, task.stage);
    state.settleRun(run);
  }

  private void rerun(MemoryRun run, MemoryTask task, ReviewSignal signal) {
    Instant now = state.now();
    task.moveTo(TaskStatus.READY, now);
    task.attempt = 0;
    task.runAfter = now;
    if (signal.decision() == ReviewSignal.Decision.REROLL) {
      task.checkpoint = Optional.empty();
    }
    task.reviewSignal = Optional.of(signal);
    if (run.status == RunStatus.AWAITING_REVIEW) {
      state.moveRun(run, RunStatus.RUNNING, "{}");
    }
    state.announceWork(task.queue);
  }

  @Override
  public boolean requeueDead(UUID taskId, String actor) {
    return state.write(
        () -> {
          MemoryTask task = state.tasks.get(taskId);
          if (task == null) {
            throw ReelForgeException.notFound("Task", taskId);
          }
          MemoryRun run = task.run;
          if (!run.status.canMoveTo(RunStatus.RUNNING) && run.status != RunStatus.RUNNING) {
            return false; // a cancelled or finished run does not run again
          }
          if (task.status() != TaskStatus.DEAD) {
            return false;
          }
          Instant now = state.now();
          task.moveTo(TaskStatus.READY, now);
          task.attempt = 0;
          task.runAfter = now;
          task.completedAt = Optional.empty();
          state.appendEvent(run, "stage.requeued", task.stage, JsonText.object("actor", actor));
          if (run.status == RunStatus.FAILED) {
            run.error = Optional.empty();
            state.moveRun(run, RunStatus.RUNNING, JsonText.object("actor", actor));
            state.makeUnblockedReady(run);
          }
          state.announceWork(task.queue);
          return true;
        });
  }

  @Override
  public List<RunEvent> events(UUID runId, long afterSequence, int limit) {
    return state.read(() -> state.events(runId, afterSequence, limit));
  }

  @Override
  public List<QueueStats> queueStats() {
    return state.read(
        () -> {
          Instant now = state.now();
          Map<String, Counts> byQueue = new TreeMap<>();
          for (MemoryTask task : state.tasks.values()) {
            switch (task.status()) {
              case READY, RUNNING, DEAD ->
                  byQueue.computeIfAbsent(task.queue, q -> new Counts()).add(task, now);
              default -> {}
            }
          }
          return byQueue.entrySet().stream().map(e -> e.getValue().stats(e.getKey(), now)).toList();
        });
  }

  @Override
  public long depth(String queue) {
    return state.read(
        () ->
            state.tasks.values().stream()
                .filter(t -> t.status() == TaskStatus.READY && t.queue.equals(queue))
                .count());
  }

  /** One queue's tally for {@link #queueStats()}. */
  private static final class Counts {
    private long ready;
    private long delayed;
    private long running;
    private long dead;
    private Instant oldestReady;

    void add(MemoryTask task, Instant now) {
      switch (task.status()) {
        case READY -> {
          if (task.runAfter.isAfter(now)) {
            delayed++;
          } else {
            ready++;
            if (oldestReady == null || task.runAfter.isBefore(oldestReady)) {
              oldestReady = task.runAfter;
            }
          }
        }
        case RUNNING -> running++;
        case DEAD -> dead++;
        default -> throw new IllegalArgumentException("not counted: " + task.status());
      }
    }

    QueueStats stats(String queue, Instant now) {
      return new QueueStats(
          queue,
          ready,
          delayed,
          running,
          dead,
          Optional.ofNullable(oldestReady).map(oldest -> Duration.between(oldest, now)));
    }
  }
}
