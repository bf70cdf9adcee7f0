package dev.reelforge.app.events;

import dev.reelforge.app.web.Caller;
import dev.reelforge.core.accounts.Permission;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.LimitExceededException;
import dev.reelforge.core.jobs.spi.EventCursor;
import dev.reelforge.core.jobs.spi.FeedEvent;
import dev.reelforge.core.jobs.spi.RunEventFeed;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's event fan-out. One thread polls the feed while any stream is open (one query per
 * interval, however many streams); each stream has its own virtual thread that first reads its
 * catch-up from the log, then writes what the poller hands it, with heartbeats in the quiet times.
 * A stream whose client reads too slowly to keep up is closed rather than buffered without end: its
 * client reconnects with the last id it got and catches up from the log.
 *
 * <p>The rules every transport shares live here: where a stream starts, that a run's own stream
 * ends with the run, and how many streams one user may hold on this node.
 */
public final class EventHub implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
  private static final int PAGE = 500;

  /** Events a stream may have waiting before it is closed as too slow. */
  static final int BACKLOG = 10_000;

  /** Where a stream's events go; an IOException means its client is gone. */
  public interface Sink {
    void send(FeedEvent event) throws IOException;

    void heartbeat() throws IOException;

    /** The stream ends: client gone, too slow, or its run finished. */
    void closed();
  }

  private final RunEventFeed feed;
  private final Predicate<UUID> runFinished;
  private final Duration pollInterval;
  private final Duration heartbeat;
  private final int maxStreamsPerUser;
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private final Map<UUID, AtomicInteger> openByUser = new ConcurrentHashMap<>();
  private final Object pollLock = new Object();
  private final Thread poller;
  private volatile EventCursor polled;
  private volatile boolean running = true;

  /**
   * @param runFinished whether a run has ended for now (a run's own stream closes after its final
   *     event only then: an operator may retry a failed run)
   */
  public EventHub(
      RunEventFeed feed,
      Predicate<UUID> runFinished,
      Duration pollInterval,
      Duration heartbeat,
      int maxStreamsPerUser) {
    this.feed = feed;
    this.runFinished = runFinished;
    this.pollInterval = pollInterval;
    this.heartbeat = heartbeat;
    this.maxStreamsPerUser = maxStreamsPerUser;
    this.poller = Thread.ofPlatform().daemon().name("event-hub").start(this::pollLoop);
  }

  /**
   * One run's events for {@code user}, from its first event unless {@code after} says where the
   * client stopped; the stream ends after the run's final event.
   *
   * @throws LimitExceededException when the user already holds the most streams allowed
   */
  public Stream openRun(UUID user, UUID runId, Optional<EventCursor> after, Sink sink) {
    return open(user, RunEventFeed.Filter.run(runId), after.orElse(EventCursor.START), true, sink);
  }

  /**
   * The events of every run the caller may watch — its own; every run for a role that reads any —
   * from now unless {@code after} says where the client stopped.
   *
   * @throws LimitExceededException when the caller already holds the most streams allowed
   */
  public Stream openCallersRuns(Caller caller, Optional<EventCursor> after, Sink sink) {
    RunEventFeed.Filter filter =
        caller.can(Permission.READ_ANY)
            ? RunEventFeed.Filter.everyRun()
            : RunEventFeed.Filter.ownedBy(caller.id());
    return open(caller.id(), filter, after.orElseGet(feed::head), false, sink);
  }

  private Stream open(
      UUID user, RunEventFeed.Filter filter, EventCursor from, boolean endsWithRun, Sink sink) {
    AtomicInteger open = openByUser.computeIfAbsent(user, u -> new AtomicInteger());
    if (open.incrementAndGet() > maxStreamsPerUser) {
      open.decrementAndGet();
      throw new LimitExceededException(
          ErrorCode.RATE_LIMIT_EXCEEDED,
          "at most " + maxStreamsPerUser + " event streams may be open at once; close one first",
          Duration.ofSeconds(5));
    }
    Stream stream = new Stream(filter, from, endsWithRun, sink, open);
    synchronized (pollLock) {
      if (streams.isEmpty()) {
        // Nobody listened, so the poller stood still: start it from now.
        polled = feed.head();
      }
      streams.add(stream);
    }
    stream.thread = Thread.ofVirtual().name("event-stream").start(stream::run);
    return stream;
  }

  private void pollLoop() {
    while (running) {
      try {
        if (streams.isEmpty() || poll() < PAGE) {
          Thread.sleep(pollInterval);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The database is away; streams keep their place and the next poll retries.
        LOG.warn("could not read the event log: {}", e.getMessage());
        sleepQuietly();
      }
    }
  }

  private int poll() {
    List<FeedEvent> events;
    synchronized (pollLock) {
      events = feed.after(polled, RunEventFeed.Filter.everyRun(), PAGE);
      if (!events.isEmpty()) {
        polled = events.getLast().cursor();
      }
    }
    for (FeedEvent event : events) {
      for (Stream stream : streams) {
        stream.offer(event);
      }
    }
    return events.size();
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
    poller.interrupt();
    streams.forEach(Stream::close);
  }

  /** One client's stream. */
  public final class Stream implements AutoCloseable {

    private final RunEventFeed.Filter filter;
    private final boolean endsWithRun;
    private final Sink sink;
    private final AtomicInteger openOfUser;
    private final BlockingQueue<FeedEvent> waiting = new ArrayBlockingQueue<>(BACKLOG);
    private volatile EventCursor cursor;
    private volatile boolean open = true;
    private Thread thread;

    private Stream(
        RunEventFeed.Filter filter,
        EventCursor from,
        boolean endsWithRun,
        Sink sink,
        AtomicInteger openOfUser) {
      this.filter = filter;
      this.cursor = from;
      this.endsWithRun = endsWithRun;
      this.sink = sink;
      this.openOfUser = openOfUser;
    }

    private void offer(FeedEvent event) {
      if (open && filter.matches(event) && !waiting.offer(event)) {
        LOG.info("an event stream fell {} events behind; closing it for a catch-up", BACKLOG);
        close();
      }
    }

    private void run() {
      try {
        catchUp();
        while (open) {
          FeedEvent event = waiting.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
          if (event == null) {
            sink.heartbeat();
          } else if (!deliver(event)) {
            break;
          }
        }
      } catch (IOException | RuntimeException e) {
        LOG.debug("event stream ended: {}", e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        close();
      }
    }

    private void catchUp() throws IOException {
      List<FeedEvent> page;
      do {
        page = feed.after(cursor, filter, PAGE);
        for (FeedEvent event : page) {
          if (!deliver(event)) {
            open = false;
            return;
          }
        }
      } while (page.size() == PAGE && open);
    }

    /** Sends an event not sent yet; false when the stream is done. */
    private boolean deliver(FeedEvent event) throws IOException {
      if (event.cursor().compareTo(cursor) <= 0) {
        return true; // already sent during the catch-up
      }
      sink.send(event);
      cursor = event.cursor();
      return !(endsWithRun
          && EventJson.endsRun(event.event())
          && runFinished.test(event.event().runId()));
    }

    /** The last event sent. */
    public EventCursor cursor() {
      return cursor;
    }

    @Override
    public void close() {
      if (streams.remove(this)) {
        open = false;
        openOfUser.decrementAndGet();
        if (thread != null && Thread.currentThread() != thread) {
          thread.interrupt();
        }
        sink.closed();
      }
    }
  }
}
