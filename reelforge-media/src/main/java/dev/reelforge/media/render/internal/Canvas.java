package dev.reelforge.media.render.internal;

import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.render.SafeZone;

/**
 * The picture one preset is drawn into, reduced to what planning and drawing need. The engine makes
 * one per preset with {@link #of}; the preset is core's, so this package needs no type of the media
 * render package that uses it.
 *
 * @param id names the preset in labels, progress and cache keys ({@code tiktok})
 * @param safeZone the margins the platform covers; captions and titles stay inside
 * @param captionCenter where the centre of the caption block sits, as a fraction of the height
 */
public record Canvas(
    String id, int width, int height, int fps, SafeZone safeZone, double captionCenter) {

  /** What the engine's internal steps draw into for {@code preset}. */
  public static Canvas of(RenderPreset preset) {
    return new Canvas(
        preset.id(),
        preset.width(),
        preset.height(),
        preset.fps(),
        preset.safeZone(),
        preset.captionCenter());
  }
}
