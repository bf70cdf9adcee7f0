package dev.reelforge.app;

import static dev.reelforge.app.ProcessClient.field;
import static dev.reelforge.app.ProcessClient.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.storage.s3.EmbeddedS3;
import dev.reelforge.testkit.TempDirs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged app processes on one external PostgreSQL and one S3 server, each with its own
 * working folder, as two machines would be: a story run is started, the process rendering it is
 * killed with SIGKILL, and the other one reclaims the render, pulls what it needs from S3 and
 * finishes the run, with one debit and no refund.
 */
class ClusterProcessIT {

  private static final Path JAR =
      Path.of(System.getProperty("reelforge.jar", "target/reelforge.jar"));
  private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password: (\\S+)");
  private static final Pattern WORKER_PID = Pattern.compile("@(\\d+)-");

  private final HttpClient http = HttpClient.newHttpClient();
  private final ProcessClient client = new ProcessClient();
  private Path workDir;
  private TestDatabase database;
  private EmbeddedS3 s3;
  private final List<Process> processes = new ArrayList<>();

  @BeforeEach
  void start() {
    workDir = TempDirs.worldSearchable("rf-cluster");
    database = TestDatabase.freshSchema("ClusterProcessIT");
    s3 = EmbeddedS3.start();
  }

  @AfterEach
  void stop() throws Exception {
    for (Process process : processes) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
    s3.close();
    database.close();
    TempDirs.deleteTree(workDir);
  }

  @Test
  void aRunWhoseRendererIsKilledFinishesOnTheOtherNodeWithOneDebitAndNoRefund() throws Exception {
    Node first = serve("node-1");
    String password = await(first, ONE_TIME_PASSWORD, Duration.ofSeconds(60));
    Node second = serve("node-2");
    String token = client.signIn(first.port(), "admin", password);

    String sessionId =
        field(
            post(
                first.port(),
                token,
                "/api/story/manual",
                "{\"scriptText\":\"Honey never spoils.\\nArchaeologists found honey in tombs.\\n"
                    + "It was three thousand years old.\\nAnd still good to eat.\"}"),
            "\"id\":\"");
    String statusUrl =
        field(
            post(
                second.port(),
                token,
                "/api/story/finalize",
                "{\"sessionId\":\"" + sessionId + "\",\"formats\":[\"tiktok\"]}"),
            "\"statusUrl\":\"");
    String runId = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);

    long rendererPid = awaitRenderer(runId, Duration.ofSeconds(180));
    Node renderer = first.process().pid() == rendererPid ? first : second;
    Node survivor = renderer == first ? second : first;
    renderer.process().destroyForcibly(); // SIGKILL: no shutdown hook, the lease is not released
    assertThat(renderer.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

    String run =
        awaitBody(
            survivor.port(),
            token,
            statusUrl,
            Pattern.compile("\"kind\":\"story\",\"status\":\"(succeeded|failed|cancelled)\""),
            Duration.ofSeconds(240));
    assertThat(run).as(run).contains("\"status\":\"succeeded\"");
    assertThat(run).containsPattern("\"stage\":\"render-vertical\"[^}]*\"attempt\":[2-9],");
    assertThat(ledger(runId)).as("credit moves of the run").containsExactly("debit");
    // The survivor rendered in its own working copy, filled from S3; the killed node never
    // finished a video. Downloads redirect to S3.
    assertThat(videos(survivor.workRoot().resolve("stories").resolve(sessionId))).isNotEmpty();
    assertThat(videos(renderer.workRoot().resolve("stories").resolve(sessionId))).isEmpty();
    String story = client.renderedSession(survivor.port(), token, sessionId);
    String videoPath = field(story.substring(story.indexOf("\"finalVideo\"")), "\"url\":\"");
    HttpResponse<byte[]> video = client.download(survivor.port(), token, videoPath);
    assertThat(video.uri().getPort()).as("served by S3").isEqualTo(s3.endpoint().getPort());
    assertThat(video.statusCode()).isEqualTo(200);
    assertThat(new String(video.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
  }

  private static List<Path> videos(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (var files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".mp4")).toList();
    }
  }

