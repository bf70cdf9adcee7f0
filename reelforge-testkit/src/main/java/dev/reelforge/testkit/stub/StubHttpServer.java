package dev.reelforge.testkit.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP server for vendor stubs whose protocol has state (submit a job, poll it until it
 * finishes, download the result): routes by method and path pattern, every request kept for
 * assertions. Stateless request/response stubs use WireMock; a task protocol reads better as code.
 */
public final class StubHttpServer implements AutoCloseable {

  /** A request as received; {@code groups} are the path pattern's capturing groups. */
  public record Request(
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      byte[] body,
      List<String> groups) {

    public String header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().getFirst();
        }
      }
      return null;
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** An answer. */
  public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static Reply json(int status, String json) {
      return new Reply(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Reply bytes(String contentType, byte[] body) {
      return new Reply(200, contentType, body, Map.of());
    }

    public Reply withHeader(String name, String value) {
      Map<String, String> more = new java.util.LinkedHashMap<>(headers);
      more.put(name, value);
      return new Reply(status, contentType, body, more);
    }
  }

  private record Route(String method, Pattern path, Function<Request, Reply> handler) {}

  private final HttpServer server;
  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final List<Request> received = new CopyOnWriteArrayList<>();

  public StubHttpServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  /** Answers {@code method} requests whose path matches {@code pathRegex} with {@code handler}. */
  public StubHttpServer route(String method, String pathRegex, Function<Request, Reply> handler) {
    routes.add(new Route(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex), handler));
    return this;
  }

  /** {@code http://127.0.0.1:port}, no trailing slash. */
  public String baseUrl() {
    return "http://"
        + server.getAddress().getAddress().getHostAddress()
        + ":"
        + server.getAddress().getPort();
  }

  /** Every request so far, in arrival order. */
  public List<Request> received() {
    return List.copyOf(received);
  }

  /** The requests of {@code method} whose path matches {@code pathRegex}. */
  public List<Request> received(String method, String pathRegex) {
    Pattern pattern = Pattern.compile(pathRegex);
    List<Request> matching = new ArrayList<>();
    for (Request r : received) {
      if (r.method().equalsIgnoreCase(method) && pattern.matcher(r.path()).matches()) {
        matching.add(r);
      }
    }
    return matching;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String path = exchange.getRequestURI().getPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      for (Route route : routes) {
        Matcher m = route.path().matcher(path);
        if (route.method().equals(method) && m.matches()) {
          List<String> groups = new ArrayList<>();
          for (int i = 1; i <= m.groupCount(); i++) {
            groups.add(m.group(i));
          }
          Request request =
              new Request(
                  method,
                  path,
                  exchange.getRequestURI().getRawQuery(),
                  Map.copyOf(exchange.getRequestHeaders()),
                  body,
                  List.copyOf(groups));
          received.add(request);
          send(exchange, route.handler().apply(request));
          return;
        }
      }
      send(
          exchange,
          Reply.json(404, "{\"error\":\"no stub route for " + method + " " + path + "\"}"));
    }
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    if (reply.body().length == 0) {
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(reply.status(), reply.body().length);
    exchange.getResponseBody().write(reply.body());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
