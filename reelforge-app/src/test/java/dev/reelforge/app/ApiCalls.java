package dev.reelforge.app;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON calls to a running application, signed in with a bearer credential or anonymous. */
public final class ApiCalls {

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  public ApiCalls(int port) {
    this.port = port;
  }

  /** {@code body} null sends none; {@code bearer} null sends no credential. */
  public HttpRequest.Builder request(String method, String path, String body, String bearer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofMinutes(2))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return request;
  }

  public HttpResponse<String> send(String method, String path, String body, String bearer)
      throws Exception {
    return send(request(method, path, body, bearer));
  }

  /**
   * Only the status, without waiting for the body: an event stream's body does not end while its
   * run goes on.
   */
  public int status(String method, String path, String body, String bearer) throws Exception {
    HttpResponse<InputStream> response =
        http.send(
            request(method, path, body, bearer).build(), HttpResponse.BodyHandlers.ofInputStream());
    response.body().close();
    return response.statusCode();
  }

  public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
