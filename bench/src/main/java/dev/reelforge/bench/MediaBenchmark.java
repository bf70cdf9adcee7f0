package dev.reelforge.bench;

import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.videogen.VideoGenerator;
import dev.reelforge.core.videogen.VideoProgress;
import dev.reelforge.core.videogen.VideoRequest;
import dev.reelforge.core.videogen.VideoRequest.Aspect;
import dev.reelforge.core.videogen.VideoRequest.Resolution;
import dev.reelforge.core.videogen.VideoRequest.VideoFrame;
import dev.reelforge.mediagen.ImageJobInput;
import dev.reelforge.mediagen.InProcessMedia;
import dev.reelforge.mediagen.MediaMaker;
import dev.reelforge.mediagen.MediaProgress;
import dev.reelforge.mediagen.VideoOrder;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Seed 004's media jobs under a burst, offline: {@code --images} image jobs (20) and {@code
 * --videos} video jobs (5) submitted at once to the media pipelines on an in-process job engine
 * (seed 004 §7's pools: images 3 at a time, video 1), with the engines the app's provider registry
 * offers (ProceduralImages; the offline video engine {@code local} once it is registered, else the
 * vendor whose key is set). All must finish. Prints the wall time and the per-job p95 (submit to
 * completion, as the run records them) of each kind, and compares with a baseline in the same run:
 * the same pictures and clips made one after another directly through the generators, without jobs,
 * thumbnails or store.
 *
 * <p>The app is started as the {@code generate} command starts it (lazy beans, no server, no
 * database), from the packaged jar the launcher unpacks: {@code bench/run.sh media}.
 */
public final class MediaBenchmark {

  private MediaBenchmark() {}

  public static void main(String[] args) throws Exception {
    int images = 20;
    int videos = 5;
    int seconds = 4;
    int rounds = 3;
    String resolution = "480p";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--images" -> images = Integer.parseInt(args[++i]);
        case "--videos" -> videos = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--resolution" -> resolution = args[++i];
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path dir = Files.createTempDirectory("media-bench-");
    try (ConfigurableApplicationContext app = startApp(dir.resolve("data"))) {
      MediaMaker maker = app.getBean(MediaMaker.class);
      Optional<String> videoEngine = maker.engines().defaultEngine();
      System.out.printf(
          Locale.ROOT,
          "image engine %s; video engine %s; %d image jobs, %d video jobs of %d s at %s%n",
          maker.imageEngine(),
          videoEngine.orElse("none (no video engine registered: images only)"),
          images,
          videoEngine.isPresent() ? videos : 0,
          seconds,
          resolution);
      if (videoEngine.isEmpty()) {
        videos = 0;
      }
      Path still = still(dir.resolve("still.png"));
      List<ImageJobInput> imageJobs = new ArrayList<>();
      for (int i = 0; i < images; i++) {
        imageJobs.add(new ImageJobInput(PROMPTS.get(i % PROMPTS.size()), "", "1:1", i, "standard"));
      }
      List<VideoOrder> videoJobs = new ArrayList<>();
      for (int i = 0; i < videos; i++) {
        videoJobs.add(
            new VideoOrder(
                "slow push-in over the harbour",
                Optional.of(still),
                Optional.empty(),
                seconds,
                24,
                resolution,
                "16:9",
                i,
                null));
      }
      // A warm-up: a job of each kind (class loading, the first FFmpeg start) and the direct work
      // once (the procedural designs' fonts and icons), counted in neither contender.
      warmUp(maker, dir.resolve("warm-up"), imageJobs.getFirst(), videoJobs);
      directly(
          maker.images(),
          videoEngine.map(maker.engines()::engine),
          dir.resolve("warm-up-direct"),
          imageJobs,
          videoJobs.isEmpty() ? videoJobs : videoJobs.subList(0, 1),
          still);
      List<Double> ratios = new ArrayList<>();
      // Rounds alternate which goes first, so that neither always finds the caches (procedural
      // designs, fonts, the JIT) warmer than the other.
      for (int round = 1; round <= rounds; round++) {
        Path here = dir.resolve("round-" + round);
        boolean jobsFirst = round % 2 == 0;
        Result jobs = null;
        Result direct = null;
        for (int turn = 0; turn < 2; turn++) {
          if ((turn == 0) == jobsFirst) {
            jobs = asJobs(maker, here.resolve("jobs"), imageJobs, videoJobs);
          } else {
            direct =
                directly(
                    maker.images(),
                    videoEngine.map(maker.engines()::engine),
                    here.resolve("direct"),
                    imageJobs,
                    videoJobs,
                    still);
          }
        }
        System.out.printf(
            Locale.ROOT, "round %d (%s first)%n", round, jobsFirst ? "jobs" : "direct");
        report(jobs, direct, images, videos);
        ratios.add((double) jobs.wallNanos() / direct.wallNanos());
      }
      ratios.sort(Comparator.naturalOrder());
      System.out.printf(
          Locale.ROOT,
          "median ratio jobs ÷ direct over %d round(s): %.2f%n",
          rounds,
          ratios.get(ratios.size() / 2));
    } finally {
      delete(dir);
    }
  }

  private static final List<String> PROMPTS =
      List.of(
          "a lighthouse on a cliff at dawn",
          "a red fox in fresh snow",
          "a cup of coffee on a rainy window sill",
          "a city skyline at night with neon signs",
          "a sailing boat on a calm sea");

  private static ConfigurableApplicationContext startApp(Path data) throws ClassNotFoundException {
    SpringApplication application =
        new SpringApplication(Class.forName("dev.reelforge.app.ReelForgeApplication"));
    application.setWebApplicationType(WebApplicationType.NONE);
    // As the generate command starts it (Cli's defaults for short commands): lazy beans, and
    // none of the meters that would connect to the database or start tracing.
    application.setDefaultProperties(
        Map.of(
            "spring.main.lazy-initialization", "true",
            "management.health.db.enabled", "false",
            "management.endpoint.health.validate-group-membership", "false",
            "spring.autoconfigure.exclude",
                String.join(
                    ",",
                    "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
                    "org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration",
                    "org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration",
                    "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
                    "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration"),
            "spring.main.log-startup-info", "false",
            "logging.level.root", "OFF",
            "logging.level.dev.reelforge", "WARN"));
    return application.run("--reelforge.data-dir=" + data);
  }

  /**
   * Per kind: the wall time from the first submit to the last end, each job's time (submit to end)
   * and each job's working time (start to end: without its wait in the queue).
   */
  private record Kind(long wallNanos, long[] each, long[] working) {}

  private record Result(Kind images, Kind videos, long wallNanos) {}

  private static void warmUp(
      MediaMaker maker, Path folder, ImageJobInput image, List<VideoOrder> videos) {
    try (InProcessMedia media = maker.open(folder)) {
      media.await(media.submitImage(image), MediaProgress.NONE, () -> false);
      if (!videos.isEmpty()) {
        media.await(media.submitVideo(videos.getFirst()), MediaProgress.NONE, () -> false);
      }
    }
  }

  /** Every job submitted at once; each followed on its own virtual thread until it ends. */
  private static Result asJobs(
      MediaMaker maker, Path folder, List<ImageJobInput> images, List<VideoOrder> videos)
      throws Exception {
    try (InProcessMedia media = maker.open(folder);
        ExecutorService followers = Executors.newVirtualThreadPerTaskExecutor()) {
      long start = System.nanoTime();
      List<UUID> imageIds = images.stream().map(media::submitImage).toList();
      List<UUID> videoIds = videos.stream().map(media::submitVideo).toList();
      List<Future<Long>> imageEnds = follow(media, followers, imageIds);
      List<Future<Long>> videoEnds = follow(media, followers, videoIds);
      List<RunRecord> imageRuns = new ArrayList<>();
      List<RunRecord> videoRuns = new ArrayList<>();
      long imagesWall = lastEnd(imageEnds, start);
      long videosWall = lastEnd(videoEnds, start);
      for (UUID id : imageIds) {
        imageRuns.add(media.await(id, MediaProgress.NONE, () -> false));
      }
      for (UUID id : videoIds) {
        videoRuns.add(media.await(id, MediaProgress.NONE, () -> false));
      }
      return new Result(
          new Kind(imagesWall, recorded(imageRuns, false), recorded(imageRuns, true)),
          new Kind(videosWall, recorded(videoRuns, false), recorded(videoRuns, true)),
          Math.max(imagesWall, videosWall));
    }
  }

  private static List<Future<Long>> follow(
      InProcessMedia media, ExecutorService followers, List<UUID> ids) {
    return ids.stream()
        .map(
            id ->
                followers.submit(
                    () -> {
                      // Throws the job's error: every job must finish.
                      media.await(id, MediaProgress.NONE, () -> false);
                      return System.nanoTime();
                    }))
        .toList();
  }

  private static long lastEnd(List<Future<Long>> ends, long start) throws Exception {
    long last = start;
    for (Future<Long> end : ends) {
      last = Math.max(last, end.get());
    }
    return last - start;
  }

  /** Each job's time from its submit (or its start) to its end, as its run recorded them. */
  private static long[] recorded(List<RunRecord> runs, boolean fromStart) {
    return runs.stream()
        .mapToLong(
            r ->
                Duration.between(
                        fromStart ? r.startedAt().orElseThrow() : r.createdAt(),
                        r.completedAt().orElseThrow())
                    .toNanos())
        .toArray();
  }

  /** The same pictures and clips one after another, straight through the generators. */
  private static Result directly(
      ImageGenerator images,
      Optional<VideoGenerator> video,
      Path folder,
      List<ImageJobInput> imageJobs,
      List<VideoOrder> videoJobs,
      Path still)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    long[] imageTimes = new long[imageJobs.size()];
    for (int i = 0; i < imageJobs.size(); i++) {
      Path out = Files.createDirectories(folder.resolve("image-" + i));
      long t = System.nanoTime();
      images.generate(imageJobs.get(i).request(), out);
      imageTimes[i] = System.nanoTime() - t;
    }
    long imagesWall = System.nanoTime() - start;
    long videoStart = System.nanoTime();
    long[] videoTimes = new long[videoJobs.size()];
    for (int i = 0; i < videoJobs.size(); i++) {
      VideoOrder order = videoJobs.get(i);
      Path out = Files.createDirectories(folder.resolve("video-" + i));
      VideoRequest request =
          new VideoRequest(
              order.prompt(),
              Optional.of(VideoFrame.of(still)),
              Optional.empty(),
              order.durationS(),
              order.fps(),
              Resolution.parse(order.resolution()),
              Aspect.parse(order.aspectRatio(), "aspect_ratio"),
              order.seed());
      long t = System.nanoTime();
      VideoGenerator engine = video.orElseThrow();
      VideoProgress progress = engine.submit(request, out);
      while (progress instanceof VideoProgress.Pending pending) {
        Thread.sleep(pending.job().pollAfter().toMillis());
        progress = engine.poll(pending.job(), out);
      }
      videoTimes[i] = System.nanoTime() - t;
    }
    long videosWall = System.nanoTime() - videoStart;
    return new Result(
        new Kind(imagesWall, imageTimes, imageTimes),
        new Kind(videosWall, videoTimes, videoTimes),
        System.nanoTime() - start);
  }

  private static void report(Result jobs, Result direct, int images, int videos) {
    System.out.printf(
        Locale.ROOT,
        "%-8s %-20s %8s %8s %8s %13s%n",
        "kind",
        "",
        "wall s",
        "p50 s",
        "p95 s",
        "working p50 s");
    row("images", "jobs, all at once", jobs.images());
    row("images", "direct, one by one", direct.images());
    if (videos > 0) {
      row("video", "jobs, all at once", jobs.videos());
      row("video", "direct, one by one", direct.videos());
    }
    System.out.printf(
        Locale.ROOT,
        "all %d jobs finished in %.1f s; the same work directly, one after another: %.1f s%n",
        images + videos,
        jobs.wallNanos() / 1e9,
        direct.wallNanos() / 1e9);
    System.out.printf(
        Locale.ROOT,
        "ratio jobs ÷ direct (wall): images %.2f%s, all %.2f%n",
        (double) jobs.images().wallNanos() / direct.images().wallNanos(),
        videos > 0
            ? String.format(
                Locale.ROOT,
                ", video %.2f",
                (double) jobs.videos().wallNanos() / direct.videos().wallNanos())
            : "",
        (double) jobs.wallNanos() / direct.wallNanos());
  }

  private static void row(String kind, String how, Kind measured) {
    Stats stats = Stats.of(measured.each());
    System.out.printf(
        Locale.ROOT,
        "%-8s %-20s %8.2f %8.2f %8.2f %13.2f%n",
        kind,
        how,
        measured.wallNanos() / 1e9,
        stats.p50() / 1000,
        p95(measured.each()) / 1e9,
        Stats.of(measured.working()).p50() / 1000);
  }

  private static double p95(long[] nanos) {
    long[] sorted = nanos.clone();
    java.util.Arrays.sort(sorted);
    int index = (int) Math.ceil(0.95 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** A 1280×720 still with some detail for the video engine to move over. */
  private static Path still(Path file) throws IOException {
    BufferedImage picture = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = picture.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(20, 60, 120), 1280, 720, new Color(240, 180, 90)));
    g.fillRect(0, 0, 1280, 720);
    g.setColor(Color.WHITE);
    for (int i = 0; i < 40; i++) {
      g.fillOval(30 * i + 10, 360 + (int) (120 * Math.sin(i / 3.0)), 24, 24);
    }
    g.dispose();
    ImageIO.write(picture, "png", file.toFile());
    return file;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
