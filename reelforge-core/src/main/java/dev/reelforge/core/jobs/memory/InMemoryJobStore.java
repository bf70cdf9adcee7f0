package dev.reelforge.core.jobs.memory;

import java.time.Clock;
import java.util.UUID;

/**
 * The job store in this process's memory, for running the job engine without a database (the CLI's
 * {@code make}): one state behind one lock, seen through the same ports the PostgreSQL store
 * implements — {@link #runStore()}, {@link #taskQueue()}, {@link #eventFeed()} and {@link
 * #workSignal()}. The runs and tasks behave as on PostgreSQL, and both stores pass the same
 * contract tests ({@code TaskQueueContract}, {@code RunStoreContract} in the testkit): DAG
 * dependencies and fan-in, claims by queue, priority and tags, leases with heartbeats and the
 * reaper, retries and polling, checkpoints, progress, reviews, cancellation, dead letters and
 * requeues, run status through the transition tables, the event log, idempotency keys and queue
 * statistics.
 *
 * <p>Differences that follow from living in memory, each deliberate:
 *
 * <ul>
 *   <li>Nothing survives the process and nothing is shared with other processes: a task whose
 *       worker dies dies with the store. Nothing is ever removed either; the store is meant for one
 *       process's work (a CLI command), not for a server that runs for months.
 *   <li>JSON payloads (inputs, outputs, checkpoints, proposals) are checked as PostgreSQL checks
 *       {@code jsonb} — invalid JSON is refused — but kept as given, not reformatted: readers must
 *       parse JSON rather than compare its text.
 *   <li>Credits are enforced against a balance per owner kept here, which starts at zero: a run
 *       that costs credits needs a {@link #grantCredits} first, exactly as on PostgreSQL an owner
 *       needs a funded account. Debits, the refund once on failure or cancel, and their events
 *       ({@code run.charged}, {@code run.refunded}) match the PostgreSQL store; there is no ledger
 *       of entries. Runs that cost nothing — every CLI run — never touch it.
 *   <li>One claim orders every requested queue together (priority, then due time, then age);
 *       PostgreSQL claims queue by queue in random order, which the contract allows as well.
 * </ul>
 *
 * <p>Time comes from the injected {@link Clock}, so a test drives leases, retries and the reaper
 * with a settable clock.
 */
public final class InMemoryJobStore {

  private final JobState state;
  private final InMemoryRunStore runStore;
  private final InMemoryTaskQueue taskQueue;
  private final InMemoryRunEventFeed eventFeed;

  public InMemoryJobStore(Clock clock) {
    this.state = new JobState(clock);
    this.runStore = new InMemoryRunStore(state);
    this.taskQueue = new InMemoryTaskQueue(state);
    this.eventFeed = new InMemoryRunEventFeed(state);
  }

  /** The users' and operators' side: submit, read, cancel, review, requeue, events, stats. */
  public InMemoryRunStore runStore() {
    return runStore;
  }

  /** The workers' side: claim, heartbeat, outcomes, reaper. */
  public InMemoryTaskQueue taskQueue() {
    return taskQueue;
  }

  /** Every run's events in the order they were written. */
  public InMemoryRunEventFeed eventFeed() {
    return eventFeed;
  }

  /**
   * A new signal that wakes its subscribers when work becomes ready or a run is cancelled. Each
   * worker pool may have its own; closing one stops only its subscribers.
   */
  public InMemoryWorkSignal workSignal() {
    return new InMemoryWorkSignal(state);
  }

  /** Adds {@code amount} (> 0) credits to the owner's balance. */
  public void grantCredits(UUID ownerId, long amount) {
    if (amount <= 0) {
      throw new IllegalArgumentException("a grant must be positive, was " + amount);
    }
    state.write(
        () -> {
          state.grant(ownerId, amount);
          return null;
        });
  }

  /** The owner's credit balance (zero until a grant). */
  public long creditBalance(UUID ownerId) {
    return state.read(() -> state.balance(ownerId));
  }
}
