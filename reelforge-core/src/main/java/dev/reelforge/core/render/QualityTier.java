package dev.reelforge.core.render;

import dev.reelforge.core.error.ReelForgeException;
import java.util.Locale;

/**
 * How much encoding effort and bitrate a render spends. x264 is driven by constant quality (CRF)
 * and a speed preset; openh264 has no CRF, so it gets a bitrate scaled to the frame size.
 *
 * @see dev.reelforge.media.render.EncoderSettings
 */
public enum QualityTier {
  /** Fast previews: visibly softer, several times quicker. */
  DRAFT(28, "ultrafast", "", 0.06, 128),
  /**
   * What gets published by default. The motion search is the cheapest x264 has (diamond, sub-pixel
   * level 1), one CRF step finer to make up for it: measured on a rendered 1080×1920 short, SSIM
   * 0.9948 against 0.9943 for plain veryfast at CRF 21, with about 23 % less encoder CPU time and a
   * 13 % larger file. Our pictures move slowly and smoothly, where a thorough search finds little.
   */
  STANDARD(20, "veryfast", "me=dia:subme=1", 0.10, 192),
  /** Archival or large screens: slower, larger. */
  HIGH(18, "medium", "", 0.16, 256);

  private final int crf;
  private final String x264Preset;
  private final String x264Params;
  private final double bitsPerPixel;
  private final int audioKbps;

  QualityTier(int crf, String x264Preset, String x264Params, double bitsPerPixel, int audioKbps) {
    this.crf = crf;
    this.x264Preset = x264Preset;
    this.x264Params = x264Params;
    this.bitsPerPixel = bitsPerPixel;
    this.audioKbps = audioKbps;
  }

  public static QualityTier byName(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ReelForgeException.invalidField(
          "quality", "unknown quality '" + name + "'; known: draft, standard, high");
    }
  }

  public int crf() {
    return crf;
  }

  public String x264Preset() {
    return x264Preset;
  }

  /** Options on top of the preset ({@code -x264-params}), empty for none. */
  public String x264Params() {
    return x264Params;
  }

  /** The openh264 bitrate for a frame size, in bits per second. */
  public long bitrate(int width, int height, int fps) {
    return Math.round(bitsPerPixel * width * height * fps);
  }

  public int audioKbps() {
    return audioKbps;
  }
}
