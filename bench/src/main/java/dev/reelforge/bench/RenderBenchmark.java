package dev.reelforge.bench;

import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderEstimate;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderListener;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.timeline.Motion;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.ffmpeg.FfmpegLocator;
import dev.reelforge.media.ffmpeg.FfmpegRun;
import dev.reelforge.media.render.EncoderSettings;
import dev.reelforge.media.render.RenderEngine;
import dev.reelforge.media.render.RenderEstimator;
import dev.reelforge.media.render.RenderSettings;
import dev.reelforge.media.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The render engine against bare FFmpeg, in one run.
 *
 * <ol>
 *   <li>A 45 s 1080×1920 story (8 segments, Ken Burns on every still, fades, word-highlighted
 *       captions, hook title, music ducked under the voice, two-pass loudness normalisation) at the
 *       standard tier, from an empty cache, versus FFmpeg encoding the same number of frames at the
 *       same encoder settings with nothing else to do (two sources: moving test pattern, and the
 *       story's first picture held still).
 *   <li>The same render after one segment's picture changes, versus the full render.
 * </ol>
 *
 * Rounds alternate the contenders so that machine noise hits them alike; medians are reported.
 * Usage: {@code bench/run.sh render [rounds] [seconds] [ffmpeg=bundled|system]}.
 */
public final class RenderBenchmark {

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 45;
    String which = args.length > 2 ? args[2] : "located";
    FfmpegInstallation ffmpeg =
        which.equals("bundled")
            ? dev.reelforge.media.ffmpeg.BundledFfmpeg.bytedeco()
            : FfmpegLocator.fromEnvironment(Optional.empty(), Optional.empty()).locate();
    Path dir = Files.createTempDirectory("reelforge-render-bench");
    Timeline story = Fixtures.story(dir, seconds, 8);
    RenderPreset preset = RenderPreset.SHORTS;
    QualityTier tier = QualityTier.STANDARD;
    int frames = (int) Math.round(seconds * preset.fps());
    EncoderSettings encoder = EncoderSettings.choose(ffmpeg, preset, tier);
    System.out.printf(
        "FFmpeg %s (%s), encoder %s, %d frames of %dx%d, %d rounds%n",
        ffmpeg.version(),
        ffmpeg.origin(),
        encoder.encoder(),
        frames,
        preset.width(),
        preset.height(),
        rounds);
    long[] actualBytes = {0};
    RenderEstimate estimate =
        new RenderEstimator(ffmpeg, dir.resolve("calibration"))
            .estimate(story, List.of(preset), tier);

    // One render first, timed by step (the gaps are work between FFmpeg runs: still preparation,
    // caption drawing, thumbnails); its frames, decoded to raw YUV, are the third baseline: the
    // encoder alone on exactly the frames the render produced.
    Path profileWork = dir.resolve("work-profile");
    PhaseClock phases = new PhaseClock();
    Path rendered =
        new RenderEngine(ffmpeg, RenderSettings.in(profileWork), FontLibrary.shared())
            .render(
                new RenderJob(story, dir, List.of(preset), tier, dir.resolve("out"), "profile"),
                phases,
                Cancellation.none())
            .output(preset)
            .video();
    System.out.println("first render (cold), by step:");
    phases.print();
    Path raw = dir.resolve("frames.yuv");
    FfmpegRun.within(ffmpeg, Cancellation.none(), Duration.ofMinutes(10))
        .run(
            "decode to raw",
            List.of(
                "-i", rendered.toString(), "-f", "rawvideo", "-pix_fmt", "yuv420p", raw.toString()),
            null);

    List<Double> full = new ArrayList<>();
    List<Double> bareSame = new ArrayList<>();
    List<Double> edit = new ArrayList<>();
    List<Double> barePattern = new ArrayList<>();
    List<Double> bareStill = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      Path work = dir.resolve("work-" + round);
      RenderEngine engine = new RenderEngine(ffmpeg, RenderSettings.in(work), FontLibrary.shared());
      full.add(
          time(
              () ->
                  actualBytes[0] =
                      render(engine, story, dir, preset, tier).output(preset).bytes()));
      Fixtures.picture(dir.resolve("edit-" + round + ".png"), 1600, 1200, 1000 + round);
      Segment old = story.segments().get(4);
      Timeline edited =
          story.withSegment(
              4,
              new Segment(
                  old.id(),
                  old.durationMillis(),
                  VisualClip.image("edit-" + round + ".png", Motion.zoomIn()),
                  old.transitionIn()));
      edit.add(time(() -> render(engine, edited, dir, preset, tier)));
      barePattern.add(time(() -> bare(ffmpeg, encoder, "lavfi", testPattern(preset), frames, dir)));
      bareSame.add(time(() -> bare(ffmpeg, encoder, "raw", raw.toString(), frames, dir)));
      bareStill.add(
          time(
              () ->
                  bare(
                      ffmpeg,
                      encoder,
                      "still",
                      dir.resolve("beat-0.png").toString(),
                      frames,
                      dir)));
    }
    Files.deleteIfExists(raw);
    double fullMedian = median(full);
    System.out.printf(Locale.ROOT, "full render         median %6.2f s  %s%n", fullMedian, full);
    System.out.printf(
        Locale.ROOT, "bare encode pattern median %6.2f s  %s%n", median(barePattern), barePattern);
    System.out.printf(
        Locale.ROOT, "bare encode still   median %6.2f s  %s%n", median(bareStill), bareStill);
    System.out.printf(Locale.ROOT, "edit one segment    median %6.2f s  %s%n", median(edit), edit);
    System.out.printf(
        Locale.ROOT,
        "ratio full/bare(pattern) %.2f   full/bare(still) %.2f   full/bare(same frames) %.2f"
            + "   edit/full %.2f%n",
        fullMedian / median(barePattern),
        fullMedian / median(bareStill),
        fullMedian / median(bareSame),
        median(edit) / fullMedian);
    System.out.printf(
        Locale.ROOT,
        "estimate before rendering: %.1f s, %.1f MB (actual: %.1f s, %.1f MB); speed vs real time"
            + " %.2fx%n",
        estimate.time().toMillis() / 1000.0,
        estimate.bytes() / 1e6,
        fullMedian,
        actualBytes[0] / 1e6,
        seconds / fullMedian);
  }

  private static RenderResult render(
      RenderEngine engine, Timeline timeline, Path dir, RenderPreset preset, QualityTier tier) {
    return engine.render(
        new RenderJob(timeline, dir, List.of(preset), tier, dir.resolve("out"), "bench"),
        RenderListener.NONE,
        Cancellation.none());
  }

  private static String testPattern(RenderPreset preset) {
    return "testsrc2=s=" + preset.width() + "x" + preset.height() + ":r=" + preset.fps();
  }

  private static void bare(
      FfmpegInstallation ffmpeg,
      EncoderSettings encoder,
      String kind,
      String source,
      int frames,
      Path dir) {
    List<String> args = new ArrayList<>();
    if (kind.equals("lavfi")) {
      args.addAll(List.of("-f", "lavfi", "-i", source));
    } else if (kind.equals("raw")) {
      args.addAll(
          List.of(
              "-f",
              "rawvideo",
              "-pix_fmt",
              "yuv420p",
              "-video_size",
              "1080x1920",
              "-framerate",
              "30",
              "-i",
              source));
    } else {
      args.addAll(
          List.of("-loop", "1", "-framerate", "30", "-i", source, "-vf", "scale=1080:1920"));
    }
    args.addAll(List.of("-frames:v", Integer.toString(frames)));
    args.addAll(encoder.videoArguments());
    args.addAll(List.of("-an", "-f", "mp4", dir.resolve("bare.mp4").toString()));
    FfmpegRun.within(ffmpeg, Cancellation.none(), Duration.ofMinutes(10))
        .run("bare encode", args, null);
  }

  private static double time(ThrowingRunnable action) throws Exception {
    long start = System.nanoTime();
    action.run();
    return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Sums the wall time spent in each kind of step. */
  private static final class PhaseClock implements RenderListener {
    private final java.util.Map<String, Double> seconds = new java.util.LinkedHashMap<>();
    private final long start = System.nanoTime();
    private long last = start;
    private String current = "setup";

    @Override
    public synchronized void progress(double fraction, String step) {
      String kind =
          step.replaceAll(" \\(.*", "")
              .replaceAll("segment \\d+", "segments")
              .replaceAll(" \\[.*", "");
      long now = System.nanoTime();
      if (!kind.equals(current)) {
        seconds.merge(current, (now - last) / 1e9, Double::sum);
        current = kind;
        last = now;
      }
    }

    void print() {
      seconds.merge(current, (System.nanoTime() - last) / 1e9, Double::sum);
      seconds.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-28s %6.2f s%n", k, v));
    }
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
