package dev.reelforge.app.events;

import dev.reelforge.core.jobs.EventCursor;
import dev.reelforge.core.jobs.FeedEvent;
import dev.reelforge.core.jobs.RunEventFeed;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's event fan-out. One thread polls the feed while any stream is open (one query per
 * interval, however many streams); each stream has its own virtual thread that first reads its
 * catch-up from the log, then writes what the poller hands it, with heartbeats in the quiet times.
 * A stream whose client reads too slowly to keep up is closed rather than buffered without end: its
 * client reconnects with the last id it got and catches up from the log.
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

    /** The stream ends (client gone, too slow, or the sink asked to stop). */
    void closed();

    /** Whether the stream is done after this event (a finished run's own stream). */
    default boolean endsWith(FeedEvent event) {
      return false;
    }
  }

  private final RunEventFeed feed;
  private final Duration pollInterval;
  private final Duration heartbeat;
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private final Object pollLock = new Object();
  private final Thread poller;
  private volatile EventCursor polled;
  private volatile boolean running = true;

  public EventHub(RunEventFeed feed, Duration pollInterval, Duration heartbeat) {
    this.feed = feed;
    this.pollInterval = pollInterval;
    this.heartbeat = heartbeat;
    this.poller = Thread.ofPlatform().daemon().name("event-hub").start(this::pollLoop);
  }

  /**
   * Opens a stream of the events matching {@code filter} after {@code from}, caught up from the log
   * first.
   */
  public Stream open(RunEventFeed.Filter filter, EventCursor from, Sink sink) {
    Stream stream = new Stream(filter, from, sink);
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

  /** Where the log stands now: a stream opened from here gets only new events. */
  public EventCursor head() {
    return feed.head();
  }

  public int openStreams() {
    return streams.size();
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
    private final Sink sink;
    private final BlockingQueue<FeedEvent> waiting = new ArrayBlockingQueue<>(BACKLOG);
    private volatile EventCursor cursor;
    private volatile boolean open = true;
    private Thread thread;

    private Stream(RunEventFeed.Filter filter, EventCursor from, Sink sink) {
      this.filter = filter;
      this.cursor = from;
      this.sink = sink;
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
      return !sink.endsWith(event);
    }

    /** The last event sent. */
    public EventCursor cursor() {
      return cursor;
    }

    @Override
    public void close() {
      if (streams.remove(this)) {
        open = false;
        if (thread != null && Thread.currentThread() != thread) {
          thread.interrupt();
        }
        sink.closed();
      }
    }
  }
}
