package dev.reelforge.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.RegisteredPipeline;
import dev.reelforge.core.jobs.api.ReviewSignal;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.SubmitRequest;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.postgres.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live events and the runs API through the real server: a run's stream caught up and followed to
 * its end, a reconnect with Last-Event-ID that loses and repeats nothing, per-user streams that
 * carry only one's own runs (an operator's: all), events produced by another instance, the stream
 * limit, and the runs list, retry from the failed stage and dead letters.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.events.poll-interval=50ms",
      "reelforge.events.heartbeat=300ms",
      "reelforge.events.max-streams-per-user=3",
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.general-per-minute=100000",
      "reelforge.limits.render-per-minute=100000"
    })
@Import(RunEventsApiTest.Pipelines.class)
class RunEventsApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** Runs whose "hold" stage waits for the test; keyed by the run's inputs. */
  static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();

  /** Inputs whose "finish" stage fails while present. */
  static final Map<String, Boolean> FAILING = new ConcurrentHashMap<>();

  private static TestDatabase database;

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;
  @Autowired JobService jobs;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    database = AppTestDatabase.register(registry, "RunEventsApiTest");
  }

  @TestConfiguration
  static class Pipelines {
    @Bean
    RegisteredPipeline steps() {
      return new RegisteredPipeline(
          PipelineDefinition.of(
              "steps",
              StageDefinition.of("hold", "analysis"),
              StageDefinition.of("finish", "analysis").after("hold")),
          Map.of(
              "hold",
              ctx -> {
                ctx.progress(0.5, "halfway");
                CountDownLatch gate = GATES.get(nameOf(ctx.inputs()));
                if (gate != null && !gate.await(30, TimeUnit.SECONDS)) {
                  throw new IllegalStateException("the test never opened the gate");
                }
                return StageResult.completed("{\"held\":true}");
              },
              "finish",
              ctx -> {
                if (FAILING.containsKey(nameOf(ctx.inputs()))) {
                  throw new ReelForgeException(ErrorCode.RENDER_FAILED, "the encoder crashed")
                      .withRetryable(false);
                }
                return StageResult.completed("{\"video\":\"out.mp4\"}");
              }));
    }

    /** A run whose "propose" stage waits for a person: approve keeps it, change re-proposes. */
    @Bean
    RegisteredPipeline reviewed() {
      return new RegisteredPipeline(
          PipelineDefinition.of(
              "reviewed",
              StageDefinition.of("propose", "analysis"),
              StageDefinition.of("publish", "analysis").after("propose")),
          Map.of(
              "propose",
              ctx ->
                  StageResult.awaitReview(
                      ctx.reviewSignal()
                          .flatMap(ReviewSignal::payload)
                          .map(change -> "{\"changed\":true}")
                          .orElse("{\"scenes\":3}")),
              "publish",
              ctx -> StageResult.completed(ctx.dependencyOutputs().get("propose"))));
    }
  }

  @Test
  void theOwnerAndAnOperatorAnswerAReviewThroughTheApiAndTheRunGoesOn() throws Exception {
    UserAccount owner = TestUsers.create(context, "review-owner", Role.CREATOR);
    String ownerToken = TestUsers.tokenOf(context, owner);
    String operator = TestUsers.token(context, "review-operator", Role.OPERATOR);
    String stranger = TestUsers.token(context, "review-stranger", Role.CREATOR);
    UUID run = jobs.submit(SubmitRequest.of(owner.id(), "reviewed", "{}")).run().id();
    awaitStatus(run, RunStatus.AWAITING_REVIEW);
    ApiCalls api = new ApiCalls(port);
    String path = "/api/runs/" + run + "/review";
    assertThat(
            api.status("POST", path, "{\"stage\":\"propose\",\"decision\":\"approve\"}", stranger))
        .as("another creator's run is not there for them")
        .isEqualTo(404);
    assertThat(
            api.status(
                "POST", path, "{\"stage\":\"publish\",\"decision\":\"approve\"}", ownerToken))
        .as("the owner reviews, but only a stage that waits")
        .isEqualTo(409);
    assertThat(
            api.status("POST", path, "{\"stage\":\"publish\",\"decision\":\"approve\"}", operator))
        .as("a stage that does not wait")
        .isEqualTo(409);
    assertThat(
            api.status("POST", path, "{\"stage\":\"propose\",\"decision\":\"change\"}", operator))
        .as("a change must say what")
        .isEqualTo(400);
    assertThat(api.status("POST", path, "{\"stage\":\"propose\",\"decision\":\"maybe\"}", operator))
        .isEqualTo(400);
    assertThat(
            api.status(
                "POST",
                path,
                "{\"stage\":\"propose\",\"decision\":\"change\",\"payload\":\"fewer scenes\"}",
                operator))
        .isEqualTo(200);
    long deadline = System.nanoTime() + WAIT.toNanos();
    // The change runs the stage again, which proposes anew and waits once more.
    while (jobs.events(run, 0, 1000).stream()
                .filter(e -> e.type().equals("stage.awaiting_review"))
                .count()
            < 2
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(
            api.status(
                "POST", path, "{\"stage\":\"propose\",\"decision\":\"approve\"}", ownerToken))
        .as("the owner approves their own run")
        .isEqualTo(200);
    awaitStatus(run, RunStatus.SUCCEEDED);
    assertThat(jobs.run(run).artifacts()).contains("changed");
    assertThat(
            new ApiCalls(port)
                .send(
                    "GET",
                    "/api/admin/audit?targetType=run&targetId=" + run,
                    null,
                    TestUsers.token(context, "review-admin", Role.ADMIN))
                .body())
        .contains("run.review", "review-owner");
  }

  @Test
  void aViewerMayNotReviewEvenTheirOwnRun() throws Exception {
    UserAccount viewer = TestUsers.create(context, "review-viewer", Role.VIEWER);
    UUID run = jobs.submit(SubmitRequest.of(viewer.id(), "reviewed", "{}")).run().id();
    awaitStatus(run, RunStatus.AWAITING_REVIEW);
    assertThat(
            new ApiCalls(port)
                .status(
                    "POST",
                    "/api/runs/" + run + "/review",
                    "{\"stage\":\"propose\",\"decision\":\"approve\"}",
                    TestUsers.tokenOf(context, viewer)))
        .as("a viewer may not start work, so may not review it")
        .isEqualTo(403);
    jobs.cancel(run, "test");
  }

  private UUID submit(UserAccount owner, String name) {
    return jobs.submit(SubmitRequest.of(owner.id(), "steps", "{\"n\":\"" + name + "\"}"))
        .run()
        .id();
  }

  /** The name a run was submitted with (the stored inputs are reformatted JSON). */
  static String nameOf(String inputs) {
    return JSON.readTree(inputs).path("n").asString();
  }

  private void awaitStatus(UUID run, RunStatus status) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (jobs.run(run).status() != status && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(jobs.run(run).status()).isEqualTo(status);
  }

  private static String inputs(String name) {
    return name + "-" + UUID.randomUUID();
  }

  private static List<String> types(List<SseClient.Event> events) {
    return events.stream().map(e -> JSON.readTree(e.data()).path("type").asString()).toList();
  }

  @Test
  void aRunsStreamCatchesUpFollowsLiveAndEndsWithTheRun() throws Exception {
    UserAccount ada = TestUsers.create(context, "stream-ada", Role.CREATOR);
    String token = TestUsers.tokenOf(context, ada);
    String held = inputs("live");
    CountDownLatch gate = new CountDownLatch(1);
    GATES.put(held, gate);
    UUID run = submit(ada, held);

    try (SseClient stream = SseClient.open(port, "/api/runs/" + run + "/events", token, null)) {
      assertThat(stream.status).isEqualTo(200);
      List<SseClient.Event> first = stream.until("\"progress\"", WAIT);
      assertThat(types(first)).startsWith("run.queued").endsWith("progress");
      JsonNode progress = JSON.readTree(first.getLast().data());
      assertThat(progress.path("runId").asString()).isEqualTo(run.toString());
      assertThat(progress.path("kind").asString()).isEqualTo("steps");
      assertThat(progress.path("stage").asString()).isEqualTo("hold");
      assertThat(progress.path("data").path("progress").asDouble()).isEqualTo(0.5);
      assertThat(progress.path("id").asString()).isEqualTo(first.getLast().id());

      // Quiet while the stage is held: heartbeats keep the connection alive.
      Thread.sleep(800);
      assertThat(stream.comments).isGreaterThanOrEqualTo(2);

      gate.countDown();
      List<SseClient.Event> rest = stream.until("run.succeeded", WAIT);
      assertThat(types(rest)).contains("stage.completed").endsWith("run.succeeded");
      assertThat(stream.endsWithin(WAIT)).as("the stream ends with the run").isTrue();

      List<String> ids = new ArrayList<>();
      first.forEach(e -> ids.add(e.id()));
      rest.forEach(e -> ids.add(e.id()));
      assertThat(ids).doesNotHaveDuplicates();
    }

    // The run's page shows stages, artifacts and no error.
    JsonNode page = get("/api/runs/" + run, token).path("data");
    assertThat(page.path("status").asString()).isEqualTo("succeeded");
    assertThat(page.path("tasks")).hasSize(2);
    assertThat(page.path("artifacts").path("finish").path("video").asString()).isEqualTo("out.mp4");
  }

  @Test
  void aReconnectWithLastEventIdGetsEveryMissedEventOnce() throws Exception {
    UserAccount bea = TestUsers.create(context, "stream-bea", Role.CREATOR);
    String token = TestUsers.tokenOf(context, bea);
    String held = inputs("reconnect");
    CountDownLatch gate = new CountDownLatch(1);
    GATES.put(held, gate);
    UUID run = submit(bea, held);

    String lastSeen;
    List<SseClient.Event> before;
    try (SseClient stream = SseClient.open(port, "/api/runs/" + run + "/events", token, null)) {
      before = stream.until("\"progress\"", WAIT);
      lastSeen = before.getLast().id();
    }
    // Everything after the drop happens while no one listens.
    gate.countDown();
    awaitStatus(run, RunStatus.SUCCEEDED);

    try (SseClient again = SseClient.open(port, "/api/runs/" + run + "/events", token, lastSeen)) {
      List<SseClient.Event> missed = again.until("run.succeeded", WAIT);
      try (SseClient whole = SseClient.open(port, "/api/runs/" + run + "/events", token, null)) {
        List<SseClient.Event> all = whole.until("run.succeeded", WAIT);
        List<SseClient.Event> joined = new ArrayList<>(before);
        joined.addAll(missed);
        assertThat(joined).isEqualTo(all);
      }
    }
    try (SseClient bad = SseClient.open(port, "/api/runs/" + run + "/events", token, "yesterday")) {
      assertThat(bad.status).isEqualTo(400);
      assertThat(bad.errorBody).contains("INVALID_INPUT").contains("Last-Event-ID");
    }
  }

  @Test
  void userStreamsCarryOnlyOnesOwnRunsOperatorsSeeAllEvenFromAnotherInstance() throws Exception {
    UserAccount cid = TestUsers.create(context, "stream-cid", Role.CREATOR);
    UserAccount dan = TestUsers.create(context, "stream-dan", Role.CREATOR);
    String operator = TestUsers.token(context, "stream-op", Role.OPERATOR);
    try (SseClient cids =
            SseClient.open(port, "/api/events", TestUsers.tokenOf(context, cid), null);
        SseClient ops = SseClient.open(port, "/api/events", operator, null);
        ConfigurableApplicationContext other =
            AppTestDatabase.secondInstance(
                database, Map.of("reelforge.jobs.poll-interval", "100ms"), Pipelines.class)) {
      assertThat(cids.status).isEqualTo(200);
      // Dan's run is submitted on the other instance, then Cid's here.
      UUID dans =
          other
              .getBean(JobService.class)
              .submit(SubmitRequest.of(dan.id(), "steps", "{\"n\":\"other\"}"))
              .run()
              .id();
      UUID cidsRun = submit(cid, inputs("mine"));
      awaitStatus(cidsRun, RunStatus.SUCCEEDED);
      awaitStatus(dans, RunStatus.SUCCEEDED);

      List<SseClient.Event> mine =
          cids.until(cidsRun + "\",\"kind\":\"steps\",\"type\":\"run.succeeded", WAIT);
      assertThat(mine).isNotEmpty();
      assertThat(mine)
          .allSatisfy(
              e ->
                  assertThat(e.data())
                      .contains(cidsRun.toString())
                      .doesNotContain(dans.toString()));
      List<SseClient.Event> seen = new ArrayList<>(ops.until("\"type\":\"run.succeeded\"", WAIT));
      seen.addAll(ops.until("\"type\":\"run.succeeded\"", WAIT));
      assertThat(seen).anyMatch(e -> e.data().contains(dans.toString()));
      assertThat(seen).anyMatch(e -> e.data().contains(cidsRun.toString()));
    }
  }

  @Test
  void anotherUsersRunStreamIsA404AndStreamsAreLimitedPerUser() throws Exception {
    UserAccount eve = TestUsers.create(context, "stream-eve", Role.CREATOR);
    String mallory = TestUsers.token(context, "stream-mallory", Role.CREATOR);
    UUID run = submit(eve, inputs("private"));
    try (SseClient notYours = SseClient.open(port, "/api/runs/" + run + "/events", mallory, null)) {
      assertThat(notYours.status).isEqualTo(404);
      assertThat(notYours.errorBody).contains("RESOURCE_NOT_FOUND");
    }

    List<SseClient> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        open.add(SseClient.open(port, "/api/events", mallory, null));
        assertThat(open.getLast().status).isEqualTo(200);
      }
      try (SseClient fourth = SseClient.open(port, "/api/events", mallory, null)) {
        assertThat(fourth.status).isEqualTo(429);
        assertThat(fourth.errorBody).contains("RATE_LIMIT_EXCEEDED").contains("event streams");
        assertThat(fourth.headers.firstValue("Retry-After")).isPresent();
      }
    } finally {
      for (SseClient client : open) {
        client.close();
      }
    }
    // Closed streams free their places.
    long deadline = System.nanoTime() + WAIT.toNanos();
    int status = 0;
    while (System.nanoTime() < deadline && status != 200) {
      try (SseClient again = SseClient.open(port, "/api/events", mallory, null)) {
        status = again.status;
      }
      Thread.sleep(100);
    }
    assertThat(status).isEqualTo(200);
  }

  @Test
  void runsAreListedFilteredAndPagedAndAFailedRunIsRetriedFromItsFailedStage() throws Exception {
    UserAccount fay = TestUsers.create(context, "runs-fay", Role.CREATOR);
    String token = TestUsers.tokenOf(context, fay);
    String doomed = inputs("doomed");
    FAILING.put(doomed, true);
    UUID failed = submit(fay, doomed);
    UUID ok1 = submit(fay, inputs("ok1"));
    UUID ok2 = submit(fay, inputs("ok2"));
    awaitStatus(failed, RunStatus.FAILED);
    awaitStatus(ok1, RunStatus.SUCCEEDED);
    awaitStatus(ok2, RunStatus.SUCCEEDED);

    JsonNode page1 = get("/api/runs?limit=2", token).path("data");
    assertThat(page1.path("runs")).hasSize(2);
    assertThat(page1.path("runs").get(0).path("id").asString()).isEqualTo(ok2.toString());
    JsonNode page2 = get("/api/runs?limit=2&before=" + page1.path("next").asString(), token);
    assertThat(page2.path("data").path("runs").get(0).path("id").asString())
        .isEqualTo(failed.toString());
    JsonNode failedOnly = get("/api/runs?state=failed&kind=steps", token).path("data");
    assertThat(failedOnly.path("runs")).hasSize(1);
    assertThat(failedOnly.path("runs").get(0).path("errorCode").asString())
        .isEqualTo("RENDER_FAILED");
    ApiCalls api = new ApiCalls(port);
    assertThat(api.send("GET", "/api/runs?state=lost", null, token).statusCode()).isEqualTo(400);
    assertThat(api.send("GET", "/api/runs?limit=0", null, token).statusCode()).isEqualTo(400);
    assertThat(api.send("GET", "/api/runs?scope=all", null, token).statusCode()).isEqualTo(403);

    // An operator sees the dead task; the owner retries the failed stage, which now works.
    String operator = TestUsers.token(context, "runs-op", Role.OPERATOR);
    JsonNode dead = get("/api/admin/dead-letters?queue=analysis", operator).path("data");
    assertThat(dead.path("tasks").findValuesAsString("runId")).contains(failed.toString());
    assertThat(api.send("GET", "/api/admin/dead-letters", null, token).statusCode()).isEqualTo(403);
    FAILING.remove(doomed);
    HttpResponse<String> retried = api.send("POST", "/api/runs/" + failed + "/retry", "{}", token);
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
    assertThat(retried.body()).contains("finish");
    awaitStatus(failed, RunStatus.SUCCEEDED);
    HttpResponse<String> again = api.send("POST", "/api/runs/" + failed + "/retry", "{}", token);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(
            get("/api/runs?scope=all&limit=200", operator)
                .path("data")
                .path("runs")
                .findValuesAsString("id"))
        .contains(failed.toString(), ok1.toString());
  }

  @Test
  void theWebSocketCarriesTheSameEventsAndKeepsOthersOut() throws Exception {
    UserAccount gil = TestUsers.create(context, "socket-gil", Role.CREATOR);
    String token = TestUsers.tokenOf(context, gil);
    String held = inputs("socket");
    CountDownLatch gate = new CountDownLatch(1);
    GATES.put(held, gate);
    UUID run = submit(gil, held);

    SocketClient socket = SocketClient.open(port, "?run=" + run, token);
    List<String> first = socket.until("\"progress\"", WAIT);
    gate.countDown();
    List<String> rest = socket.until("run.succeeded", WAIT);
    assertThat(socket.closeCode(WAIT)).isEqualTo(1000);
    List<String> all = new ArrayList<>(first);
    all.addAll(rest);
    try (SseClient sse = SseClient.open(port, "/api/runs/" + run + "/events", token, null)) {
      List<String> viaSse =
          sse.until("run.succeeded", WAIT).stream().map(SseClient.Event::data).toList();
      assertThat(all).isEqualTo(viaSse);
    }

    String mallory = TestUsers.token(context, "socket-mallory", Role.CREATOR);
    assertThat(SocketClient.open(port, "?run=" + run, mallory).closeCode(WAIT))
        .isEqualTo(EventSocket.NOT_FOUND);
    assertThat(SocketClient.refusedStatus(port, "?run=" + run)).isEqualTo(401);

    // Sockets count against the same per-user limit as SSE streams.
    String many = TestUsers.token(context, "socket-many", Role.CREATOR);
    for (int i = 0; i < 2; i++) {
      SocketClient.open(port, "", many);
    }
    try (SseClient third = SseClient.open(port, "/api/events", many, null)) {
      assertThat(third.status).isEqualTo(200);
      assertThat(SocketClient.open(port, "", many).closeCode(WAIT)).isEqualTo(4429);
    }
  }

  private JsonNode get(String path, String token) throws Exception {
    HttpResponse<String> response = new ApiCalls(port).send("GET", path, null, token);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
