package dev.reelforge.app.events;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small server-sent-events reader, as a browser's EventSource reads a stream: {@code id:} and
 * {@code data:} lines, a blank line ending each event, comments ignored.
 */
final class SseClient implements AutoCloseable {

  /** One received event: its id and its data (JSON). */
  record Event(String id, String data) {}

  private static final Event END = new Event("", "");

  final int status;
  final java.net.http.HttpHeaders headers;

  /** The whole body of an answer that is not a stream (an error envelope); empty otherwise. */
  final String errorBody;

  private final InputStream body;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Thread reader;
  volatile int comments;

  private SseClient(HttpResponse<InputStream> response) {
    this.status = response.statusCode();
    this.headers = response.headers();
    this.body = response.body();
    if (status == 200) {
      this.errorBody = "";
      this.reader = Thread.ofVirtual().start(this::read);
    } else {
      this.errorBody = readAll(body);
      this.reader = Thread.ofVirtual().start(() -> events.add(END));
    }
  }

  static SseClient open(int port, String path, String token, String lastEventId) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Accept", "text/event-stream")
            .header("Authorization", "Bearer " + token);
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    return new SseClient(response);
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String id = null;
      StringBuilder data = new StringBuilder();
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            events.add(new Event(id, data.toString()));
          }
          id = null;
          data.setLength(0);
        } else if (line.startsWith(":")) {
          comments++;
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        }
      }
    } catch (Exception e) {
      // the stream was closed
    } finally {
      events.add(END);
    }
  }

  /** The next event, or null when the stream ended or nothing came in time. */
  Event next(Duration timeout) throws InterruptedException {
    Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return event == END ? null : event;
  }

  /** Events until one whose data contains {@code marker} (included), or until the stream ends. */
  List<Event> until(String marker, Duration timeout) throws InterruptedException {
    List<Event> seen = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Event event = next(Duration.ofNanos(deadline - System.nanoTime()));
      if (event == null) {
        return seen;
      }
      seen.add(event);
      if (event.data().contains(marker)) {
        return seen;
      }
    }
    return seen;
  }

  /** Whether the server ended the stream within the timeout. */
  boolean endsWithin(Duration timeout) throws InterruptedException {
    reader.join(timeout);
    return !reader.isAlive();
  }

  @Override
  public void close() throws Exception {
    body.close();
  }
}
