package dev.reelforge.app.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.RegisteredPipeline;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.SubmitRequest;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks through the real server and a local receiver: signed deliveries of one's own runs'
 * outcomes, a failed attempt retried with the same event id, a receiver that keeps failing ending
 * as failed in the log, and the address guard, event names and ownership at the edge.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.webhooks.poll-interval=100ms",
      "reelforge.webhooks.retry-backoff=200ms",
      "reelforge.webhooks.max-attempts=3",
      "reelforge.webhooks.trusted-addresses=127.0.0.1",
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.general-per-minute=100000"
    })
@Import(WebhooksApiTest.Pipelines.class)
class WebhooksApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static HttpServer receiver;

  /** What the receiver got, per path: headers of interest and the body. */
  private static final Map<String, List<Received>> RECEIVED = new ConcurrentHashMap<>();

  /** Statuses the receiver answers, per path, in turn; the last one repeats. */
  private static final Map<String, List<Integer>> ANSWERS = new ConcurrentHashMap<>();

  record Received(String signature, String event, String eventId, String body) {}

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;
  @Autowired JobService jobs;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "WebhooksApiTest");
  }

  @BeforeAll
  static void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          List<Received> got = RECEIVED.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>());
          got.add(
              new Received(
                  exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                  exchange.getRequestHeaders().getFirst("ReelForge-Event"),
                  exchange.getRequestHeaders().getFirst("ReelForge-Event-Id"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          List<Integer> answers = ANSWERS.getOrDefault(path, List.of(204));
          int status = answers.get(Math.min(got.size(), answers.size()) - 1);
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.stop(0);
  }

  @TestConfiguration
  static class Pipelines {
    @Bean
    RegisteredPipeline hooked() {
      return new RegisteredPipeline(
          PipelineDefinition.of("hooked", StageDefinition.of("only", "analysis")),
          Map.of(
              "only",
              ctx -> {
                if (ctx.inputs().contains("doomed")) {
                  throw new ReelForgeException(ErrorCode.RENDER_FAILED, "the encoder crashed")
                      .withRetryable(false);
                }
                return StageResult.completed("{}");
              }));
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
  }

  private JsonNode createWebhook(String token, String body) throws Exception {
    HttpResponse<String> created = new ApiCalls(port).send("POST", "/api/me/webhooks", body, token);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    return JSON.readTree(created.body()).path("data");
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(condition.getAsBoolean()).isTrue();
  }

  @Test
  void aRunsOutcomeIsDeliveredSignedAndAFailedAttemptIsRetriedWithTheSameEvent() throws Exception {
    UserAccount ada = TestUsers.create(context, "hook-ada", Role.CREATOR);
    UserAccount bob = TestUsers.create(context, "hook-bob", Role.CREATOR);
    String token = TestUsers.tokenOf(context, ada);
    ANSWERS.put("/ada", List.of(500, 204));
    JsonNode webhook = createWebhook(token, "{\"url\":\"" + url("/ada") + "\"}");
    String secret = webhook.path("secret").asString();
    assertThat(secret).startsWith("whsec_");
    assertThat(webhook.path("events").toString()).contains("run.succeeded", "run.failed");
    HttpResponse<String> listed = new ApiCalls(port).send("GET", "/api/me/webhooks", null, token);
    assertThat(listed.body()).contains(webhook.path("id").asString()).doesNotContain(secret);

    UUID bobs = jobs.submit(SubmitRequest.of(bob.id(), "hooked", "{}")).run().id();
    UUID adas = jobs.submit(SubmitRequest.of(ada.id(), "hooked", "{}")).run().id();
    await(() -> RECEIVED.getOrDefault("/ada", List.of()).size() >= 2);

    List<Received> got = RECEIVED.get("/ada");
    assertThat(got).extracting(Received::eventId).containsOnly(got.getFirst().eventId());
    Received last = got.getLast();
    assertThat(last.event()).isEqualTo("run.succeeded");
    JsonNode payload = JSON.readTree(last.body());
    assertThat(payload.path("runId").asString()).isEqualTo(adas.toString());
    assertThat(payload.path("type").asString()).isEqualTo("run.succeeded");
    assertThat(payload.path("id").asString()).isEqualTo(last.eventId());
    assertThat(last.body()).doesNotContain(bobs.toString());
    // The receiver's check, done as a receiver would, with the JDK's HMAC.
    String t = last.signature().replaceAll("^t=(\\d+),v1=.*$", "$1");
    assertThat(last.signature()).isEqualTo("t=" + t + ",v1=" + hmac(secret, t + "." + last.body()));
    assertThat(last.signature()).doesNotContain(hmac("whsec_other", t + "." + last.body()));

    String log = "/api/me/webhooks/" + webhook.path("id").asString() + "/deliveries";
    await(() -> deliveries(log, token).path(0).path("status").asString().equals("delivered"));
    JsonNode delivery = deliveries(log, token).path(0);
    assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
    assertThat(delivery.path("lastStatus").asInt()).isEqualTo(204);
    assertThat(delivery.path("runId").asString()).isEqualTo(adas.toString());
  }

  @Test
  void aReceiverThatKeepsFailingEndsFailedAfterTheLastAttempt() throws Exception {
    UserAccount cid = TestUsers.create(context, "hook-cid", Role.CREATOR);
    String token = TestUsers.tokenOf(context, cid);
    ANSWERS.put("/down", List.of(503));
    JsonNode webhook =
        createWebhook(token, "{\"url\":\"" + url("/down") + "\",\"events\":[\"run.failed\"]}");
    jobs.submit(SubmitRequest.of(cid.id(), "hooked", "{}")).run();
    jobs.submit(SubmitRequest.of(cid.id(), "hooked", "{\"k\":\"doomed\"}")).run();
    String log = "/api/me/webhooks/" + webhook.path("id").asString() + "/deliveries";
    await(() -> deliveries(log, token).path(0).path("status").asString().equals("failed"));
    JsonNode delivery = deliveries(log, token);
    assertThat(delivery).hasSize(1); // the succeeded run is not subscribed to
    assertThat(delivery.path(0).path("type").asString()).isEqualTo("run.failed");
    assertThat(delivery.path(0).path("attempts").asInt()).isEqualTo(3);
    assertThat(delivery.path(0).path("lastStatus").asInt()).isEqualTo(503);
    assertThat(RECEIVED.get("/down")).hasSize(3);
  }

  @Test
  void privateAddressesUnknownEventsAndOtherUsersWebhooksAreRefused() throws Exception {
    String token = TestUsers.token(context, "hook-dan", Role.CREATOR);
    ApiCalls api = new ApiCalls(port);
    for (String url :
        List.of(
            "http://10.1.2.3/hook",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/hook",
            "ftp://example.com/hook",
            "http://user:pass@example.com/hook")) {
      HttpResponse<String> refused =
          api.send("POST", "/api/me/webhooks", "{\"url\":\"" + url + "\"}", token);
      assertThat(refused.statusCode()).as(url + " " + refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains("INVALID_INPUT").contains("url");
    }
    HttpResponse<String> unknown =
        api.send(
            "POST",
            "/api/me/webhooks",
            "{\"url\":\"" + url("/x") + "\",\"events\":[\"run.exploded\"]}",
            token);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("events");

    String eve = TestUsers.token(context, "hook-eve", Role.CREATOR);
    String eves = createWebhook(eve, "{\"url\":\"" + url("/eve") + "\"}").path("id").asString();
    assertThat(api.send("DELETE", "/api/me/webhooks/" + eves, null, token).statusCode())
        .isEqualTo(404);
    assertThat(
            api.send("GET", "/api/me/webhooks/" + eves + "/deliveries", null, token).statusCode())
        .isEqualTo(404);
    assertThat(api.send("DELETE", "/api/me/webhooks/" + eves, null, eve).statusCode())
        .isEqualTo(200);
    String viewer = TestUsers.token(context, "hook-viewer", Role.VIEWER);
    assertThat(
            api.send("POST", "/api/me/webhooks", "{\"url\":\"" + url("/v") + "\"}", viewer)
                .statusCode())
        .isEqualTo(403);
  }

  private static String hmac(String secret, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  private JsonNode deliveries(String path, String token) {
    try {
      HttpResponse<String> response = new ApiCalls(port).send("GET", path, null, token);
      return JSON.readTree(response.body()).path("data").path("deliveries");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
