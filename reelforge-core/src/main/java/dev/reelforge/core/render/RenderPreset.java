package dev.reelforge.core.render;

import dev.reelforge.core.error.ReelForgeException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The outputs ReelForge renders, one per platform. Safe zones follow the areas each app covers with
 * its interface in 2026: the right-hand action column and the bottom description on TikTok, Reels
 * and Shorts; the progress bar and controls on YouTube.
 */
public enum RenderPreset {
  TIKTOK("tiktok", "TikTok", 1080, 1920, 30, new SafeZone(150, 140, 440, 60), true),
  REELS("reels", "Instagram Reels", 1080, 1920, 30, new SafeZone(220, 120, 420, 60), true),
  SHORTS("shorts", "YouTube Shorts", 1080, 1920, 30, new SafeZone(180, 130, 400, 60), true),
  YOUTUBE("youtube", "YouTube (16:9)", 1920, 1080, 30, new SafeZone(60, 100, 130, 100), false),
  SQUARE("square", "Square (1:1)", 1080, 1080, 30, new SafeZone(60, 60, 110, 60), true);

  /** Integrated loudness for social feeds, where most viewers hear phone speakers. */
  public static final double SOCIAL_LOUDNESS_LUFS = -14;

  private final String id;
  private final String label;
  private final int width;
  private final int height;
  private final int fps;
  private final SafeZone safeZone;
  private final boolean social;

  RenderPreset(
      String id, String label, int width, int height, int fps, SafeZone zone, boolean social) {
    this.id = id;
    this.label = label;
    this.width = width;
    this.height = height;
    this.fps = fps;
    this.safeZone = zone;
    this.social = social;
  }

  /**
   * The preset with this id ({@code tiktok}, {@code youtube}...).
   *
   * @throws ReelForgeException {@code INVALID_INPUT} naming the known ids
   */
  public static RenderPreset byId(String id) {
    for (RenderPreset preset : values()) {
      if (preset.id.equals(id.strip().toLowerCase(Locale.ROOT))) {
        return preset;
      }
    }
    throw ReelForgeException.invalidField(
        "preset",
        "unknown format '"
            + id
            + "'; known: "
            + Arrays.stream(values()).map(RenderPreset::id).collect(Collectors.joining(", ")));
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public int fps() {
    return fps;
  }

  public SafeZone safeZone() {
    return safeZone;
  }

  public boolean vertical() {
    return height > width;
  }

  /**
   * The loudness the mix is normalised to. YouTube normalises 16:9 uploads itself to about the same
   * level, so every preset uses the social target and one mix serves them all.
   */
  public double loudnessLufs() {
    return SOCIAL_LOUDNESS_LUFS;
  }

  public boolean social() {
    return social;
  }

  /** Where the centre of the caption block sits, as a fraction of the frame height. */
  public double captionCenter() {
    return vertical() ? 0.66 : 0.80;
  }
}
