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
      FfmpegInstallation ffmpeg, RenderPreset preset, QualityTier quality) {
    return choose(ffmpeg, preset.width(), preset.height(), preset.fps(), quality);
  }

  /**
   * The same choice for a frame size and rate that is no preset (the offline video engine's clips).
   *
   * @throws FfmpegNotUsableException when the build has no H.264 encoder at all
   */
  public static EncoderSettings choose(
      FfmpegInstallation ffmpeg, int width, int height, int fps, QualityTier quality) {
    String encoder =
        ffmpeg
            .h264Encoder()
            .orElseThrow(
                () ->
                    new FfmpegNotUsableException(
                        ffmpeg.origin() + " has neither libx264 nor libopenh264"));
    List<String> args = new ArrayList<>(List.of("-c:v", encoder));
    Tier tier = Tier.of(quality);
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
      long bitrate = tier.bitrate(width, height, fps);
      args.addAll(List.of("-b:v", Long.toString(bitrate), "-profile:v", "high"));
    }
    // A keyframe every two seconds suits the platforms' seeking; the pixel format is the only one
    // every phone decodes.
    args.addAll(
        List.of(
            "-g", Integer.toString(fps * 2), "-pix_fmt", "yuv420p", "-r", Integer.toString(fps)));
    return new EncoderSettings(encoder, args);
  }

  /** The arguments for the AAC audio of this tier. */
  public static List<String> audioArguments(QualityTier quality) {
    return List.of("-c:a", "aac", "-b:a", audioKbps(quality) + "k", "-ar", "48000", "-ac", "2");
  }

  /** The AAC bitrate of this tier, in kilobits per second. */
  public static int audioKbps(QualityTier quality) {
    return Tier.of(quality).audioKbps();
  }

  /**
   * What a tier means to FFmpeg. x264 is driven by constant quality (CRF) and a speed preset;
   * openh264 has no CRF, so it gets a bitrate scaled to the frame size.
   *
   * @param x264Params options on top of the preset ({@code -x264-params}), empty for none
   * @param bitsPerPixel the openh264 bitrate per pixel and frame
   */
  private record Tier(
      int crf, String x264Preset, String x264Params, double bitsPerPixel, int audioKbps) {

    static Tier of(QualityTier quality) {
      return switch (quality) {
        // Not ultrafast: it drops CABAC and B-frames, and on our slow, smooth pictures its files
        // came out twice the standard tier's. The cheapest motion search, one reference and no
        // trellis at CRF 28 (tiers benchmark): about half the standard tier's encoder time and
        // size,
        // SSIM 0.991 against 0.997, visibly softer as a preview may be.
        case DRAFT -> new Tier(28, "veryfast", "me=dia:subme=0:ref=1:trellis=0", 0.05, 128);
        // The motion search is the cheapest x264 has (diamond, sub-pixel level 1), one CRF step
        // finer to make up for it: measured on a rendered 1080×1920 short, SSIM 0.9948 against
        // 0.9943 for plain veryfast at CRF 21, with about 23 % less encoder CPU time and a 13 %
        // larger file. Our pictures move slowly and smoothly, where a thorough search finds little.
        case STANDARD -> new Tier(20, "veryfast", "me=dia:subme=1", 0.10, 192);
        case HIGH -> new Tier(18, "medium", "", 0.16, 256);
      };
    }

    /** The openh264 bitrate for a frame size, in bits per second. */
    long bitrate(int width, int height, int fps) {
      return Math.round(bitsPerPixel * width * height * fps);
    }
  }
}
