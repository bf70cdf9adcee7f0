package dev.reelforge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Offline {@code make} of a ~45 s 1080×1920 short, as a user runs it (the {@code ./reelforge}
 * launcher, a fresh JVM each time): wall time over video duration, overall and per stage, from the
 * run's own manifest. A second run of the same command measures a resume (every stage reused, the
 * render from its cache). The launcher's class-data archive is made by a warm-up run first, as it
 * is by a user's first command after a build.
 *
 * <p>Usage: {@code bench/run.sh story [--runs N] [--input FILE] [--quality Q]}
 */
public final class StoryBenchmark {

  private StoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = 2;
    Path input = Path.of("bench/inputs/deep-sea.txt");
    String quality = "standard";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--input" -> input = Path.of(args[++i]);
        case "--quality" -> quality = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path launcher = Path.of("reelforge").toAbsolutePath();
    if (!Files.isExecutable(launcher)) {
      throw new IllegalStateException("run from the repository root (no ./reelforge here)");
    }
    Path warmUp = Files.createTempDirectory("story-bench-warm-up-");
    try {
      make(launcher, input, "draft", warmUp);
    } finally {
      delete(warmUp);
    }
    for (int run = 1; run <= runs; run++) {
      Path out = Files.createTempDirectory("story-bench-");
      try {
        Result cold = make(launcher, input, quality, out);
        Result resumed = make(launcher, input, quality, out);
        System.out.printf(Locale.ROOT, "run %d: video %.1f s%n", run, cold.videoMillis / 1000.0);
        System.out.printf(
            Locale.ROOT,
            "  cold    wall %.1f s  = %.2f × video  (in-app stages %.1f s = %.2f ×)%n",
            cold.wallMillis / 1000.0,
            (double) cold.wallMillis / cold.videoMillis,
            cold.stagesMillis() / 1000.0,
            (double) cold.stagesMillis() / cold.videoMillis);
        for (Map.Entry<String, Long> stage : cold.stages) {
          System.out.printf(
              Locale.ROOT,
              "    %-9s %6.1f s  %.3f × video%n",
              stage.getKey(),
              stage.getValue() / 1000.0,
              (double) stage.getValue() / cold.videoMillis);
        }
        System.out.printf(
            Locale.ROOT,
            "  resume  wall %.1f s  = %.2f × video (%.2f × the cold run)%n",
            resumed.wallMillis / 1000.0,
            (double) resumed.wallMillis / resumed.videoMillis,
            (double) resumed.wallMillis / cold.wallMillis);
      } finally {
        delete(out);
      }
    }
  }

  private record Result(long wallMillis, long videoMillis, List<Map.Entry<String, Long>> stages) {
    long stagesMillis() {
      return stages.stream().mapToLong(Map.Entry::getValue).sum();
    }
  }

  private static Result make(Path launcher, Path input, String quality, Path out)
      throws IOException, InterruptedException {
    List<String> command =
        List.of(
            launcher.toString(),
            "make",
            "--script",
            input.toString(),
            "--quality",
            quality,
            "--out",
            out.toString(),
            "--name",
            "bench",
            "--reelforge.media.render-work-dir=" + out.resolve("render"));
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("make failed:\n" + log);
    }
    long wall = (System.nanoTime() - start) / 1_000_000;
    JsonNode manifest =
        JsonMapper.builder().build().readTree(out.resolve("bench/manifest.json").toFile());
    long video = manifest.path("outputs").get(0).path("durationMillis").asLong();
    List<Map.Entry<String, Long>> stages = new ArrayList<>();
    for (Map.Entry<String, JsonNode> stage : manifest.path("stageMillis").properties()) {
      stages.add(Map.entry(stage.getKey(), stage.getValue().asLong()));
    }
    return new Result(wall, video, stages);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
