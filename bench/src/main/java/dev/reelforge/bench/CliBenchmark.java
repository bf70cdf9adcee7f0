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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How long the short commands a new user types take, run by the {@code ./reelforge} launcher:
 * {@code version} (the JVM's start, the floor every command pays, and this run's baseline), {@code
 * voices}, {@code user list} with no server (the command starts and stops the embedded database
 * itself) and {@code user list} and {@code doctor} beside a running server (they attach to the
 * server's database instead of failing). Figures are medians and ratios to {@code version}.
 *
 * <p>Usage: {@code bench/run.sh cli [runs]} (default 5 runs of each).
 */
public final class CliBenchmark {

  private static final Path LAUNCHER = Path.of("reelforge");

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path dir = Files.createTempDirectory("reelforge-cli-bench");
    // PostgreSQL runs as 'nobody' when started by root: the folder must be enterable.
    dir.toFile().setExecutable(true, false);
    dir.toFile().setReadable(true, false);
    try {
      String data = dir.resolve("data").toString();
      List<Row> rows = new ArrayList<>();
      rows.add(measure("version", runs, dir, "version"));
      rows.add(measure("voices", runs, dir, "voices", "--data", data));
      rows.add(measure("user list, no server", runs, dir, "user", "list", "--data", data));
      Process server = serve(dir, data);
      try {
        rows.add(
            measure("user list, beside the server", runs, dir, "user", "list", "--data", data));
        rows.add(measure("doctor, beside the server", runs, dir, "doctor", "--data", data));
      } finally {
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
          server.destroyForcibly();
        }
      }
      double floor = rows.getFirst().medianMillis();
      System.out.printf(Locale.ROOT, "%-30s %10s %10s%n", "command", "median ms", "÷ version");
      for (Row row : rows) {
        System.out.printf(
            Locale.ROOT,
            "%-30s %10.0f %10.2f%n",
            row.name(),
            row.medianMillis(),
            row.medianMillis() / floor);
      }
    } finally {
      delete(dir);
    }
  }

  private record Row(String name, double medianMillis) {}

  private static Row measure(String name, int runs, Path dir, String... command)
      throws IOException, InterruptedException {
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      run(dir, command);
      nanos[i] = System.nanoTime() - start;
    }
    return new Row(name, Stats.of(nanos).p50());
  }

  private static void run(Path dir, String... command) throws IOException, InterruptedException {
    List<String> line = app();
    line.addAll(List.of(command));
    Process process =
        new ProcessBuilder(line).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
  }

  private static Process serve(Path dir, String data) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> line = app();
    line.addAll(List.of("serve", "--port", Integer.toString(port), "--data", data));
    Path log = dir.resolve("serve.log");
    Process process =
        new ProcessBuilder(line)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("serve exited:\n" + Files.readString(log));
      }
      try {
        HttpResponse<Void> health =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return process;
        }
      } catch (IOException notYet) {
        // the port opens a little after the process starts
      }
      Thread.sleep(250);
    }
    process.destroyForcibly();
    throw new IllegalStateException("serve did not start:\n" + Files.readString(log));
  }

  /**
   * The launcher a user types, which runs the packaged app with its per-command class-data archive
   * (the first run of each command records it; the median leaves that run out).
   */
  private static List<String> app() {
    return new ArrayList<>(List.of(LAUNCHER.toAbsolutePath().toString()));
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
