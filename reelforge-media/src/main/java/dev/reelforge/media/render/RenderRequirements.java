package dev.reelforge.media.render;

import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import java.util.List;

/**
 * The FFmpeg filters and encoders the render engine's graphs use. Every stock build (Debian's, the
 * bundled ones) has them; a custom minimal build may not, and is better refused up front than
 * failing half-way through a render.
 */
public final class RenderRequirements {

  static final List<String> FILTERS =
      List.of(
          "adelay",
          "afade",
          "aformat",
          "alimiter",
          "amix",
          "anullsink",
          "apad",
          "asetpts",
          "asplit",
          "atrim",
          "boxblur",
          "crop",
          "ebur128",
          "eq",
          "fade",
          "format",
          "fps",
          "loop",
          "overlay",
          "perspective",
          "scale",
          "setpts",
          "setsar",
          "sidechaincompress",
          "split",
          "tpad",
          "volume");

  private RenderRequirements() {}

  /** What this build lacks, as names of filters and encoders; empty when it can render. */
  public static List<String> missing(FfmpegInstallation ffmpeg) {
    List<String> missing =
        new java.util.ArrayList<>(FILTERS.stream().filter(f -> !ffmpeg.hasFilter(f)).toList());
    if (ffmpeg.h264Encoder().isEmpty()) {
      missing.add("libx264 or libopenh264");
    }
    if (!ffmpeg.hasEncoder("aac")) {
      missing.add("aac");
    }
    return missing;
  }
}
