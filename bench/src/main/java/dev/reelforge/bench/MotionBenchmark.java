package dev.reelforge.bench;

import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.videogen.GeneratedVideo;
import dev.reelforge.core.videogen.VideoProgress;
import dev.reelforge.core.videogen.VideoRequest;
import dev.reelforge.core.videogen.VideoRequest.Aspect;
import dev.reelforge.core.videogen.VideoRequest.Resolution;
import dev.reelforge.core.videogen.VideoRequest.VideoFrame;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.ffmpeg.FfmpegLocator;
import dev.reelforge.media.ffmpeg.FfmpegRun;
import dev.reelforge.media.motion.LocalVideoGenerator;
import dev.reelforge.media.render.EncoderSettings;
import dev.reelforge.media.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The offline video engine against FFmpeg alone, in one run: 5 s 720p (1280×720, 24 fps, 120
 * frames) clips of each kind — a push-in, an orbit (subject estimate and displacement field), a
 * push-in dissolving into an end frame, a text-only request (procedural still) — against FFmpeg
 * encoding the same number of frames with the same encoder settings: the start picture at the
 * frame's size held still (decoded once, repeated by the {@code loop} filter), and the orbit clip's
 * own frames decoded to raw YUV (the encoder alone on exactly what the engine produced, so the
 * difference is the engine's own work).
 *
 * <p>Rounds alternate the contenders; medians are reported. Run it on one core with {@code taskset
 * -c 0 bench/run.sh motion [rounds]}.
 */
public final class MotionBenchmark {

  private static final int SECONDS = 5;
  private static final int FPS = 24;

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    FfmpegInstallation ffmpeg =
        FfmpegLocator.fromEnvironment(Optional.empty(), Optional.empty()).locate();
    Path dir = Files.createTempDirectory("reelforge-motion-bench");
    Path start = Fixtures.picture(dir.resolve("start.png"), 1600, 900, 1);
    Path end = Fixtures.picture(dir.resolve("end.png"), 1600, 900, 2);
    // The same picture at the frame's size, which FFmpeg decodes once and repeats (as the render
    // engine encodes a still).
    Path still720 = Fixtures.picture(dir.resolve("still.png"), 1280, 720, 1);
    int frames = SECONDS * FPS;
    EncoderSettings encoder = EncoderSettings.choose(ffmpeg, 1280, 720, FPS, QualityTier.STANDARD);
    System.out.printf(
        "FFmpeg %s (%s), encoder %s, %d frames of 1280x720, %d rounds, %d processors%n",
        ffmpeg.version(),
        ffmpeg.origin(),
        encoder.encoder(),
        frames,
        rounds,
        Runtime.getRuntime().availableProcessors());

    Map<String, VideoRequest> cases = new LinkedHashMap<>();
    cases.put("push-in", request("push in", Optional.of(start), Optional.empty()));
    cases.put("orbit", request("orbit", Optional.of(start), Optional.empty()));
    cases.put("push-in+morph", request("push in", Optional.of(start), Optional.of(end)));
    cases.put(
        "text only", request("a lighthouse at dusk, push in", Optional.empty(), Optional.empty()));

    // Warm-up (JIT) and the orbit's frames for the encoder-alone baseline.
    Path orbit = make(ffmpeg, cases.get("orbit"), dir.resolve("warm"));
    Path raw = dir.resolve("orbit.yuv");
    FfmpegRun.within(ffmpeg, Cancellation.none(), Duration.ofMinutes(5))
        .run(
            "decode to raw",
            List.of(
                "-i", orbit.toString(), "-f", "rawvideo", "-pix_fmt", "yuv420p", raw.toString()),
            null);

    Map<String, List<Double>> times = new LinkedHashMap<>();
    cases.keySet().forEach(name -> times.put(name, new ArrayList<>()));
    List<Double> still = new ArrayList<>();
    List<Double> same = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, VideoRequest> c : cases.entrySet()) {
        Path out = dir.resolve("round-" + round + "-" + c.getKey().replaceAll("\\W", ""));
        times.get(c.getKey()).add(time(() -> make(ffmpeg, c.getValue(), out)));
      }
      int r = round;
      still.add(
          time(
              () ->
                  bare(
                      ffmpeg,
                      encoder,
                      List.of(
                          "-i",
                          still720.toString(),
                          "-vf",
                          "loop=loop=-1:size=1:start=0,setpts=N/(" + FPS + "*TB)"),
                      frames,
                      dir.resolve("still-" + r + ".mp4"))));
      same.add(
          time(
              () ->
                  bare(
                      ffmpeg,
                      encoder,
                      List.of(
                          "-f",
                          "rawvideo",
                          "-pix_fmt",
                          "yuv420p",
                          "-video_size",
                          "1280x720",
                          "-framerate",
                          "" + FPS,
                          "-i",
                          raw.toString()),
                      frames,
                      dir.resolve("same-" + r + ".mp4"))));
    }
    double stillMedian = median(still);
    double sameMedian = median(same);
    System.out.printf(
        Locale.ROOT,
        "%-28s median %6.2f s  %s%n",
        "FFmpeg alone, still picture",
        stillMedian,
        still);
    System.out.printf(
        Locale.ROOT,
        "%-28s median %6.2f s  %s%n",
        "FFmpeg alone, orbit's frames",
        sameMedian,
        same);
    for (Map.Entry<String, List<Double>> t : times.entrySet()) {
      double m = median(t.getValue());
      System.out.printf(
          Locale.ROOT,
          "%-28s median %6.2f s  %s  = %.2fx still, %.2fx same frames%n",
          "engine, " + t.getKey(),
          m,
          t.getValue(),
          m / stillMedian,
          m / sameMedian);
    }
  }

  private static VideoRequest request(String prompt, Optional<Path> start, Optional<Path> end) {
    return new VideoRequest(
        prompt,
        start.map(VideoFrame::of),
        end.map(VideoFrame::of),
        SECONDS,
        FPS,
        Resolution.P720,
        Aspect.LANDSCAPE,
        42);
  }

  private static Path make(FfmpegInstallation ffmpeg, VideoRequest request, Path dir) {
    VideoProgress progress = new LocalVideoGenerator(() -> ffmpeg).submit(request, dir);
    GeneratedVideo video = ((VideoProgress.Done) progress).video();
    return video.file();
  }

  private static void bare(
      FfmpegInstallation ffmpeg,
      EncoderSettings encoder,
      List<String> input,
      int frames,
      Path output) {
    List<String> args = new ArrayList<>(input);
    args.addAll(List.of("-frames:v", Integer.toString(frames)));
    args.addAll(encoder.videoArguments());
    args.addAll(List.of("-movflags", "+faststart", "-an", "-f", "mp4", output.toString()));
    FfmpegRun.within(ffmpeg, Cancellation.none(), Duration.ofMinutes(5)).run("bare", args, null);
  }

  private static double time(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private MotionBenchmark() {}
}
