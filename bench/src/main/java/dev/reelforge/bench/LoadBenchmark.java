package dev.reelforge.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * SPEC.md §4 under load, against the packaged app ({@code serve}, embedded PostgreSQL, offline
 * providers) on this machine:
 *
 * <ol>
 *   <li><b>50 concurrent story runs</b>: all submitted at once; every one must end (none lost) and
 *       succeed; status reads ({@code GET /api/runs/{id}}) are timed throughout and compared with
 *       the same reads on the idle server measured first (the baseline of this run).
 *   <li><b>Backpressure</b>: a fresh server with {@code reelforge.jobs.max-queue-depth} lowered;
 *       the same burst must be partly refused with 503 + Retry-After while the server stays healthy
 *       and every accepted run still finishes.
 * </ol>
 *
 * <p>Usage: {@code bench/run.sh load [--runs 50] [--threshold 4]}
 */
public final class LoadBenchmark {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern PASSWORD = Pattern.compile("one-time password: (\\S+)");
  private static final Path JAR = Path.of("reelforge-app/target/reelforge.jar");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private int port;
  private String token;

  public static void main(String[] args) throws Exception {
    int runs = 50;
    int threshold = 4;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--threshold" -> threshold = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(
          "run from the repository root after a build (no " + JAR + ")");
    }
    new LoadBenchmark().concurrentRuns(runs);
    new LoadBenchmark().backpressure(runs, threshold);
  }

  // --- phase 1 ---

  private void concurrentRuns(int runs) throws Exception {
    Path dir = searchable(Files.createTempDirectory("load-bench-"));
    Process app = start(dir, Map.of());
    try {
      String warmUp = submit(session(0));
      awaitEnd(List.of(warmUp), Duration.ofMinutes(3));
      long[] idleNanos = reads(List.of(warmUp), 400);
      Stats idle = Stats.of(idleNanos);

      List<String> sessions = new ArrayList<>();
      for (int i = 1; i <= runs; i++) {
        sessions.add(session(i));
      }
      long started = System.nanoTime();
      List<String> accepted = submitAll(sessions).accepted();
      long submitted = System.nanoTime();
      List<Long> underLoad = new CopyOnWriteArrayList<>();
      AtomicBoolean done = new AtomicBoolean();
      Thread reader = Thread.ofPlatform().start(() -> readWhile(accepted, underLoad, done));
      Map<String, String> ended = awaitEnd(accepted, Duration.ofMinutes(30));
      done.set(true);
      reader.join();
      long finished = System.nanoTime();

      long succeeded = ended.values().stream().filter("succeeded"::equals).count();
      long[] loaded = underLoad.stream().mapToLong(Long::longValue).toArray();
      Stats load = Stats.of(loaded);
      double idleP95 = percentileMillis(idleNanos, 0.95);
      System.out.printf(
          Locale.ROOT, "%n== %d concurrent story runs (one square video each)%n", runs);
      System.out.printf(
          Locale.ROOT,
          "submitted %d in %.1f s, accepted %d; ended %d, succeeded %d, lost %d; all done in %.1f s%n",
          runs,
          (submitted - started) / 1e9,
          accepted.size(),
          ended.size(),
          succeeded,
          accepted.size() - ended.size(),
          (finished - started) / 1e9);
      System.out.printf(
          Locale.ROOT, "status reads, idle server:  %s, p95 %.1f ms%n", idle, idleP95);
      System.out.printf(
          Locale.ROOT,
          "status reads, under load:  %s, p95 %.1f ms%n",
          load,
          percentileMillis(loaded, 0.95));
      System.out.printf(
          Locale.ROOT,
          "ratio under load / idle: p50 %.2f, p95 %.2f%n",
          load.p50() / idle.p50(),
          percentileMillis(loaded, 0.95) / idleP95);
    } finally {
      stop(app);
      delete(dir);
    }
  }

  // --- phase 2 ---

  private void backpressure(int runs, int threshold) throws Exception {
    Path dir = searchable(Files.createTempDirectory("load-bench-bp-"));
    Process app = start(dir, Map.of("REELFORGE_JOBS_MAX_QUEUE_DEPTH", Integer.toString(threshold)));
    try {
      List<String> sessions = new ArrayList<>();
      for (int i = 1; i <= runs; i++) {
        sessions.add(session(i));
      }
      Submitted burst = submitAll(sessions);
      int healthy = 0;
      int probes = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline) {
        probes++;
        if (get("/api/health").statusCode() == 200) {
          healthy++;
        }
        Thread.sleep(200);
      }
      Map<String, String> ended = awaitEnd(burst.accepted(), Duration.ofMinutes(30));
      long succeeded = ended.values().stream().filter("succeeded"::equals).count();
      System.out.printf(
          Locale.ROOT,
          "%n== backpressure: max-queue-depth %d, a burst of %d finalizes%n",
          threshold,
          runs);
      System.out.printf(
          Locale.ROOT,
          "accepted %d, refused with 503 %d (all with Retry-After: %s), other answers %d%n",
          burst.accepted().size(),
          burst.refused(),
          burst.refused() == burst.withRetryAfter(),
          burst.other());
      System.out.printf(
          Locale.ROOT,
          "health during the burst: %d of %d probes 200; accepted runs ended %d, succeeded %d,"
              + " lost %d%n",
          healthy,
          probes,
          ended.size(),
          succeeded,
          burst.accepted().size() - ended.size());
    } finally {
      stop(app);
      delete(dir);
    }
  }

  // --- the server ---

  private Process start(Path dir, Map<String, String> settings) throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = dir.resolve("serve.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                JAR.toAbsolutePath().toString(),
                "serve",
                "--port",
                Integer.toString(port))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("REELFORGE_"));
    // One user submits everything: its own per-user limits are lifted, not the engine's.
    env.put("REELFORGE_LIMITS_CONCURRENT_RUNS", "1000");
    env.put("REELFORGE_LIMITS_RENDER_DAILY", "0");
    env.put("REELFORGE_LIMITS_RENDER_MONTHLY", "0");
    env.put("REELFORGE_LIMITS_RENDER_PER_MINUTE", "100000");
    env.put("REELFORGE_LIMITS_GENERAL_PER_MINUTE", "1000000");
    env.put("REELFORGE_LIMITS_AI_PER_MINUTE", "100000");
    env.put("REELFORGE_LIMITS_INITIAL_CREDITS", "100000");
    env.putAll(settings);
    Process process = builder.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("serve exited:\n" + Files.readString(log));
      }
      Matcher matcher = PASSWORD.matcher(Files.readString(log));
      if (matcher.find()) {
        token = signIn(matcher.group(1));
        return process;
      }
      Thread.sleep(250);
    }
    process.destroyForcibly();
    throw new IllegalStateException("serve did not start:\n" + Files.readString(log));
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  // --- API calls ---

  private String signIn(String password) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(uri("/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"admin\",\"password\":\"" + password + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          String token = JSON.readTree(response.body()).findValue("accessToken").asString();
          chooseOwnPassword(token, password);
          return token;
        }
      } catch (IOException notYet) {
        // the banner may come just before the port answers
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("cannot sign in");
      }
      Thread.sleep(250);
    }
  }

  /**
   * The admin's first-start password is a one-time one: until it is replaced, the token may only
   * change it (docs/security.md), so the benchmark does that first.
   */
  private void chooseOwnPassword(String token, String oneTime) throws Exception {
    HttpResponse<String> changed =
        http.send(
            HttpRequest.newBuilder(uri("/api/me/password"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"currentPassword\":\""
                            + oneTime
                            + "\",\"newPassword\":\""
                            + oneTime
                            + "-bench\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (changed.statusCode() != 200) {
      throw new IllegalStateException(
          "password change: " + changed.statusCode() + " " + changed.body());
    }
  }

  /** A two-beat manual script; the words differ per run, so no run reuses another's work. */
  private String session(int n) throws Exception {
    HttpResponse<String> made =
        post(
            "/api/story/manual",
            "{\"scriptText\":\"Story "
                + n
                + " begins with a lighthouse.\\nIt ends with a ship coming home.\"}",
            Map.of());
    if (made.statusCode() != 200) {
      throw new IllegalStateException("manual: " + made.statusCode() + " " + made.body());
    }
    return JSON.readTree(made.body()).path("data").path("id").asString();
  }

  private String submit(String session) throws Exception {
    HttpResponse<String> started = finalize(session);
    if (started.statusCode() != 202) {
      throw new IllegalStateException("finalize: " + started.statusCode() + " " + started.body());
    }
    return JSON.readTree(started.body()).path("data").path("statusUrl").asString();
  }

  private HttpResponse<String> finalize(String session) throws Exception {
    return post(
        "/api/story/finalize",
        "{\"sessionId\":\"" + session + "\",\"formats\":[\"square\"]}",
        Map.of("Prefer", "respond-async"));
  }

  private record Submitted(List<String> accepted, int refused, int withRetryAfter, int other) {}

  /** Sends every finalize at once, one thread each. */
  private Submitted submitAll(List<String> sessions) throws Exception {
    List<String> accepted = Collections.synchronizedList(new ArrayList<>());
    int refused = 0;
    int withRetryAfter = 0;
    int other = 0;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (String session : sessions) {
        answers.add(pool.submit(() -> finalize(session)));
      }
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        if (response.statusCode() == 202) {
          accepted.add(JSON.readTree(response.body()).path("data").path("statusUrl").asString());
        } else if (response.statusCode() == 503) {
          refused++;
          if (response.headers().firstValue("Retry-After").isPresent()) {
            withRetryAfter++;
          }
        } else {
          other++;
        }
      }
    }
    return new Submitted(List.copyOf(accepted), refused, withRetryAfter, other);
  }

  /** Polls each run until it ends; answers each run's final status. */
  private Map<String, String> awaitEnd(List<String> statusUrls, Duration timeout) throws Exception {
    Map<String, String> ended = new ConcurrentHashMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (ended.size() < statusUrls.size() && System.nanoTime() < deadline) {
      for (String url : statusUrls) {
        if (!ended.containsKey(url)) {
          String status = status(url);
          if (List.of("succeeded", "failed", "cancelled").contains(status)) {
            ended.put(url, status);
          }
        }
      }
      Thread.sleep(1000);
    }
    return ended;
  }

  private String status(String url) throws Exception {
    HttpResponse<String> response = get(url);
    return response.statusCode() == 200
        ? JSON.readTree(response.body()).path("data").path("status").asString()
        : "unreadable";
  }

  /** Times {@code count} status reads of random runs, one after another. */
  private long[] reads(List<String> urls, int count) throws Exception {
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response =
          get(urls.get(ThreadLocalRandom.current().nextInt(urls.size())));
      nanos[i] = System.nanoTime() - start;
      if (response.statusCode() != 200) {
        throw new IllegalStateException("status read answered " + response.statusCode());
      }
    }
    return nanos;
  }

  /** A client reading random runs' status every 20 ms until told to stop. */
  private void readWhile(List<String> urls, List<Long> into, AtomicBoolean done) {
    while (!done.get()) {
      try {
        long start = System.nanoTime();
        HttpResponse<String> response =
            get(urls.get(ThreadLocalRandom.current().nextInt(urls.size())));
        if (response.statusCode() == 200) {
          into.add(System.nanoTime() - start);
        }
        Thread.sleep(20);
      } catch (Exception e) {
        return;
      }
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofMinutes(2))
            .POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static double percentileMillis(long[] nanos, double q) {
    long[] sorted = nanos.clone();
    java.util.Arrays.sort(sorted);
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  /** The embedded PostgreSQL runs as an unprivileged user under root: it must enter the folder. */
  private static Path searchable(Path dir) throws IOException {
    Files.setPosixFilePermissions(
        dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  private static void delete(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
