package dev.reelforge.media.render;

import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.ffmpeg.FfmpegNotUsableException;
import java.util.ArrayList;
import java.util.List;

/**
 * The H.264 encoder chosen for this FFmpeg build and the arguments for one preset and tier. Every
 * segment of a preset is encoded with exactly these arguments, which is what lets the segments be
 * joined without re-encoding.
 *
 * @param encoder {@code libx264} when the build has it, else {@code libopenh264}
 * @param videoArguments the encoder, rate control, profile, pixel format and GOP arguments
 */
public record EncoderSettings(String encoder, List<String> videoArguments) {

  public EncoderSettings {
    videoArguments = List.copyOf(videoArguments);
  }

  /**
   * @throws FfmpegNotUsableException when the build has no H.264 encoder at all
   */
  public static EncoderSettings choose(
      FfmpegInstallation ffmpeg, RenderPreset preset, QualityTier tier) {
    String encoder =
        ffmpeg
            .h264Encoder()
            .orElseThrow(
                () ->
                    new FfmpegNotUsableException(
                        ffmpeg.origin() + " has neither libx264 nor libopenh264"));
    List<String> args = new ArrayList<>(List.of("-c:v", encoder));
    if (encoder.equals("libx264")) {
      args.addAll(
          List.of(
              "-preset",
              tier.x264Preset(),
              "-crf",
              Integer.toString(tier.crf()),
              "-profile:v",
              "high"));
      if (!tier.x264Params().isEmpty()) {
        args.addAll(List.of("-x264-params", tier.x264Params()));
      }
    } else {
      long bitrate = tier.bitrate(preset.width(), preset.height(), preset.fps());
      args.addAll(List.of("-b:v", Long.toString(bitrate), "-profile:v", "high"));
    }
    // A keyframe every two seconds suits the platforms' seeking; the pixel format is the only one
    // every phone decodes.
    args.addAll(
        List.of(
            "-g",
            Integer.toString(preset.fps() * 2),
            "-pix_fmt",
            "yuv420p",
            "-r",
            Integer.toString(preset.fps())));
    return new EncoderSettings(encoder, args);
  }

  /** The arguments for the AAC audio of this tier. */
  public static List<String> audioArguments(QualityTier tier) {
    return List.of("-c:a", "aac", "-b:a", tier.audioKbps() + "k", "-ar", "48000", "-ac", "2");
  }
}
