package dev.reelforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What the tests that start the packaged jar share: free ports, sign-in, JSON fields, files. */
public final class ProcessClient {

  private final HttpClient http = HttpClient.newHttpClient();

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The string value that follows {@code prefix} in a JSON text. */
  public static String field(String json, String prefix) {
    int start = json.indexOf(prefix);
    assertThat(start).as(prefix + " in " + json).isNotNegative();
    start += prefix.length();
    return json.substring(start, json.indexOf('"', start));
  }

  /**
   * An access token from {@code POST /auth/login}. A one-time password (the first admin's, or one
   * from {@code reelforge user}) is first replaced by itself plus {@code -chosen}: until then its
   * token may do nothing else.
   */
  public String signIn(int port, String username, String password) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/auth/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String token = field(response.body(), "\"accessToken\":\"");
    if (response.body().contains("\"passwordChangeRequired\":true")) {
      // A one-time password's token may only choose a new password (docs/security.md).
      HttpResponse<String> changed =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me/password"))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + token)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"currentPassword\":\""
                              + password
                              + "\",\"newPassword\":\""
                              + password
                              + "-chosen\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }
    return token;
  }

  /**
   * A session file as a browser gets it: the API answers 302 to a signed URL (relative for the
   * local store, the bucket's for S3), which is fetched without the token.
   */
  public HttpResponse<byte[]> download(int port, String token, String path) throws Exception {
    HttpResponse<byte[]> redirect =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(redirect.statusCode()).as("a signed redirect").isEqualTo(302);
    URI signed =
        URI.create("http://127.0.0.1:" + port + path)
            .resolve(redirect.headers().firstValue("Location").orElseThrow());
    return http.send(
        HttpRequest.newBuilder(signed).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * The session once its run's outcome has reached it: a session learns it from the run-event feed,
   * a moment (one feed poll) after the run ended, so a client polls the session as it polled the
   * run.
   */
  public String renderedSession(int port, String token, String sessionId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String session;
    do {
      session =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + port + "/api/story/" + sessionId))
                      .header("Authorization", "Bearer " + token)
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      if (session.contains("\"status\":\"rendered\"")) {
        return session;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    assertThat(session).as("the session's outcome").contains("\"status\":\"rendered\"");
    return session;
  }
}