  private record Node(Process process, Path log, int port, Path workRoot) {}

  private Node serve(String name) throws Exception {
    int port = freePort();
    Path log = workDir.resolve(name + ".log");
    Path workRoot = workDir.resolve(name + "-work");
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                JAR.toAbsolutePath().toString(),
                "serve",
                "--port",
                Integer.toString(port),
                "--roles",
                "api,worker,scheduler"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("REELFORGE_"));
    builder
        .environment()
        .putAll(
            Map.ofEntries(
                Map.entry("REELFORGE_DATABASE_URL", database.jdbcUrl()),
                Map.entry("REELFORGE_DATABASE_USERNAME", database.username()),
                Map.entry("REELFORGE_DATABASE_PASSWORD", database.password()),
                Map.entry("REELFORGE_DATABASE_SCHEMA", database.schema()),
                Map.entry("REELFORGE_STORAGE_TYPE", "s3"),
                Map.entry("REELFORGE_STORAGE_WORK_ROOT", workRoot.toString()),
                Map.entry("REELFORGE_STORAGE_S3_ENDPOINT", s3.endpoint().toString()),
                Map.entry("REELFORGE_STORAGE_S3_BUCKET", EmbeddedS3.BUCKET),
                Map.entry("REELFORGE_STORAGE_S3_ACCESS_KEY", s3.accessKey()),
                Map.entry("REELFORGE_STORAGE_S3_SECRET_KEY", s3.secretKey()),
                Map.entry("REELFORGE_STORAGE_S3_PATH_STYLE", "true"),
                // Short leases, so that the survivor reclaims the killed node's render quickly.
                Map.entry("REELFORGE_JOBS_LEASE", "4s"),
                Map.entry("REELFORGE_JOBS_HEARTBEAT_INTERVAL", "1s"),
                Map.entry("REELFORGE_JOBS_REAPER_INTERVAL", "1s"),
                // Status is polled several times a second: above the default 100 a minute.
                Map.entry("REELFORGE_LIMITS_GENERAL_PER_MINUTE", "100000")));
    Process process = builder.start();
    processes.add(process);
    Node node = new Node(process, log, port, workRoot);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited early:\n" + Files.readString(log));
      }
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.body().contains("\"status\":\"ok\"")) {
          return node;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError(name + " did not become healthy:\n" + Files.readString(log));
  }

  /** The pid of the process whose worker holds the run's render task once it runs. */
  private long awaitRenderer(String runId, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String owner = renderOwner(runId);
      if (owner != null) {
        Matcher pid = WORKER_PID.matcher(owner);
        assertThat(pid.find()).as(owner).isTrue();
        return Long.parseLong(pid.group(1));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the render did not start in " + timeout);
  }

  private String renderOwner(String runId) throws Exception {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select lease_owner from "
                    + database.schema()
                    + ".task where run_id = ?::uuid and stage = 'render-vertical'"
                    + " and status in ('running', 'succeeded')")) {
      s.setString(1, runId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private List<String> ledger(String runId) throws Exception {
    List<String> reasons = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select reason from "
                    + database.schema()
                    + ".credit_ledger where run_id = ?::uuid order by id")) {
      s.setString(1, runId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          reasons.add(rs.getString(1));
        }
      }
    }
    return reasons;
  }

  private String await(Node node, Pattern pattern, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher matcher = pattern.matcher(Files.readString(node.log()));
      if (matcher.find()) {
        return matcher.group(1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no " + pattern + " in:\n" + Files.readString(node.log()));
  }

  private String post(int port, String token, String path, String json) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Prefer", "respond-async")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
    return response.body();
  }

  private String get(int port, String token, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private String awaitBody(int port, String token, String url, Pattern wanted, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      body = get(port, token, url);
      if (wanted.matcher(body).find()) {
        return body;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no " + wanted + " in time; last answer:\n" + body);
  }
}
