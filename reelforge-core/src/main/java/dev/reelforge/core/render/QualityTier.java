package dev.reelforge.core.render;

import dev.reelforge.core.error.ReelForgeException;
import java.util.Locale;

/**
 * How much encoding effort and bitrate a render spends: a trade between render time, file size and
 * fidelity. Each renderer turns a tier into its encoder's settings (the FFmpeg engine in {@code
 * EncoderSettings}), so the tiers name an intent, not numbers.
 */
public enum QualityTier {
  /**
   * Fast previews: stills held still (no Ken Burns motion), visibly softer; about two-thirds of a
   * standard render's time and a quarter of its size.
   */
  DRAFT,
  /** What gets published by default. */
  STANDARD,
  /** Archival or large screens: slower, larger. */
  HIGH;

  /**
   * @throws ReelForgeException {@code INVALID_INPUT} naming the known tiers
   */
  public static QualityTier byName(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ReelForgeException.invalidField(
          "quality", "unknown quality '" + name + "'; known: draft, standard, high");
    }
  }
}
