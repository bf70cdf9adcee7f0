package dev.reelforge.core.jobs.engine;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.spi.EventCursor;
import dev.reelforge.core.jobs.spi.FeedEvent;
import dev.reelforge.core.jobs.spi.RunEventFeed;
import dev.reelforge.core.jobs.spi.RunQuery;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.RunStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a feature when each of its runs ended, from the run-event feed: the way a feature learns
 * its runs' outcomes without reading the engine's records on every request. Started, it first
 * settles the runs of its kind that ended most recently (an end that fell between a crash and this
 * start is not lost), then follows the feed from where it stood when it was made.
 *
 * <p>The callback must be idempotent: every node runs a follower, and a restart settles recent runs
 * again. An end the callback refuses for good (a non-retryable {@link ReelForgeException}, or any
 * failure {@value #ATTEMPTS} times over) is logged and skipped, so one bad run never holds back the
 * others; anything else (the database away) is tried again after a pause.
 */
public final class RunEndFollower implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RunEndFollower.class);
  private static final Set<String> ENDS = Set.of("run.succeeded", "run.failed", "run.cancelled");
  private static final int PAGE = 200;

  /** How often one run's end is tried before it is skipped. */
  static final int ATTEMPTS = 5;

  private final RunEventFeed feed;
  private final RunStore runs;
  private final String kind;
  private final Consumer<RunRecord> onEnd;
  private final Duration pollInterval;
  private final int settleAtStart;
  private final Thread thread;
  private volatile boolean running = true;
  private EventCursor cursor;
  private int failures;

  /**
   * @param kind the runs to follow (a pipeline's kind)
   * @param onEnd told each ended run of that kind, at least once
   * @param settleAtStart how many of the most recent ended runs are settled at start
   */
  public RunEndFollower(
      RunEventFeed feed,
      RunStore runs,
      String kind,
      Consumer<RunRecord> onEnd,
      Duration pollInterval,
      int settleAtStart) {
    this.feed = feed;
    this.runs = runs;
    this.kind = kind;
    this.onEnd = onEnd;
    this.pollInterval = pollInterval;
    this.settleAtStart = settleAtStart;
    this.cursor = feed.head();
    this.thread = Thread.ofPlatform().daemon().name("run-ends-" + kind).unstarted(this::follow);
  }

  public RunEndFollower start() {
    thread.start();
    return this;
  }

  private void follow() {
    settleRecentRuns();
    while (running) {
      try {
        if (poll() < PAGE) {
          Thread.sleep(pollInterval);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // The database is away: the cursor stays, the same events are read again.
        log.warn("could not apply the ends of {} runs: {}", kind, e.getMessage());
        pause();
      }
    }
  }

  /** Applies the ends after the cursor; answers how many events were read. */
  int poll() {
    List<FeedEvent> events = feed.after(cursor, RunEventFeed.Filter.everyRun(), PAGE);
    for (FeedEvent event : events) {
      if (kind.equals(event.runKind()) && ENDS.contains(event.event().type())) {
        settle(event.event().runId());
      }
      cursor = event.cursor();
      failures = 0;
    }
    return events.size();
  }

  private void settle(UUID runId) {
    Optional<RunRecord> run = runs.findRun(runId);
    // A retried run may have started again since this event: only an ended run is told.
    if (run.isEmpty() || !run.get().status().isTerminal()) {
      return;
    }
    try {
      onEnd.accept(run.get());
    } catch (RuntimeException e) {
      boolean permanent = e instanceof ReelForgeException r && !r.retryable();
      if (permanent || ++failures >= ATTEMPTS) {
        log.error("the end of run {} could not be applied; skipped", runId, e);
        return;
      }
      throw e;
    }
  }

  private void settleRecentRuns() {
    if (settleAtStart < 1) {
      return;
    }
    RunQuery ended =
        new RunQuery(
            Optional.empty(),
            Set.of(RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.CANCELLED),
            Optional.of(kind),
            Optional.empty(),
            settleAtStart);
    try {
      for (RunRecord run : runs.listRuns(ended)) {
        try {
          onEnd.accept(run);
        } catch (RuntimeException e) {
          log.warn("could not settle the end of run {}: {}", run.id(), e.getMessage());
        }
      }
    } catch (RuntimeException e) {
      log.warn("could not list the {} runs that ended lately: {}", kind, e.getMessage());
    }
  }

  private void pause() {
    try {
      Thread.sleep(pollInterval.multipliedBy(4));
    } catch (InterruptedException e) {
      running = false;
    }
  }

  /** Stops following and waits (briefly) for the callback in flight to return. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
