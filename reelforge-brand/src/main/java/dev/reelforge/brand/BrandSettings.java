package dev.reelforge.brand;

import dev.reelforge.core.brand.DirectorBrief;
import dev.reelforge.core.render.RenderPreset;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the brand director works, with seed 001's numbers as defaults ({@link #DEFAULTS}).
 *
 * @param sceneCount scenes per storyboard (seed 001: three previews)
 * @param sceneSeconds each scene's clip length
 * @param presets the finished videos' shapes
 * @param previewSize the previews' pixels (square)
 * @param previewAttempts tries per preview (seed 001 §6.2: 3)
 * @param previewBackoff the wait after the first failed try, doubled after each next
 * @param pollEvery how often production looks at its scene jobs
 */
public record BrandSettings(
    int sceneCount,
    int sceneSeconds,
    List<RenderPreset> presets,
    int previewSize,
    int previewAttempts,
    Duration previewBackoff,
    Duration pollEvery) {

  public static final BrandSettings DEFAULTS =
      new BrandSettings(
          3,
          5,
          List.of(RenderPreset.SHORTS, RenderPreset.YOUTUBE, RenderPreset.SQUARE),
          768,
          3,
          Duration.ofSeconds(1),
          Duration.ofSeconds(2));

  public BrandSettings {
    if (sceneCount < 1 || sceneCount > DirectorBrief.MAX_SCENES) {
      throw new IllegalArgumentException(
          "scene-count must be 1 to " + DirectorBrief.MAX_SCENES + ", was " + sceneCount);
    }
    if (sceneSeconds < 2 || sceneSeconds > 10) {
      throw new IllegalArgumentException("scene-seconds must be 2 to 10, was " + sceneSeconds);
    }
    presets = List.copyOf(presets);
    if (presets.isEmpty()) {
      throw new IllegalArgumentException("name at least one preset for the finished videos");
    }
    if (previewSize < 256 || previewSize > 2048) {
      throw new IllegalArgumentException("preview-size must be 256 to 2048, was " + previewSize);
    }
    if (previewAttempts < 1) {
      throw new IllegalArgumentException("preview-attempts must be at least 1");
    }
    Objects.requireNonNull(previewBackoff, "previewBackoff");
    Objects.requireNonNull(pollEvery, "pollEvery");
  }

  public BrandSettings withPreviewBackoff(Duration backoff) {
    return new BrandSettings(
        sceneCount, sceneSeconds, presets, previewSize, previewAttempts, backoff, pollEvery);
  }

  public BrandSettings withPollEvery(Duration every) {
    return new BrandSettings(
        sceneCount, sceneSeconds, presets, previewSize, previewAttempts, previewBackoff, every);
  }
}
