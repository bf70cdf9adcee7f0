package dev.reelforge.app.events;

import dev.reelforge.app.jobs.VisibleRuns;
import dev.reelforge.app.web.Caller;
import dev.reelforge.core.accounts.Permission;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.spi.EventCursor;
import dev.reelforge.core.jobs.spi.FeedEvent;
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

/**
 * {@code /api/ws/events}: the same events as the SSE routes, one JSON text message each, over a
 * WebSocket. {@code ?run=<id>} follows one run from its first event (and closes after its end);
 * without it, every run of the caller (an operator's: every run) from now. {@code ?after=<id>}
 * resumes after an event. A refusal closes the socket with 4000 + the HTTP status the error would
 * have (4404 another user's run, 4400 a malformed id, 4429 too many streams). The upgrade request
 * passes the same filters as every API call, so the caller is known (bearer token or API key in the
 * headers); quiet times are filled with pings.
 */
final class EventSocket extends Endpoint {

  static final String PATH = "/api/ws/events";
  private static final String CALLER = "reelforge.caller";

  /** A run that is not found or not the caller's: 4000 + the HTTP status the error has. */
  static final int NOT_FOUND = 4404;

  private final EventHub hub;
  private final VisibleRuns visibleRuns;

  EventSocket(EventHub hub, VisibleRuns visibleRuns) {
    this.hub = hub;
    this.visibleRuns = visibleRuns;
  }

  /** The endpoint's registration: it keeps the caller the filters found at the upgrade. */
  static ServerEndpointConfig config(EventHub hub, VisibleRuns visibleRuns) {
    EventSocket endpoint = new EventSocket(hub, visibleRuns);
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
      Optional<EventCursor> after =
          parameter(session, "after").map(a -> EventCursor.parse(a, "after"));
      SocketSink sink = new SocketSink(session);
      Optional<String> run = parameter(session, "run");
      EventHub.Stream stream =
          run.isPresent()
              ? hub.openRun(
                  caller.id(),
                  visibleRuns.find(run.get(), Optional.of(caller), Permission.READ_ANY).id(),
                  after,
                  sink)
              : hub.openCallersRuns(caller, after, sink);
      session.getUserProperties().put("stream", stream);
    } catch (ReelForgeException e) {
      // The close code says what the HTTP status would have: 4404, 4400, 4429.
      close(session, 4000 + e.code().httpStatus(), e.getMessage());
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
  private static final class SocketSink implements EventHub.Sink {

    private final Session session;

    SocketSink(Session session) {
      this.session = session;
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
    public void closed() {
      if (session.isOpen()) {
        close(session, CloseReason.CloseCodes.NORMAL_CLOSURE.getCode(), "done");
      }
    }
  }
}
