package dev.reelforge.bench;

import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderListener;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.ffmpeg.FfmpegLocator;
import dev.reelforge.media.ffmpeg.FfmpegRun;
import dev.reelforge.media.render.EncoderSettings;
import dev.reelforge.media.render.RenderEngine;
import dev.reelforge.media.render.RenderSettings;
import dev.reelforge.media.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three quality tiers against each other, in one run.
 *
 * <ol>
 *   <li>Each tier renders the same 1080×1920 story (Ken Burns stills, captions, hook, music) from
 *       an empty cache: wall time and file size, rounds alternating the tiers.
 *   <li>Fidelity: the story's frames (rendered once at the high tier and decoded) are encoded with
 *       each tier's own encoder arguments, and the result compared with those frames by SSIM.
 *       Comparing encodes of the same frames isolates what the tier changes, the encoder.
 * </ol>
 *
 * Figures are ratios to the standard tier. Usage: {@code bench/run.sh tiers [rounds] [seconds]}.
 */
public final class TierBenchmark {

  private static final Pattern SSIM = Pattern.compile("All:([0-9.]+)");

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 30;
    FfmpegInstallation ffmpeg =
        FfmpegLocator.fromEnvironment(Optional.empty(), Optional.empty()).locate();
    Path dir = Files.createTempDirectory("reelforge-tier-bench");
    Timeline story = Fixtures.story(dir, seconds, 6);
    RenderPreset preset = RenderPreset.SHORTS;
    System.out.printf(
        "FFmpeg %s, %.0f s story at %dx%d, %d rounds%n",
        ffmpeg.version(), seconds, preset.width(), preset.height(), rounds);

    Map<QualityTier, List<Double>> times = new EnumMap<>(QualityTier.class);
    Map<QualityTier, Long> bytes = new EnumMap<>(QualityTier.class);
    Path reference = null;
    for (int round = 0; round < rounds; round++) {
      for (QualityTier tier : QualityTier.values()) {
        Path work = dir.resolve("work-" + tier + "-" + round);
        RenderEngine engine =
            new RenderEngine(ffmpeg, RenderSettings.in(work), FontLibrary.shared());
        Path out = dir.resolve("out-" + tier + "-" + round);
        long start = System.nanoTime();
        Path video =
            engine
                .render(
                    new RenderJob(story, dir, List.of(preset), tier, out, "tier"),
                    RenderListener.NONE,
                    Cancellation.none())
                .output(preset)
                .video();
        times.computeIfAbsent(tier, t -> new ArrayList<>()).add((System.nanoTime() - start) / 1e9);
        bytes.put(tier, Files.size(video));
        if (tier == QualityTier.HIGH && reference == null) {
          reference = video;
        }
      }
    }

    Path raw = dir.resolve("frames.yuv");
    FfmpegRun run = FfmpegRun.within(ffmpeg, Cancellation.none(), Duration.ofMinutes(10));
    run.run(
        "decode",
        List.of(
            "-i", reference.toString(), "-f", "rawvideo", "-pix_fmt", "yuv420p", raw.toString()),
        null);
    Map<QualityTier, Double> ssim = new EnumMap<>(QualityTier.class);
    Map<QualityTier, Long> encodedBytes = new EnumMap<>(QualityTier.class);
    Map<QualityTier, Double> encodeSeconds = new EnumMap<>(QualityTier.class);
    for (QualityTier tier : QualityTier.values()) {
      Path encoded = dir.resolve("encoded-" + tier + ".mp4");
      List<String> encode = new ArrayList<>(rawInput(preset, raw));
      encode.addAll(EncoderSettings.choose(ffmpeg, preset, tier).videoArguments());
      encode.addAll(List.of("-an", encoded.toString()));
      long encodeStart = System.nanoTime();
      run.run("encode " + tier, encode, null);
      encodeSeconds.put(tier, (System.nanoTime() - encodeStart) / 1e9);
      encodedBytes.put(tier, Files.size(encoded));
      List<String> compare = new ArrayList<>(List.of("-i", encoded.toString()));
      compare.addAll(rawInput(preset, raw));
      compare.addAll(List.of("-lavfi", "ssim", "-f", "null", "-"));
      ssim.put(tier, ssim(ffmpeg, compare));
    }

    double standardTime = median(times.get(QualityTier.STANDARD));
    long standardBytes = bytes.get(QualityTier.STANDARD);
    System.out.println(
        "tier      render s (median)  ÷ standard   MB     ÷ standard   SSIM     encoder alone s"
            + "  ÷ standard");
    for (QualityTier tier : QualityTier.values()) {
      double time = median(times.get(tier));
      System.out.printf(
          Locale.ROOT,
          "%-9s %8.2f %-12s %6.2f   %6.2f %6.2f       %.4f   %6.2f  %6.2f%n",
          tier.name().toLowerCase(Locale.ROOT),
          time,
          times.get(tier),
          time / standardTime,
          bytes.get(tier) / 1e6,
          (double) bytes.get(tier) / standardBytes,
          ssim.get(tier),
          encodeSeconds.get(tier),
          encodeSeconds.get(tier) / encodeSeconds.get(QualityTier.STANDARD));
    }
  }

  private static List<String> rawInput(RenderPreset preset, Path raw) {
    return List.of(
        "-f",
        "rawvideo",
        "-pix_fmt",
        "yuv420p",
        "-video_size",
        preset.width() + "x" + preset.height(),
        "-framerate",
        Integer.toString(preset.fps()),
        "-i",
        raw.toString());
  }

  /** Runs FFmpeg's ssim filter and reads its summary line from the standard error. */
  private static double ssim(FfmpegInstallation ffmpeg, List<String> args) {
    List<String> command = new ArrayList<>(List.of("-hide_banner"));
    command.addAll(args);
    String output = ffmpeg.ffmpeg(command, Duration.ofMinutes(10)).run().output();
    Matcher m = SSIM.matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("no SSIM in FFmpeg's output:\n" + output);
    }
    return Double.parseDouble(m.group(1));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
