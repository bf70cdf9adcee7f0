package dev.reelforge.app.story.session;

import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.EventCursor;
import dev.reelforge.core.jobs.spi.FeedEvent;
import dev.reelforge.core.jobs.spi.RunEventFeed;
import dev.reelforge.core.jobs.spi.RunQuery;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.story.StoryPipeline;
import dev.reelforge.story.session.StorySessions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells each story session when its run ended, from the run-event feed: the one place a session
 * learns its outcome (reads never write). Every API node follows the feed; the session's transition
 * table and optimistic locking make the outcome written once whichever node comes first. At start
 * it also settles the story runs that ended recently, so an outcome that fell between a crash and
 * the restart is not lost.
 */
final class SessionRunFollower implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SessionRunFollower.class);
  private static final Set<String> ENDS = Set.of("run.succeeded", "run.failed", "run.cancelled");
  private static final int PAGE = 200;

  /** How many recently ended story runs are settled at start (newest first). */
  static final int SETTLED_AT_START = 500;

  private final RunEventFeed feed;
  private final JobService jobs;
  private final StorySessions sessions;
  private final Duration pollInterval;
  private final Thread thread;
  private volatile boolean running = true;
  private EventCursor cursor;

  SessionRunFollower(
      RunEventFeed feed, JobService jobs, StorySessions sessions, Duration pollInterval) {
    this.feed = feed;
    this.jobs = jobs;
    this.sessions = sessions;
    this.pollInterval = pollInterval;
    this.cursor = feed.head();
    this.thread = Thread.ofPlatform().daemon().name("session-runs").start(this::follow);
  }

  private void follow() {
    settleRecentRuns();
    while (running) {
      try {
        if (poll() < PAGE) {
          Thread.sleep(pollInterval);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The database is away: the cursor stays, the next poll reads the same events again.
        LOG.warn("could not apply story run outcomes: {}", e.getMessage());
        sleepQuietly();
      }
    }
  }

  /** Applies the story run ends after the cursor; answers how many events were read. */
  int poll() {
    List<FeedEvent> events = feed.after(cursor, RunEventFeed.Filter.everyRun(), PAGE);
    for (FeedEvent event : events) {
      if (StoryPipeline.KIND.equals(event.runKind()) && ENDS.contains(event.event().type())) {
        settle(event.event().runId());
      }
      cursor = event.cursor();
    }
    return events.size();
  }

  private void settleRecentRuns() {
    try {
      RunQuery ended =
          new RunQuery(
              Optional.empty(),
              Set.of(RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.CANCELLED),
              Optional.of(StoryPipeline.KIND),
              Optional.empty(),
              SETTLED_AT_START);
      jobs.runs(ended).forEach(sessions::runEnded);
    } catch (RuntimeException e) {
      LOG.warn("could not settle recently ended story runs: {}", e.getMessage());
    }
  }

  private void settle(UUID runId) {
    RunRecord run = jobs.run(runId);
    // A retried run may have started again since this event: only an ended run is applied.
    if (run.status().isTerminal()) {
      sessions.runEnded(run);
    }
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(pollInterval.multipliedBy(4));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
