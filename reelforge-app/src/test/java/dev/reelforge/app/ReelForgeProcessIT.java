package dev.reelforge.app;

import static dev.reelforge.app.ProcessClient.field;
import static dev.reelforge.app.ProcessClient.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.publish.Platform;
import dev.reelforge.testkit.TempDirs;
import dev.reelforge.testkit.publish.stub.OAuthStub;
import dev.reelforge.testkit.publish.stub.YouTubeStub;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged jar as separate processes, exactly as {@code ./reelforge} does: the embedded
 * database is created, reused across restarts and stopped with the app; bad settings end the
 * process with one line and a non-zero exit code.
 */
class ReelForgeProcessIT {

  private static final Path JAR =
      Path.of(System.getProperty("reelforge.jar", "target/reelforge.jar"));
  private static final Pattern EMBEDDED_PORT =
      Pattern.compile("embedded PostgreSQL running on 127\\.0\\.0\\.1:(\\d+)");

  private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password: (\\S+)");

  private final HttpClient http = HttpClient.newHttpClient();
  private final ProcessClient client = new ProcessClient();
  private Path workDir;
  private String token = "";

  @BeforeEach
  void createWorkDir() {
    // World-searchable, so that the embedded server can run as an unprivileged user under root.
    workDir = TempDirs.worldSearchable("rf-process");
  }

  @AfterEach
  void deleteWorkDir() {
    TempDirs.deleteTree(workDir);
  }

  @Test
  void serveStartsAnEmbeddedDatabaseAndReusesItOnTheNextStart() throws Exception {
    int port = freePort();
    Started first = serve(port);
    assertThat(health(port)).contains("\"status\":\"ok\"").contains("\"embedded\":true");
    assertThat(first.output()).contains("initialising a new embedded PostgreSQL cluster");
    stop(first);
    assertThat(workDir.resolve("data/postgres/PG_VERSION")).exists();
    assertThat(workDir.resolve("data/postgres/postmaster.pid"))
        .as("the embedded server stops with the app")
        .doesNotExist();

    Started second = serve(port);
    try {
      assertThat(health(port)).contains("\"status\":\"ok\"");
      assertThat(second.output()).doesNotContain("initialising a new embedded PostgreSQL cluster");
      // Both starts are recorded in the same database, the first one as cleanly stopped.
      List<Boolean> stopped = nodesStopped(second.output());
      assertThat(stopped).containsExactly(false, true);
    } finally {
      stop(second);
    }
  }

  @Test
  void anInvalidPortEndsWithOneLine() throws Exception {
    Finished run = run(List.of("serve", "--port", "99999"), Map.of());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr().strip().lines()).hasSize(1);
    assertThat(run.stderr())
        .startsWith("reelforge: invalid setting reelforge.server.port = '99999'");
    assertThat(run.stdout() + run.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void anUnreachableDatabaseFromTheEnvironmentEndsWithOneLine() throws Exception {
    Finished run =
        run(
            List.of("serve", "--port", "0"),
            Map.of("REELFORGE_DATABASE_URL", "postgresql://reel:secret@127.0.0.1:1/reelforge"));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr().strip().lines()).hasSize(1);
    assertThat(run.stderr())
        .startsWith("reelforge: cannot connect to the database at jdbc:postgresql://127.0.0.1:1/")
        .doesNotContain("secret");
    assertThat(run.stdout() + run.stderr()).doesNotContain("\tat ");
  }

  @Test
  void doctorAndVersionWorkFromTheJar() throws Exception {
    Finished version = run(List.of("version"), Map.of());
    assertThat(version.exitCode()).isZero();
    assertThat(version.stdout()).startsWith("ReelForge ");

    Finished doctor = run(List.of("doctor"), Map.of());
    assertThat(doctor.exitCode()).as(doctor.stdout() + doctor.stderr()).isZero();
    assertThat(doctor.stdout())
        .containsPattern("ok +database +PostgreSQL 17")
        .containsPattern("ok +FFmpeg")
        .contains("Everything required works");
  }

