package dev.reelforge.core.jobs.memory;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.spi.Credits;
import dev.reelforge.core.jobs.spi.EventCursor;
import dev.reelforge.core.jobs.spi.FeedEvent;
import dev.reelforge.core.jobs.spi.JobError;
import dev.reelforge.core.jobs.spi.JsonText;
import dev.reelforge.core.jobs.spi.RunEvent;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskStatus;
import dev.reelforge.core.jobs.spi.WorkSignal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Everything the in-memory job store holds, behind one lock, and the changes both sides of the
 * store share (the in-memory twin of PostgreSQL's {@code RunTransactions}): the event log, run
 * status changes through the transition table, fan-in, credits and wake-ups.
 *
 * <p>A {@link #write} is the in-memory transaction: it runs under the lock, gets the next
 * transaction number (the feed orders events by it), and announces new work and cancellations to
 * the {@link WorkSignal} listeners only after the lock is released, as PostgreSQL delivers {@code
 * NOTIFY} after commit. Writes check what they need before changing anything, so a refused request
 * leaves nothing behind.
 */
final class JobState {

  /** Orders UUIDs as PostgreSQL does: as unsigned 128-bit numbers (UUID v7: by creation time). */
  static final Comparator<UUID> UUID_ORDER =
      Comparator.comparing(
              (UUID id) -> id.getMostSignificantBits(), (a, b) -> Long.compareUnsigned(a, b))
          .thenComparing(UUID::getLeastSignificantBits, (a, b) -> Long.compareUnsigned(a, b));

  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  final Map<UUID, MemoryRun> runs = new HashMap<>();
  final Map<OwnerKey, MemoryRun> runsByKey = new HashMap<>();
  final Map<UUID, MemoryTask> tasks = new HashMap<>();
  final Map<UUID, List<MemoryTask>> tasksByRun = new HashMap<>();
  private final Map<UUID, List<RunEvent>> eventsByRun = new HashMap<>();
  private final List<FeedEvent> feed = new ArrayList<>();
  private final Map<UUID, Long> balances = new HashMap<>();
  private final List<WorkSignal.Listener> listeners = new CopyOnWriteArrayList<>();
  private final Set<String> pendingWork = new LinkedHashSet<>();
  private final Set<UUID> pendingCancels = new LinkedHashSet<>();
  private long transaction;
  private long lastEventId;

  record OwnerKey(UUID ownerId, String key) {}

  JobState(Clock clock) {
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  /** Runs {@code work} as one transaction; announces its wake-ups once the lock is released. */
  <T> T write(Supplier<T> work) {
    T result;
    List<String> workQueues;
    List<UUID> cancels;
    lock.lock();
    try {
      boolean outermost = lock.getHoldCount() == 1;
      if (outermost) {
        transaction++;
      }
      try {
        result = work.get();
      } catch (RuntimeException | Error e) {
        if (outermost) {
          pendingWork.clear();
          pendingCancels.clear();
        }
        throw e;
      }
      if (!outermost) {
        return result;
      }
      workQueues = List.copyOf(pendingWork);
      cancels = List.copyOf(pendingCancels);
      pendingWork.clear();
      pendingCancels.clear();
    } finally {
      lock.unlock();
    }
    for (WorkSignal.Listener listener : listeners) {
      workQueues.forEach(listener::workAvailable);
      cancels.forEach(listener::runCancelled);
    }
    return result;
  }

  /** Reads under the lock, so a reader never sees half of a write. */
  <T> T read(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  void subscribe(WorkSignal.Listener listener) {
    listeners.add(listener);
  }

  void unsubscribe(WorkSignal.Listener listener) {
    listeners.remove(listener);
  }

  /**
   * @throws ReelForgeException RESOURCE_NOT_FOUND for an unknown run
   */
  MemoryRun run(UUID runId) {
    MemoryRun run = runs.get(runId);
    if (run == null) {
      throw ReelForgeException.notFound("Run", runId);
    }
    return run;
  }

  List<MemoryTask> tasksOf(MemoryRun run) {
    return tasksByRun.getOrDefault(run.id, List.of());
  }

  // --- the event log ---

  void appendEvent(MemoryRun run, String type, String stage, String data) {
    RunEvent event =
        new RunEvent(run.id, ++lastEventId, type, Optional.ofNullable(stage), data, now());
    eventsByRun.computeIfAbsent(run.id, r -> new ArrayList<>()).add(event);
    feed.add(
        new FeedEvent(
            new EventCursor(transaction, event.sequence()), run.ownerId, run.kind, event));
  }

  List<RunEvent> events(UUID runId, long afterSequence, int limit) {
    return eventsByRun.getOrDefault(runId, List.of()).stream()
        .filter(e -> e.sequence() > afterSequence)
        .limit(limit)
        .toList();
  }

  /** Every event written from now on comes after this cursor. */
  EventCursor head() {
    return new EventCursor(transaction + 1, 0);
  }

  List<FeedEvent> feedAfter(
      EventCursor after, java.util.function.Predicate<FeedEvent> filter, int limit) {
    // The feed is in cursor order: find the first event past the cursor, then walk on.
    int from = firstAfter(after);
    List<FeedEvent> result = new ArrayList<>();
    for (int i = from; i < feed.size() && result.size() < limit; i++) {
      if (filter.test(feed.get(i))) {
        result.add(feed.get(i));
      }
    }
    return result;
  }

  private int firstAfter(EventCursor after) {
    int low = 0;
    int high = feed.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (feed.get(middle).cursor().compareTo(after) <= 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  // --- runs ---

  /**
   * Moves a run from its status to {@code to} and logs {@code run.<to>}; does nothing when it is
   * already there.
   *
   * @throws dev.reelforge.core.jobs.spi.IllegalTransitionException when the table forbids the move
   */
  void moveRun(MemoryRun run, RunStatus to, String eventData) {
    if (run.status == to) {
      return;
    }
    run.status = run.status.requireMoveTo(to, "run " + run.id);
    Instant now = now();
    if (to == RunStatus.RUNNING && run.startedAt.isEmpty()) {
      run.startedAt = Optional.of(now);
    }
    run.completedAt = to.isTerminal() ? Optional.of(now) : Optional.empty();
    appendEvent(run, "run." + to.wireName(), null, eventData);
    if (to == RunStatus.FAILED || to == RunStatus.CANCELLED) {
      refundOnce(run);
    }
  }

  /** Fails a run with {@code error}; its ready tasks stop until an operator requeues. */
  void failRun(MemoryRun run, JobError error) {
    if (run.status.isTerminal()) {
      return;
    }
    run.error = Optional.of(error);
    moveTasks(run, Set.of(TaskStatus.READY), TaskStatus.BLOCKED);
    moveRun(run, RunStatus.FAILED, JsonText.object("error", errorJson(error)));
  }

  /** Moves every task of {@code run} that is in one of {@code from} to {@code to}. */
  List<MemoryTask> moveTasks(MemoryRun run, Set<TaskStatus> from, TaskStatus to) {
    List<MemoryTask> moved = new ArrayList<>();
    Instant now = now();
    for (MemoryTask task : tasksOf(run)) {
      if (from.contains(task.status())) {
        task.moveTo(to, now);
        moved.add(task);
      }
    }
    return moved;
  }

  /**
   * After {@code stage} succeeded: counts it off its dependents and makes ready (and announces)
   * those with nothing left to wait for, unless the run is no longer running.
   */
  void unblockDependents(MemoryRun run, String stage) {
    boolean active = run.status == RunStatus.RUNNING || run.status == RunStatus.AWAITING_REVIEW;
    Instant now = now();
    for (MemoryTask task : tasksOf(run)) {
      if (task.status() == TaskStatus.BLOCKED && task.dependsOn.contains(stage)) {
        task.pendingDeps--;
        task.updatedAt = now;
        if (task.pendingDeps == 0 && active) {
          task.moveTo(TaskStatus.READY, now);
          task.runAfter = now;
          pendingWork.add(task.queue);
        }
      }
    }
  }

  /** Makes ready the blocked tasks of a run that wait for nothing, and announces them. */
  void makeUnblockedReady(MemoryRun run) {
    Instant now = now();
    for (MemoryTask task : tasksOf(run)) {
      if (task.status() == TaskStatus.BLOCKED && task.pendingDeps == 0) {
        task.moveTo(TaskStatus.READY, now);
        task.runAfter = now;
        pendingWork.add(task.queue);
      }
    }
  }

  /**
   * Ends a run when every task succeeded: its artifacts are the outputs of the stages nothing
   * depends on. Otherwise puts a reviewed run back to running when nothing awaits review.
   *
   * @return whether the run succeeded now
   */
  boolean settleRun(MemoryRun run) {
    if (run.status.isTerminal() || !run.status.canMoveTo(RunStatus.SUCCEEDED)) {
      return false;
    }
    List<MemoryTask> tasks = tasksOf(run);
    if (tasks.stream().allMatch(t -> t.status() == TaskStatus.SUCCEEDED)) {
      run.artifacts = artifacts(tasks);
      run.currentStage = Optional.empty();
      moveRun(run, RunStatus.SUCCEEDED, "{}");
      return true;
    }
    if (run.status == RunStatus.AWAITING_REVIEW
        && tasks.stream().noneMatch(t -> t.status() == TaskStatus.AWAITING_REVIEW)) {
      moveRun(run, RunStatus.RUNNING, "{}");
    }
    return false;
  }

  private static String artifacts(List<MemoryTask> tasks) {
    Set<String> depended = new java.util.HashSet<>();
    tasks.forEach(t -> depended.addAll(t.dependsOn));
    List<Object> entries = new ArrayList<>();
    for (MemoryTask task : tasks) {
      if (!depended.contains(task.stage)) {
        entries.add(task.stage);
        entries.add(new JsonText.Raw(task.output.orElse("null")));
      }
    }
    return JsonText.object(entries.toArray());
  }

  // --- credits ---

  /**
   * Takes {@code amount} from the owner's balance for a run being stored.
   *
   * @throws ReelForgeException INSUFFICIENT_CREDITS when the balance is short
   */
  void checkBalance(UUID ownerId, long amount) {
    long balance = balance(ownerId);
    if (balance < amount) {
      throw new ReelForgeException(
          ErrorCode.INSUFFICIENT_CREDITS,
          "this needs "
              + amount
              + " credits and the balance is "
              + balance
              + "; ask an admin for a grant");
    }
  }

  void charge(MemoryRun run, long amount) {
    checkBalance(run.ownerId, amount);
    balances.merge(run.ownerId, -amount, Long::sum);
    run.credits = new Credits(true, amount, false);
    appendEvent(run, "run.charged", null, JsonText.object("credits", amount));
  }

  /** Gives a failed or cancelled run's credits back, once however often it fails. */
  private void refundOnce(MemoryRun run) {
    if (run.credits.charged() && !run.credits.refunded()) {
      run.credits = new Credits(true, run.credits.amount(), true);
      balances.merge(run.ownerId, run.credits.amount(), Long::sum);
      appendEvent(run, "run.refunded", null, JsonText.object("credits", run.credits.amount()));
    }
  }

  long balance(UUID ownerId) {
    return balances.getOrDefault(ownerId, 0L);
  }

  void grant(UUID ownerId, long amount) {
    balances.merge(ownerId, amount, Long::sum);
  }

  // --- wake-ups ---

  /** Wakes the workers of {@code queue} once this write is done. */
  void announceWork(String queue) {
    pendingWork.add(queue);
  }

  /** Tells workers that a run was cancelled once this write is done. */
  void announceCancel(UUID runId) {
    pendingCancels.add(runId);
  }

  static JsonText.Raw errorJson(JobError error) {
    return new JsonText.Raw(
        JsonText.object(
            "code", error.code().name(),
            "message", error.message(),
            "stage", error.stage(),
            "retryable", error.retryable()));
  }
}
