package dev.reelforge.media.render.internal;

import dev.reelforge.media.captions.SafeZone;

/**
 * The picture one preset is drawn into, reduced to what planning and drawing need. The engine makes
 * one per preset, so that this package depends on no type of the render API that uses it.
 *
 * @param id names the preset in labels, progress and cache keys ({@code tiktok})
 * @param safeZone the margins the platform covers; captions and titles stay inside
 * @param captionCenter where the centre of the caption block sits, as a fraction of the height
 */
public record Canvas(
    String id, int width, int height, int fps, SafeZone safeZone, double captionCenter) {}
