package dev.reelforge.app.events;

import dev.reelforge.app.security.Caller;
import dev.reelforge.core.accounts.Permission;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.EventCursor;
import dev.reelforge.core.jobs.FeedEvent;
import dev.reelforge.core.jobs.RunEventFeed;
import dev.reelforge.core.jobs.RunRecord;
import dev.reelforge.core.jobs.engine.JobService;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/ws/events}: the same events as the SSE routes, one JSON text message each, over a
 * WebSocket. {@code ?run=<id>} follows one run from its first event (and closes after its end);
 * without it, every run of the caller (an operator's: every run) from now. {@code ?after=<id>}
 * resumes after an event. The upgrade request passes the same filters as every API call, so the
 * caller is known (bearer token or API key in the headers); quiet times are filled with pings.
 */
final class EventSocket extends Endpoint {

  static final String PATH = "/api/ws/events";
  private static final String CALLER = "reelforge.caller";

  /** A run that is not found or not the caller's: the close code mirrors HTTP's 404. */
  static final int NOT_FOUND = 4404;

  static final int BAD_REQUEST = 4400;

  private final EventHub hub;
  private final JobService jobs;

  EventSocket(EventHub hub, JobService jobs) {
    this.hub = hub;
    this.jobs = jobs;
  }

  /** The endpoint's registration: it keeps the caller the filters found at the upgrade. */
  static ServerEndpointConfig config(EventHub hub, JobService jobs) {
    EventSocket endpoint = new EventSocket(hub, jobs);
    return ServerEndpointConfig.Builder.create(EventSocket.class, PATH)
        .configurator(
            new ServerEndpointConfig.Configurator() {
              @Override
              public void modifyHandshake(
                  ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse r) {
                Caller.current().ifPresent(c -> config.getUserProperties().put(CALLER, c));
              }

              @Override
              public <T> T getEndpointInstance(Class<T> type) {
                return type.cast(endpoint);
              }
            })
        .build();
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    // The configurator's properties are shared by every upgrade: copy this one's caller at once.
    Caller caller = (Caller) config.getUserProperties().remove(CALLER);
    if (caller == null) {
      close(session, CloseReason.CloseCodes.VIOLATED_POLICY.getCode(), "sign in first");
      return;
    }
    try {
      Optional<UUID> run = parameter(session, "run").flatMap(id -> visibleRun(id, caller));
      if (parameter(session, "run").isPresent() && run.isEmpty()) {
        close(session, NOT_FOUND, "run not found");
        return;
      }
      Optional<EventCursor> after =
          parameter(session, "after").map(a -> EventCursor.parse(a, "after"));
      RunEventFeed.Filter filter;
      EventCursor from;
      if (run.isPresent()) {
        filter = RunEventFeed.Filter.run(run.get());
        from = after.orElse(EventCursor.START);
      } else {
        filter =
            caller.can(Permission.READ_ANY)
                ? RunEventFeed.Filter.everyRun()
                : RunEventFeed.Filter.ownedBy(caller.id());
        from = after.orElseGet(hub::head);
      }
      EventHub.Stream stream = hub.open(filter, from, new SocketSink(session, run.isPresent()));
      session.getUserProperties().put("stream", stream);
    } catch (ReelForgeException e) {
      close(session, BAD_REQUEST, e.getMessage());
    }
  }

  private Optional<UUID> visibleRun(String id, Caller caller) {
    try {
      RunRecord run = jobs.run(UUID.fromString(id));
      boolean visible = run.ownerId().equals(caller.id()) || caller.can(Permission.READ_ANY);
      return visible ? Optional.of(run.id()) : Optional.empty();
    } catch (IllegalArgumentException | ReelForgeException e) {
      return Optional.empty();
    }
  }

  @Override
  public void onClose(Session session, CloseReason reason) {
    if (session.getUserProperties().remove("stream") instanceof EventHub.Stream stream) {
      stream.close();
    }
  }

  private static Optional<String> parameter(Session session, String name) {
    List<String> values = session.getRequestParameterMap().getOrDefault(name, List.of());
    return values.isEmpty() || values.getFirst().isBlank()
        ? Optional.empty()
        : Optional.of(values.getFirst().strip());
  }

  private static void close(Session session, int code, String why) {
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), why));
    } catch (IOException e) {
      // already gone
    }
  }

  /** Writes a stream's events as text messages; heartbeats are pings. */
  private final class SocketSink implements EventHub.Sink {

    private final Session session;
    private final boolean endWithRun;

    SocketSink(Session session, boolean endWithRun) {
      this.session = session;
      this.endWithRun = endWithRun;
    }

    @Override
    public void send(FeedEvent event) throws IOException {
      session.getBasicRemote().sendText(EventJson.of(event));
    }

    @Override
    public void heartbeat() throws IOException {
      session.getBasicRemote().sendPing(ByteBuffer.wrap(new byte[] {'h', 'b'}));
    }

    @Override
    public boolean endsWith(FeedEvent event) {
      return endWithRun
          && EventJson.endsRun(event.event())
          && jobs.run(event.event().runId()).status().isTerminal();
    }

    @Override
    public void closed() {
      if (session.isOpen()) {
        close(session, CloseReason.CloseCodes.NORMAL_CLOSURE.getCode(), "done");
      }
    }
  }
}
