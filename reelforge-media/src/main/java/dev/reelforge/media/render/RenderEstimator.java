package dev.reelforge.media.render;

import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.ffmpeg.FfmpegRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Estimates a render's time and size from a calibration encode: a couple of seconds of busy
 * synthetic video at the preset's size with the tier's exact encoder settings, timed on this
 * machine the first time that combination is asked for and remembered for the process's life.
 */
public final class RenderEstimator {

  /** Frames in a calibration encode: long enough to get past encoder start-up. */
  static final int CALIBRATION_FRAMES = 60;

  /**
   * Rendering costs more than encoding alone (motion, overlays, process starts, the join); the
   * render benchmark measures this ratio (see bench/README.md).
   */
  static final double RENDER_OVERHEAD = 1.3;

  /** Starting an FFmpeg process and opening its inputs, per segment. */
  static final double SECONDS_PER_SEGMENT = 0.2;

  private static final Map<String, Calibration> CALIBRATIONS = new ConcurrentHashMap<>();

  private final FfmpegInstallation ffmpeg;
  private final Path tempDir;

  public RenderEstimator(FfmpegInstallation ffmpeg, Path tempDir) {
    this.ffmpeg = ffmpeg;
    this.tempDir = tempDir;
  }

  public RenderEstimate estimate(Timeline timeline, List<RenderPreset> presets, QualityTier tier) {
    double seconds = timeline.durationMillis() / 1000.0;
    List<RenderEstimate.PresetEstimate> estimates = new ArrayList<>();
    double totalSeconds = 0;
    long totalBytes = 0;
    for (RenderPreset preset : presets) {
      Calibration calibration = calibration(preset, tier);
      double frames = seconds * preset.fps();
      double time =
          frames / calibration.fps() * RENDER_OVERHEAD
              + timeline.segments().size() * SECONDS_PER_SEGMENT;
      long bytes =
          Math.round(frames * calibration.bytesPerFrame() + seconds * tier.audioKbps() * 125);
      estimates.add(
          new RenderEstimate.PresetEstimate(
              preset, Duration.ofMillis(Math.round(time * 1000)), bytes, calibration.fps()));
      totalSeconds += time;
      totalBytes += bytes;
    }
    // The soundtrack: two passes over the audio, far faster than real time.
    totalSeconds += seconds / 50;
    return new RenderEstimate(
        Duration.ofMillis(Math.round(totalSeconds * 1000)), totalBytes, estimates);
  }

  private Calibration calibration(RenderPreset preset, QualityTier tier) {
    EncoderSettings settings = EncoderSettings.choose(ffmpeg, preset, tier);
    String key = ffmpeg.ffmpeg() + "|" + preset.width() + "x" + preset.height() + "|" + settings;
    return CALIBRATIONS.computeIfAbsent(key, k -> measure(preset, settings));
  }

  private Calibration measure(RenderPreset preset, EncoderSettings settings) {
    try {
      Files.createDirectories(tempDir);
      Path out = Files.createTempFile(tempDir, "calibration-", ".mp4");
      try {
        List<String> args =
            new ArrayList<>(
                List.of(
                    "-f",
                    "lavfi",
                    "-i",
                    // Moving detail plus grain: closer to footage than a flat test pattern.
                    "testsrc2=s="
                        + preset.width()
                        + "x"
                        + preset.height()
                        + ":r="
                        + preset.fps()
                        + ",noise=alls=10:allf=t",
                    "-frames:v",
                    Integer.toString(CALIBRATION_FRAMES)));
        args.addAll(settings.videoArguments());
        args.addAll(List.of("-an", "-f", "mp4", out.toString()));
        long start = System.nanoTime();
        FfmpegRun.within(ffmpeg, Cancellation.none(), Duration.ofMinutes(2))
            .run("encoder calibration", args, null);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Calibration(
            CALIBRATION_FRAMES / elapsed, (double) Files.size(out) / CALIBRATION_FRAMES);
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Calibration(double fps, double bytesPerFrame) {}
}
