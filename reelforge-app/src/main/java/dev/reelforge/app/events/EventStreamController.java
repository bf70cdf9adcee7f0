package dev.reelforge.app.events;

import dev.reelforge.app.jobs.VisibleRuns;
import dev.reelforge.app.web.FilterErrors;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.accounts.Permission;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.LimitExceededException;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.EventCursor;
import dev.reelforge.core.jobs.FeedEvent;
import dev.reelforge.core.jobs.RunEventFeed;
import dev.reelforge.core.jobs.RunRecord;
import dev.reelforge.core.jobs.engine.JobService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events: {@code GET /api/runs/{id}/events} (one run, from its first event unless the
 * client says where it stopped; it ends once the run has finished) and {@code GET /api/events}
 * (every run of the caller, from now; an operator's: every run). The place to resume is the {@code
 * Last-Event-ID} header a browser sends by itself on reconnecting, or {@code ?after=}.
 */
@RestController
class EventStreamController {

  private final EventHub hub;
  private final VisibleRuns visibleRuns;
  private final JobService jobs;
  private final EventsSettings settings;
  private final Map<UUID, AtomicInteger> openByUser = new ConcurrentHashMap<>();

  EventStreamController(
      EventHub hub, VisibleRuns visibleRuns, JobService jobs, EventsSettings settings) {
    this.hub = hub;
    this.visibleRuns = visibleRuns;
    this.jobs = jobs;
    this.settings = settings;
  }

  @GetMapping("/api/runs/{runId}/events")
  SseEmitter runEvents(
      @PathVariable String runId,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      @RequestParam(name = "after", required = false) String after,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    return openOrAnswer(
        request,
        response,
        () -> {
          RunRecord run = visibleRuns.find(runId, Permission.READ_ANY);
          EventCursor from = resumeFrom(lastEventId, after, EventCursor.START);
          return open(RunEventFeed.Filter.run(run.id()), from, true);
        });
  }

  @GetMapping("/api/events")
  SseEmitter myEvents(
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      @RequestParam(name = "after", required = false) String after,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    return openOrAnswer(
        request,
        response,
        () -> {
          EventCursor from = resumeFrom(lastEventId, after, null);
          RunEventFeed.Filter filter =
              VisibleRuns.callerCan(Permission.READ_ANY)
                  ? RunEventFeed.Filter.everyRun()
                  : RunEventFeed.Filter.ownedBy(RequestOwner.current());
          return open(filter, from == null ? hub.head() : from, false);
        });
  }

  /**
   * Opens the stream, or answers the error envelope as JSON itself: a client asking for {@code
   * text/event-stream} would otherwise get no readable error at all.
   */
  private static SseEmitter openOrAnswer(
      HttpServletRequest request, HttpServletResponse response, Supplier<SseEmitter> opening)
      throws IOException {
    try {
      return opening.get();
    } catch (ReelForgeException e) {
      if (e instanceof LimitExceededException limit) {
        response.setHeader(
            "Retry-After", Long.toString(Math.max(1, limit.retryAfter().toSeconds())));
      }
      FilterErrors.write(request, response, e.code(), e.getMessage(), e.violations());
      return null;
    }
  }

  private static EventCursor resumeFrom(String lastEventId, String after, EventCursor otherwise) {
    if (after != null && !after.isBlank()) {
      return EventCursor.parse(after.strip(), "after");
    }
    if (lastEventId != null && !lastEventId.isBlank()) {
      return EventCursor.parse(lastEventId.strip(), "Last-Event-ID");
    }
    return otherwise;
  }

  private SseEmitter open(RunEventFeed.Filter filter, EventCursor from, boolean endWithRun) {
    UUID user = RequestOwner.current();
    AtomicInteger open = openByUser.computeIfAbsent(user, u -> new AtomicInteger());
    if (open.incrementAndGet() > settings.getMaxStreamsPerUser()) {
      open.decrementAndGet();
      throw new LimitExceededException(
          ErrorCode.RATE_LIMIT_EXCEEDED,
          "at most "
              + settings.getMaxStreamsPerUser()
              + " event streams may be open at once; close one first",
          Duration.ofSeconds(5));
    }
    SseEmitter emitter = new SseEmitter(settings.getStreamTimeout().toMillis());
    EmitterSink sink = new EmitterSink(emitter, endWithRun, open);
    try {
      // Tells the client how soon to come back, and that the stream is up.
      emitter.send(SseEmitter.event().reconnectTime(2_000).comment("connected"));
    } catch (IOException e) {
      open.decrementAndGet();
      throw new IllegalStateException("the client left before its stream opened", e);
    }
    EventHub.Stream stream = hub.open(filter, from, sink);
    // A timeout is ours to complete; after an error or completion the response is finished.
    emitter.onTimeout(stream::close);
    emitter.onCompletion(
        () -> {
          sink.finished();
          stream.close();
        });
    emitter.onError(
        e -> {
          sink.finished();
          stream.close();
        });
    return emitter;
  }

  /** Writes a stream's events to one SSE response. */
  private final class EmitterSink implements EventHub.Sink {

    private final SseEmitter emitter;
    private final boolean endWithRun;
    private final AtomicInteger open;
    private boolean closed;

    EmitterSink(SseEmitter emitter, boolean endWithRun, AtomicInteger open) {
      this.emitter = emitter;
      this.endWithRun = endWithRun;
      this.open = open;
    }

    @Override
    public void send(FeedEvent event) throws IOException {
      write(SseEmitter.event().id(event.cursor().toString()).data(EventJson.of(event)));
    }

    @Override
    public void heartbeat() throws IOException {
      write(SseEmitter.event().comment("heartbeat"));
    }

    private void write(SseEmitter.SseEventBuilder event) throws IOException {
      try {
        emitter.send(event);
      } catch (IOException | IllegalStateException e) {
        // The client is gone: the container ends the response; completing it would be an error.
        finished();
        throw e instanceof IOException io ? io : new IOException(e);
      }
    }

    @Override
    public boolean endsWith(FeedEvent event) {
      return endWithRun
          && EventJson.endsRun(event.event())
          && jobs.run(event.event().runId()).status().isTerminal();
    }

    /** The container ended the response (error, completion): it must not be completed again. */
    synchronized void finished() {
      if (!closed) {
        closed = true;
        open.decrementAndGet();
      }
    }

    @Override
    public synchronized void closed() {
      if (!closed) {
        closed = true;
        open.decrementAndGet();
        emitter.complete();
      }
    }
  }
}