  @Test
  void aStoryRunKilledMidRenderFinishesAfterARestartWithoutRedoingFinishedStages()
      throws Exception {
    int port = freePort();
    // Short leases, so that the restarted node reclaims the killed node's render within seconds;
    // not shorter, or a busy machine (CI's two cores) lets a live task's lease lapse between two
    // heartbeats and a stage before the kill runs twice.
    List<String> quickLeases =
        List.of(
            "--reelforge.jobs.lease=10s",
            "--reelforge.jobs.heartbeat-interval=1s",
            "--reelforge.jobs.reaper-interval=1s",
            // The test polls status every 100 ms to catch the render: above the default 100
            // requests a minute, and rate-limit windows outlive the restart (they are shared).
            "--reelforge.limits.general-per-minute=100000");
    Started first = serve(port, quickLeases);
    String sessionId;
    String statusUrl;
    String beforeKill;
    String firstNodeLog;
    try {
      token = client.signIn(port, "admin", oneTimePassword(first));
      sessionId =
          field(
              post(
                  port,
                  "/api/story/manual",
                  "{\"scriptText\":\"Honey never spoils.\\nArchaeologists found honey in"
                      + " tombs.\\nIt was three thousand years old.\\nAnd still good to"
                      + " eat.\"}",
                  Map.of()),
              "\"id\":\"");
      statusUrl =
          field(
              post(
                  port,
                  "/api/story/finalize",
                  "{\"sessionId\":\"" + sessionId + "\"}",
                  Map.of("Prefer", "respond-async")),
              "\"statusUrl\":\"");
      beforeKill =
          awaitStatus(
              port,
              statusUrl,
              Pattern.compile("\"stage\":\"render-vertical\",\"status\":\"running\""),
              Duration.ofSeconds(120));
    } finally {
      first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no lease released
      assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    firstNodeLog = first.output();

    Started second = serve(port, quickLeases);
    try {
      String run =
          awaitStatus(
              port,
              statusUrl,
              Pattern.compile("\"kind\":\"story\",\"status\":\"(succeeded|failed|cancelled)\""),
              Duration.ofSeconds(180));
      assertThat(run).as(run).contains("\"status\":\"succeeded\"");
      // The stages finished before the kill did not run again on the new node: the attempt and
      // the completion time each had at the kill stand. (A stage may take two attempts on the
      // first node — a transient failure it retried — which is not what this test is about.)
      for (String stage : List.of("script", "storyboard", "voice", "visuals", "captions")) {
        String atKill = taskOf(beforeKill, stage);
        assertThat(atKill).as(stage + " had finished before the kill").contains("\"succeeded\"");
        assertThat(taskOf(run, stage))
            .as(stage + " after the restart; first node's log:\n" + tail(firstNodeLog))
            .isEqualTo(atKill);
      }
      assertThat(run).containsPattern("\"stage\":\"render-vertical\"[^}]*\"attempt\":[2-9],");
      String story = client.renderedSession(port, token, sessionId);
      String videoUrl = field(story.substring(story.indexOf("\"finalVideo\"")), "\"url\":\"");
      HttpResponse<byte[]> video = client.download(port, token, videoUrl);
      assertThat(video.statusCode()).isEqualTo(200);
      assertThat(new String(video.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    } finally {
      stop(second);
    }
  }

  /**
   * Issue 27's kill test: a server SIGKILLed while it uploads to YouTube (a slow uplink: each chunk
   * takes a moment) is restarted on the same database; the upload resumes the same resumable
   * session from the bytes YouTube holds, and the stub ends with exactly one video, whole. The
   * account is connected through the OAuth code flow against the platforms' OAuth stub.
   */
  @Test
  void aPublisherKilledMidUploadResumesTheSameSessionAfterARestartAndPostsOnce() throws Exception {
    try (OAuthStub oauth = new OAuthStub(java.time.Clock.systemUTC());
        YouTubeStub youtube = new YouTubeStub("unused", java.time.Clock.systemUTC())) {
      oauth.client(Platform.YOUTUBE, "client-yt", "secret-yt");
      youtube.alsoAccept(t -> oauth.issuedTokens().contains(t));
      OAuthStub.Endpoints google = oauth.endpoints(Platform.YOUTUBE);
      int port = freePort();
      List<String> settings =
          List.of(
              "--reelforge.jobs.lease=10s",
              "--reelforge.jobs.heartbeat-interval=1s",
              "--reelforge.jobs.reaper-interval=1s",
              "--reelforge.limits.general-per-minute=100000",
              "--reelforge.publish.platforms.youtube.enabled=true",
              "--reelforge.publish.platforms.youtube.base-url=" + youtube.baseUrl(),
              "--reelforge.publish.platforms.youtube.chunk-size=262144",
              "--reelforge.publish.accounts.youtube.client-id=client-yt",
              "--reelforge.publish.accounts.youtube.client-secret=secret-yt",
              "--reelforge.publish.accounts.youtube.authorization-url=" + google.authorizationUrl(),
              "--reelforge.publish.accounts.youtube.token-url=" + google.tokenUrl(),
              "--reelforge.publish.accounts.youtube.revoke-url=" + google.revokeUrl(),
              "--reelforge.publish.accounts.youtube.api-url=" + google.apiUrl());
      Started first = serve(port, settings);
      String publication;
      try {
        token = client.signIn(port, "admin", oneTimePassword(first));
        String sessionId =
            field(
                post(
                    port,
                    "/api/story/manual",
                    "{\"scriptText\":\"Honey never spoils.\\nIt keeps for thousands of years.\"}",
                    Map.of()),
                "\"id\":\"");
        String statusUrl =
            field(
                post(
                    port,
                    "/api/story/finalize",
                    "{\"sessionId\":\"" + sessionId + "\",\"formats\":[\"square\"]}",
                    Map.of("Prefer", "respond-async")),
                "\"statusUrl\":\"");
        String run =
            awaitStatus(
                port,
                statusUrl,
                Pattern.compile("\"kind\":\"story\",\"status\":\"(succeeded|failed)\""),
                Duration.ofSeconds(180));
        assertThat(run).as(run).contains("\"status\":\"succeeded\"");
        String runId = field(run, "\"id\":\"");

        String connect = post(port, "/api/platform-accounts/youtube/connect", "{}", Map.of());
        HttpResponse<String> consent =
            http.send(
                HttpRequest.newBuilder(URI.create(field(connect, "\"authorizationUrl\":\"")))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(302);
        URI callback = URI.create(consent.headers().firstValue("Location").orElseThrow());
        String account = get(port, callback.getRawPath() + "?" + callback.getRawQuery());
        String accountId = field(account, "\"id\":\"");

        youtube.chunkDelay(Duration.ofMillis(400));
        publication =
            field(
                post(
                    port,
                    "/api/publications",
                    "{\"runId\":\""
                        + runId
                        + "\",\"targets\":[{\"platform\":\"youtube\",\"accountId\":\""
                        + accountId
                        + "\"}]}",
                    Map.of()),
                "\"id\":\"");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (youtube.chunkPuts() < 2 && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertThat(youtube.chunkPuts()).as("the upload began").isGreaterThanOrEqualTo(2);
      } finally {
        first.process().destroyForcibly(); // SIGKILL mid-upload
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(youtube.videosCreated()).as("not finished before the kill").isZero();
      youtube.chunkDelay(Duration.ZERO);

      Started second = serve(port, settings);
      try {
        String done =
            awaitStatus(
                port,
                "/api/publications/" + publication,
                Pattern.compile("\"status\":\"(published|failed|partially_published)\""),
                Duration.ofSeconds(120));
        assertThat(done).as(done).contains("\"status\":\"published\"");
        assertThat(youtube.videosCreated()).isEqualTo(1);
        assertThat(youtube.sessionsOpened()).as("the same session was resumed").isEqualTo(1);
        assertThat(youtube.probes()).as("it asked YouTube what it held").isPositive();
        byte[] video = youtube.videos().getFirst().bytes();
        assertThat(new String(video, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
      } finally {
        stop(second);
      }
    }
  }

  /**
   * Seed 000 §6 against a running server with a token from {@code /auth/login}: health → start →
   * generate → finalize → error format → idempotency; then {@code ./reelforge user} adds a creator
   * who signs in on the next start.
   */
  @Test
  void theSmokeFlowRunsWithATokenFromLoginAndTheUserCommandAddsAccounts() throws Exception {
    int port = freePort();
    Started first = serve(port);
    try {
      String password = oneTimePassword(first);
      assertThat(first.output().lines().filter(l -> l.contains(password)))
          .as("the password is printed once, on the console line made for it")
          .hasSize(1);
      HttpResponse<String> anonymous = send(port, "/api/story/start", "{\"input\":\"x\"}", "");
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.body()).contains("\"error\":\"AUTH_REQUIRED\"");

      token = client.signIn(port, "admin", password);
      assertThat(health(port)).contains("\"status\":\"ok\"");
      String sessionId =
          field(
              post(
                  port,
                  "/api/story/start",
                  "{\"input\":\"Why octopuses have three hearts\",\"inputType\":\"idea\"}",
                  Map.of()),
              "\"id\":\"");
      assertThat(
              post(port, "/api/story/generate", "{\"sessionId\":\"" + sessionId + "\"}", Map.of()))
          .contains("\"sentences\"");
      String finalized =
          post(
              port,
              "/api/story/finalize",
              "{\"sessionId\":\"" + sessionId + "\"}",
              Map.of("Prefer", "respond-async"));
      assertThat(get(port, field(finalized, "\"statusUrl\":\""))).contains("\"kind\":\"story\"");

      HttpResponse<String> invalid = send(port, "/api/story/finalize", "{}", token);
      assertThat(invalid.statusCode()).isEqualTo(400);
      assertThat(invalid.body())
          .contains("\"success\":false", "\"error\":\"INVALID_INPUT\"", "\"requestId\"");

      String once =
          post(port, "/api/story/start", "{\"input\":\"Honey\"}", Map.of("Idempotency-Key", "k1"));
      String again =
          post(port, "/api/story/start", "{\"input\":\"Honey\"}", Map.of("Idempotency-Key", "k1"));
      assertThat(again).isEqualTo(once);
    } finally {
      stop(first);
    }

    Finished added = run(List.of("user", "add", "maker", "--role", "creator"), Map.of());
    assertThat(added.exitCode()).as(added.stdout() + added.stderr()).isZero();
    String makerPassword = oneTimePassword(added.stdout());
    Finished listed = run(List.of("user", "list"), Map.of());
    assertThat(listed.stdout())
        .containsPattern("admin +admin +active")
        .containsPattern("maker +creator +active");
    Finished unknown = run(List.of("user", "reset-password", "nobody"), Map.of());
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.stderr()).contains("User not found: nobody");

    Started second = serve(port);
    try {
      assertThat(second.output()).doesNotContain("one-time password");
      token = client.signIn(port, "maker", makerPassword);
      assertThat(get(port, "/me")).contains("\"username\":\"maker\"", "\"role\":\"creator\"");
    } finally {
      stop(second);
    }
  }

  private HttpResponse<String> send(int port, String path, String json, String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (!bearer.isEmpty()) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String post(int port, String path, String json, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(request::header);
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
    return response.body();
  }

  private String get(int port, String path) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /**
   * The admin's one-time password that the first start prints once it is ready (which may be just
   * after health first answers).
   */
  private static String oneTimePassword(Started started) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!ONE_TIME_PASSWORD.matcher(started.output()).find() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    return oneTimePassword(started.output());
  }

  private static String oneTimePassword(String output) {
    Matcher matcher = ONE_TIME_PASSWORD.matcher(output);
    assertThat(matcher.find())
        .as("the first start prints the admin's password:\n" + output)
        .isTrue();
    return matcher.group(1);
  }

  /** The run's task entry for {@code stage}, as the status JSON spells it. */
  private static String taskOf(String run, String stage) {
    Matcher matcher = Pattern.compile("\\{\"stage\":\"" + stage + "\"[^}]*}").matcher(run);
    assertThat(matcher.find()).as("a task " + stage + " in " + run).isTrue();
    return matcher.group();
  }

  private static String tail(String log) {
    return log.substring(Math.max(0, log.length() - 20_000));
  }

  /** Polls {@code url} until its body matches, returning that body. */
  private String awaitStatus(int port, String url, Pattern wanted, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      body = get(port, url);
      if (wanted.matcher(body).find()) {
        return body;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no " + wanted + " in time; last answer:\n" + body);
  }

  private record Started(Process process, Path log) {
    String output() throws IOException {
      return Files.readString(log, StandardCharsets.UTF_8);
    }
  }

  private record Finished(int exitCode, String stdout, String stderr) {}

  private Started serve(int port) throws Exception {
    return serve(port, List.of());
  }

  private Started serve(int port, List<String> settings) throws Exception {
    Path log = workDir.resolve("serve-" + UUID.randomUUID() + ".log");
    List<String> arguments = new ArrayList<>(List.of("serve", "--port", Integer.toString(port)));
    arguments.addAll(settings);
    Process process =
        builder(arguments, Map.of()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Started started = new Started(process, log);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("serve exited early:\n" + started.output());
      }
      try {
        if (health(port).contains("\"status\":\"ok\"")) {
          return started;
        }
      } catch (IOException notYet) {
        Thread.sleep(250);
      }
    }
    process.destroyForcibly();
    throw new AssertionError("serve did not become healthy:\n" + started.output());
  }

  private static void stop(Started started) throws InterruptedException {
    started.process().destroy(); // SIGTERM, as an operator or systemd would send
    assertThat(started.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
  }

  private Finished run(List<String> arguments, Map<String, String> environment) throws Exception {
    Path out = workDir.resolve("out-" + UUID.randomUUID());
    Path err = workDir.resolve("err-" + UUID.randomUUID());
    Process process =
        builder(arguments, environment)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
    return new Finished(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private ProcessBuilder builder(List<String> arguments, Map<String, String> environment) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("REELFORGE_"));
    builder.environment().putAll(environment);
    return builder;
  }

  private String health(int port) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private List<Boolean> nodesStopped(String serveOutput) throws Exception {
    Matcher matcher = EMBEDDED_PORT.matcher(serveOutput);
    assertThat(matcher.find()).as("serve logs the embedded port").isTrue();
    String password = Files.readString(workDir.resolve("data/postgres.password")).strip();
    List<Boolean> stopped = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + matcher.group(1) + "/reelforge",
                "postgres",
                password);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("select stopped_at is not null from node order by started_at desc")) {
      while (rs.next()) {
        stopped.add(rs.getBoolean(1));
      }
    }
    return stopped;
  }
}
