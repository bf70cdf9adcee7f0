package dev.reelforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Starts short story runs through the API and waits for them, for tests of the platform. */
public final class StoryRuns {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> ENDED = List.of("succeeded", "failed", "cancelled");

  private final ApiCalls api;
  private final String token;

  public StoryRuns(ApiCalls api, String token) {
    this.api = api;
    this.token = token;
  }

  /** A two-beat manual script rendered as one square video, started asynchronously. */
  public String start(String firstSentence) throws Exception {
    HttpResponse<String> made =
        api.send(
            "POST",
            "/api/story/manual",
            "{\"scriptText\":\"" + firstSentence + "\\nAnd that is the whole story.\"}",
            token);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
    String session = JSON.readTree(made.body()).path("data").path("id").asString();
    HttpResponse<String> started =
        api.send(
            api.request(
                    "POST",
                    "/api/story/finalize",
                    "{\"sessionId\":\"" + session + "\",\"formats\":[\"square\"]}",
                    token)
                .header("Prefer", "respond-async"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    return JSON.readTree(started.body()).path("data").path("statusUrl").asString();
  }

  /**
   * How often a run is read: under the default 100 requests a minute per user, so that waiting
   * never meets the rate limit.
   */
  public static final Duration POLL = Duration.ofMillis(700);

  /** The run once it has ended (or as it is when {@code timeout} passes). */
  public JsonNode await(String statusUrl, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode run = read(statusUrl);
    while (!ENDED.contains(run.path("status").asString()) && System.nanoTime() < deadline) {
      Thread.sleep(POLL);
      run = read(statusUrl);
    }
    return run;
  }

  public JsonNode read(String statusUrl) throws Exception {
    HttpResponse<String> response = api.send("GET", statusUrl, null, token);
    if (response.statusCode() != 200) {
      // The database may be restarting under the test: report the run as still going.
      return JSON.readTree("{\"status\":\"unknown\"}");
    }
    return JSON.readTree(response.body()).path("data");
  }
}
