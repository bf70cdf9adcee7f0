package dev.reelforge.media.render;

import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderEstimate;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.VisualClip;
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
 * Estimates a render's time and size from calibration encodes: two seconds of synthetic video at
 * the preset's size with the tier's exact encoder settings, one of moving detail (standing in for
 * footage) and one of a still under a slow zoom (standing in for Ken Burns segments, which compress
 * several times better). Each is timed on this machine the first time it is needed and remembered
 * for the process's life; the timeline's mix of stills and footage weights them.
 */
public final class RenderEstimator {

  /** Frames in a calibration encode: long enough to get past encoder start-up. */
  static final int CALIBRATION_FRAMES = 75;

  static final int WARM_UP_FRAMES = 15;

  /**
   * Rendering costs more than encoding alone (motion, overlays, process starts, the join); the
   * render benchmark measures this ratio (see bench/README.md).
   */
  static final double RENDER_OVERHEAD = 1.6;

  /** Starting an FFmpeg process, opening its inputs and draining the encoder, per segment. */
  static final double SECONDS_PER_SEGMENT = 0.4;

  private static final Map<String, Calibration> CALIBRATIONS = new ConcurrentHashMap<>();

  private final FfmpegInstallation ffmpeg;
  private final Path tempDir;

  public RenderEstimator(FfmpegInstallation ffmpeg, Path tempDir) {
    this.ffmpeg = ffmpeg;
    this.tempDir = tempDir;
  }

  public RenderEstimate estimate(Timeline timeline, List<RenderPreset> presets, QualityTier tier) {
    double seconds = timeline.durationMillis() / 1000.0;
    double stillSeconds =
        timeline.segments().stream()
                .filter(s -> s.visual().kind() == VisualClip.Kind.IMAGE)
                .mapToLong(Segment::durationMillis)
                .sum()
            / 1000.0;
    List<RenderEstimate.PresetEstimate> estimates = new ArrayList<>();
    double totalSeconds = 0;
    long totalBytes = 0;
    for (RenderPreset preset : presets) {
      Calibration stills = calibration(preset, tier, Content.STILL_IN_MOTION);
      Calibration footage = calibration(preset, tier, Content.FOOTAGE);
      double stillFrames = stillSeconds * preset.fps();
      double footageFrames = (seconds - stillSeconds) * preset.fps();
      double time =
          (stillFrames / stills.fps() + footageFrames / footage.fps()) * RENDER_OVERHEAD
              + timeline.segments().size() * SECONDS_PER_SEGMENT;
      long bytes =
          Math.round(
              stillFrames * stills.bytesPerFrame()
                  + footageFrames * footage.bytesPerFrame()
                  + seconds * EncoderSettings.audioKbps(tier) * 125);
      double frames = stillFrames + footageFrames;
      double fps = frames / (stillFrames / stills.fps() + footageFrames / footage.fps());
      estimates.add(
          new RenderEstimate.PresetEstimate(
              preset, Duration.ofMillis(Math.round(time * 1000)), bytes, fps));
      totalSeconds += time;
      totalBytes += bytes;
    }
    // The soundtrack: two passes over the audio, far faster than real time.
    totalSeconds += seconds / 50;
    return new RenderEstimate(
        Duration.ofMillis(Math.round(totalSeconds * 1000)), totalBytes, estimates);
  }

  private Calibration calibration(RenderPreset preset, QualityTier tier, Content content) {
    EncoderSettings settings = EncoderSettings.choose(ffmpeg, preset, tier);
    String key =
        ffmpeg.ffmpeg()
            + "|"
            + preset.width()
            + "x"
            + preset.height()
            + "|"
            + settings
            + "|"
            + content;
    return CALIBRATIONS.computeIfAbsent(key, k -> measure(preset, settings, content));
  }

  /** What a calibration encode shows. */
  private enum Content {
    /** Moving detail: a stand-in for stock footage. */
    FOOTAGE,
    /** One detailed frame under a slow zoom, drawn the way the renderer draws Ken Burns. */
    STILL_IN_MOTION;

    String source(RenderPreset preset) {
      String size = preset.width() + "x" + preset.height();
      if (this == FOOTAGE) {
        return "testsrc2=s=" + size + ":r=" + preset.fps();
      }
      // The zoom is done with a per-frame scale here: the content (and so the encoder's work)
      // is what matters, not the sub-pixel smoothness of the real renderer.
      return "testsrc2=s="
          + size
          + ":r="
          + preset.fps()
          + ",trim=end_frame=1,loop=loop=-1:size=1,setpts=N/("
          + preset.fps()
          + "*TB),scale=w='"
          + preset.width()
          + "*(1+0.1*n/"
          + CALIBRATION_FRAMES
          + ")':h=-2:eval=frame,crop="
          + preset.width()
          + ":"
          + preset.height();
    }
  }

  /**
   * Encodes a short and a long run and takes the difference, so that FFmpeg's start-up and the
   * encoder's final flush (paid once per segment, counted in {@link #SECONDS_PER_SEGMENT}) do not
   * distort the per-frame speed.
   */
  private Calibration measure(RenderPreset preset, EncoderSettings settings, Content content) {
    Encode small = encode(preset, settings, content, WARM_UP_FRAMES);
    Encode large = encode(preset, settings, content, CALIBRATION_FRAMES);
    double frames = CALIBRATION_FRAMES - WARM_UP_FRAMES;
    double seconds = Math.max(1e-3, large.seconds() - small.seconds());
    return new Calibration(frames / seconds, Math.max(1, (large.bytes() - small.bytes()) / frames));
  }

  private Encode encode(
      RenderPreset preset, EncoderSettings settings, Content content, int frames) {
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
                    content.source(preset),
                    "-frames:v",
                    Integer.toString(frames)));
        args.addAll(settings.videoArguments());
        args.addAll(List.of("-an", "-f", "mp4", out.toString()));
        long start = System.nanoTime();
        FfmpegRun.within(ffmpeg, Cancellation.none(), Duration.ofMinutes(2))
            .run("encoder calibration", args, null);
        return new Encode((System.nanoTime() - start) / 1e9, Files.size(out));
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Encode(double seconds, long bytes) {}

  private record Calibration(double fps, double bytesPerFrame) {}
}
