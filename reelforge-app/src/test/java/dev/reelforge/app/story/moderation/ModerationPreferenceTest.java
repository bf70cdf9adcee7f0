package dev.reelforge.app.story.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.moderation.ModerationPreferences;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each user's own moderation preset, through the real application and PostgreSQL: a user in kids
 * mode has a run held that another user's identical run passes; the run's own choice wins over the
 * user's; names are checked; only the user, or an admin by the admin route (audited), sets it; and
 * erasing the user takes it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.limits.ai-per-minute=10000",
      "reelforge.limits.render-per-minute=10000",
      "reelforge.limits.preview-per-minute=10000",
      "reelforge.limits.general-per-minute=100000"
    })
class ModerationPreferenceTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path ROOT = tempRoot();

  /** "idiot" is LOW harassment in the offline rules: noted by default, held in kids mode. */
  private static final List<String> MILD =
      List.of("The octopus is no idiot.", "It has three hearts.", "It sees with its skin.");

  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;
  @Autowired ModerationPreferences preferences;
  @Autowired DataSource dataSource;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "ModerationPreferenceTest");
    registry.add("reelforge.storage.local-root", () -> ROOT.resolve("blobs").toString());
    registry.add("reelforge.media.render-work-dir", () -> ROOT.resolve("render").toString());
  }

  private static Path tempRoot() {
    try {
      return Files.createTempDirectory("moderation-preference-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aUserInKidsModeHasARunHeldThatAnotherUsersIdenticalRunPasses() throws Exception {
    String kids = TestUsers.token(context, "pref-kids", Role.CREATOR);
    String grownUp = TestUsers.token(context, "pref-grown-up", Role.CREATOR);
    String operator = TestUsers.token(context, "pref-operator", Role.OPERATOR);

    JsonNode set =
        send(put("/api/me/moderation", "{\"preset\":\"kids\",\"regions\":[\"DE\"]}", kids), 200);
    assertThat(set.path("data").path("preset").asString()).isEqualTo("kids");
    assertThat(set.path("data").path("regions").toString()).isEqualTo("[\"de\"]");
    assertThat(set.path("data").path("source").asString()).isEqualTo("user");
    assertThat(send(get("/api/me/moderation", grownUp), 200).path("data").path("source").asString())
        .isEqualTo("server default");

    String held = finalize(session(MILD, kids), "", kids);
    String passed = finalize(session(MILD, grownUp), "", grownUp);
    assertThat(awaitSettled(held, operator).path("status").asString()).isEqualTo("awaiting_review");
    assertThat(awaitSettled(passed, operator).path("status").asString()).isEqualTo("succeeded");

    // The run's own choice wins over the user's.
    String own = finalize(session(MILD, kids), ",\"moderation\":{\"preset\":\"default\"}", kids);
    assertThat(awaitSettled(own, operator).path("status").asString()).isEqualTo("succeeded");

    // Back to the server default: the same script passes.
    JsonNode cleared = send(delete("/api/me/moderation", kids), 200);
    assertThat(cleared.path("data").path("source").asString()).isEqualTo("server default");
    assertThat(cleared.path("data").path("preset").asString()).isEqualTo("default");
    String afterwards = finalize(session(MILD, kids), "", kids);
    assertThat(awaitSettled(afterwards, operator).path("status").asString()).isEqualTo("succeeded");
  }

  @Test
  void unknownNamesAreFieldErrors() throws Exception {
    String viewer = TestUsers.token(context, "pref-viewer", Role.VIEWER);
    assertThat(send(put("/api/me/moderation", "{\"preset\":\"strict\"}", viewer), 400).toString())
        .contains("\"preset\"");
    assertThat(send(put("/api/me/moderation", "{\"regions\":[\"de\"]}", viewer), 400).toString())
        .contains("\"preset\"");
    JsonNode region =
        send(
            put("/api/me/moderation", "{\"preset\":\"kids\",\"regions\":[\"de\",\"zz\"]}", viewer),
            400);
    assertThat(region.toString()).contains("regions[1]");
    assertThat(send(get("/api/me/moderation", viewer), 200).path("data").path("source").asString())
        .as("nothing was stored")
        .isEqualTo("server default");
    // A viewer may choose their own.
    send(put("/api/me/moderation", "{\"preset\":\"kids\"}", viewer), 200);
  }

  @Test
  void onlyAnAdminSetsAnothersByTheAdminRouteAndItIsAudited() throws Exception {
    UserAccount channel = TestUsers.create(context, "pref-channel", Role.CREATOR);
    String channelToken = TestUsers.tokenOf(context, channel);
    String creator = TestUsers.token(context, "pref-stranger", Role.CREATOR);
    String operator = TestUsers.token(context, "pref-ops", Role.OPERATOR);
    String admin = TestUsers.token(context, "pref-admin", Role.ADMIN);
    String route = "/api/admin/users/" + channel.id() + "/moderation";

    send(put(route, "{\"preset\":\"kids\"}", creator), 403);
    send(put(route, "{\"preset\":\"kids\"}", operator), 403);
    // One's own route is one's own: the stranger's choice changes nothing of the channel's.
    send(put("/api/me/moderation", "{\"preset\":\"default\",\"regions\":[\"fr\"]}", creator), 200);
    assertThat(preferences.of(channel.id())).isEmpty();

    JsonNode set = send(put(route, "{\"preset\":\"kids\"}", admin), 200);
    assertThat(set.path("data").path("id").asString()).isEqualTo(channel.id().toString());
    JsonNode mine = send(get("/api/me/moderation", channelToken), 200).path("data");
    assertThat(mine.path("preset").asString()).isEqualTo("kids");
    assertThat(mine.path("source").asString()).isEqualTo("user");
    JsonNode audit =
        send(get("/api/admin/audit?targetType=user&targetId=" + channel.id(), admin), 200);
    assertThat(audit.path("data").toString())
        .contains("user.moderation")
        .contains("\"preset\":\"kids\"");

    send(
        put(
            "/api/admin/users/" + java.util.UUID.randomUUID() + "/moderation",
            "{\"preset\":\"kids\"}",
            admin),
        404);
    assertThat(send(put(route, "{\"preset\":\"nope\"}", admin), 400).toString())
        .contains("\"preset\"");

    // The admins' users page shows and sets it too, audited the same way.
    HttpResponse<String> refused =
        http.send(
            form("/ui/admin/users/" + channel.id() + "/moderation", "preset=kids", creator),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(403);
    HttpResponse<String> byPage =
        http.send(
            form(
                "/ui/admin/users/" + channel.id() + "/moderation",
                "preset=default&regions=de,+AT",
                admin),
            HttpResponse.BodyHandlers.ofString());
    assertThat(byPage.statusCode()).isEqualTo(302);
    assertThat(
            http.send(get("/ui/admin/users", admin), HttpResponse.BodyHandlers.ofString()).body())
        .contains("default+de+at (user)");
    assertThat(preferences.of(channel.id()).orElseThrow().regions()).containsExactly("de", "at");

    // Erasing the user takes the row.
    send(delete("/api/admin/users/" + channel.id(), admin), 200);
    assertThat(preferences.of(channel.id())).isEmpty();
    assertThat(
            JdbcClient.create(dataSource)
                .sql("select count(*) from moderation_preference where owner_id = :id")
                .param("id", channel.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theAccountPageShowsAndSetsOnesOwn() throws Exception {
    String viewer = TestUsers.token(context, "pref-page", Role.VIEWER);
    assertThat(
            http.send(get("/ui/account/moderation", viewer), HttpResponse.BodyHandlers.ofString())
                .body())
        .contains("(the server default)")
        .contains("moderation-region-de");
    HttpResponse<String> saved =
        http.send(
            form("preset=kids&regions=de&action=save", viewer),
            HttpResponse.BodyHandlers.ofString());
    assertThat(saved.statusCode()).isEqualTo(302);
    String page =
        http.send(get("/ui/account/moderation?saved", viewer), HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(page).contains("(your choice)").contains("<strong>kids</strong><span> + de</span>");
    HttpResponse<String> bad =
        http.send(form("preset=kids&regions=zz", viewer), HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("id=\"error-regions\"");
    http.send(form("action=reset", viewer), HttpResponse.BodyHandlers.ofString());
    assertThat(send(get("/api/me/moderation", viewer), 200).path("data").path("source").asString())
        .isEqualTo("server default");
  }

  private HttpRequest form(String body, String token) {
    return form("/ui/account/moderation", body, token);
  }

  private HttpRequest form(String path, String body, String token) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private String session(List<String> sentences, String token) throws Exception {
    String id =
        send(
                post(
                    "/api/story/start",
                    "{\"input\":\"Octopus facts\",\"inputType\":\"idea\"}",
                    token),
                200)
            .path("data")
            .path("id")
            .asString();
    send(post("/api/story/generate", "{\"sessionId\":\"" + id + "\"}", token), 200);
    send(
        post(
            "/api/story/update-script",
            "{\"sessionId\":\""
                + id
                + "\",\"sentences\":"
                + JSON.writeValueAsString(sentences)
                + "}",
            token),
        200);
    return id;
  }

  /** Starts the session's run asynchronously; {@code extra} adds fields to the request. */
  private String finalize(String sessionId, String extra, String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/story/finalize"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Prefer", "respond-async")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"sessionId\":\"" + sessionId + "\"" + extra + "}"))
            .build();
    return send(request, 202).path("data").path("runId").asString();
  }

  /** The run once it has ended or waits for review. */
  private JsonNode awaitSettled(String runId, String token) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      JsonNode run = send(get("/api/runs/" + runId, token), 200).path("data");
      String status = run.path("status").asString();
      if (List.of("succeeded", "failed", "cancelled", "awaiting_review").contains(status)
          || System.nanoTime() > deadline) {
        return run;
      }
      Thread.sleep(200);
    }
  }

  private HttpRequest.Builder request(String path, String token) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofMinutes(2));
  }

  private HttpRequest post(String path, String body, String token) {
    return request(path, token).POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private HttpRequest put(String path, String body, String token) {
    return request(path, token).PUT(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private HttpRequest delete(String path, String token) {
    return request(path, token).DELETE().build();
  }

  private HttpRequest get(String path, String token) {
    return request(path, token).GET().build();
  }

  private JsonNode send(HttpRequest request, int status) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(request.uri() + " → " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
