package dev.reelforge.app.events;

import dev.reelforge.app.jobs.VisibleRuns;
import dev.reelforge.app.web.Caller;
import dev.reelforge.app.web.ErrorEnvelopeWriter;
import dev.reelforge.core.accounts.Permission;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.spi.EventCursor;
import dev.reelforge.core.jobs.spi.FeedEvent;
import dev.reelforge.core.jobs.spi.RunRecord;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
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
 * Last-Event-ID} header a browser sends by itself on reconnecting, or {@code ?after=}. Where a
 * stream starts, when it ends and how many a user may hold are the hub's rules.
 */
@RestController
class EventStreamController {

  private final EventHub hub;
  private final VisibleRuns visibleRuns;
  private final EventsSettings settings;

  EventStreamController(EventHub hub, VisibleRuns visibleRuns, EventsSettings settings) {
    this.hub = hub;
    this.visibleRuns = visibleRuns;
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
        sink -> {
          RunRecord run = visibleRuns.find(runId, Permission.READ_ANY);
          return hub.openRun(caller().id(), run.id(), resumeFrom(lastEventId, after), sink);
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
        sink -> hub.openCallersRuns(caller(), resumeFrom(lastEventId, after), sink));
  }

  private static Caller caller() {
    return Caller.current()
        .orElseThrow(() -> new ReelForgeException(ErrorCode.AUTH_REQUIRED, "sign in first"));
  }

  /**
   * Opens the stream, or answers the error envelope as JSON itself: a client asking for {@code
   * text/event-stream} would otherwise get no readable error at all.
   */
  private SseEmitter openOrAnswer(
      HttpServletRequest request,
      HttpServletResponse response,
      Function<EventHub.Sink, EventHub.Stream> opening)
      throws IOException {
    SseEmitter emitter = new SseEmitter(settings.getStreamTimeout().toMillis());
    // Held until the answer starts, so it comes first: how soon to come back, and that it is up.
    emitter.send(SseEmitter.event().reconnectTime(2_000).comment("connected"));
    EmitterSink sink = new EmitterSink(emitter);
    EventHub.Stream stream;
    try {
      stream = opening.apply(sink);
    } catch (ReelForgeException e) {
      ErrorEnvelopeWriter.write(request, response, e);
      return null;
    }
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

  private static Optional<EventCursor> resumeFrom(String lastEventId, String after) {
    if (after != null && !after.isBlank()) {
      return Optional.of(EventCursor.parse(after.strip(), "after"));
    }
    if (lastEventId != null && !lastEventId.isBlank()) {
      return Optional.of(EventCursor.parse(lastEventId.strip(), "Last-Event-ID"));
    }
    return Optional.empty();
  }

  /** Writes a stream's events to one SSE response. */
  private static final class EmitterSink implements EventHub.Sink {

    private final SseEmitter emitter;
    private boolean closed;

    EmitterSink(SseEmitter emitter) {
      this.emitter = emitter;
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

    /** The container ended the response (error, completion): it must not be completed again. */
    synchronized void finished() {
      closed = true;
    }

    @Override
    public synchronized void closed() {
      if (!closed) {
        closed = true;
        emitter.complete();
      }
    }
  }
}
