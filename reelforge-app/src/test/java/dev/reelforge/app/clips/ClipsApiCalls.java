package dev.reelforge.app.clips;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.MultipartForm;
import dev.reelforge.app.MultipartForm.Part;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls of {@link ClipsApiTest} that {@link ApiCalls} does not make: multipart uploads, chunks
 * with their {@code Content-Range}, downloads through signed links, and the readers of the answers'
 * envelope; with the transcript the test's video is captioned with.
 */
final class ClipsApiCalls {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final ApiCalls api;
  private final int port;

  ClipsApiCalls(ApiCalls api, int port) {
    this.api = api;
    this.port = port;
  }

  HttpResponse<String> multipart(String path, String bearer, Part... parts) throws Exception {
    MultipartForm form = MultipartForm.of(parts);
    return api.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofMinutes(2))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", form.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())));
  }

  /** Sends bytes {@code [from, to)} as one chunk. */
  HttpResponse<String> put(String path, byte[] bytes, int from, int to, int total, String bearer)
      throws Exception {
    return api.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "application/octet-stream")
            .header("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + total)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(bytes, from, to))));
  }

  byte[] download(String link) throws Exception {
    assertThat(link).isNotBlank();
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(link)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(link).isEqualTo(200);
    return response.body();
  }

  static JsonNode data(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    return JSON.readTree(response.body()).path("data");
  }

  static void assertFieldError(HttpResponse<String> response, int status, String field) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode envelope = JSON.readTree(response.body());
    assertThat(envelope.path("success").asBoolean(true)).isFalse();
    List<String> fields = new ArrayList<>();
    envelope.path("details").forEach(d -> fields.add(d.path("field").asString()));
    assertThat(fields).as(response.body()).contains(field);
  }

  /** Ten cues of a talk about bees, one every four seconds, as a person would caption it. */
  static String srt() {
    String[] lines = {
      "Here is the secret nobody tells you about honey bees.",
      "A single hive can hold sixty thousand workers in summer.",
      "Each one flies up to eight kilometres to find flowers.",
      "But here is the surprising part: they dance to share the way.",
      "The angle of the dance points to the food, relative to the sun.",
      "Scientists decoded this in the nineteen forties. Amazing, right?",
      "So why does this matter to you and me?",
      "Because a third of what we eat depends on pollinators like these.",
      "If bees vanish, our grocery shelves would look very different.",
      "Plant some wildflowers this spring, and you will help them thrive."
    };
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      out.append(i + 1)
          .append('\n')
          .append(time(i * 4000L + 200))
          .append(" --> ")
          .append(time(i * 4000L + 3800))
          .append('\n')
          .append(lines[i])
          .append("\n\n");
    }
    return out.toString();
  }

  private static String time(long millis) {
    return String.format(
        Locale.ROOT,
        "%02d:%02d:%02d,%03d",
        millis / 3_600_000,
        millis / 60_000 % 60,
        millis / 1000 % 60,
        millis % 1000);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
