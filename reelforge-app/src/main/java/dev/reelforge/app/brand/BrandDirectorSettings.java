package dev.reelforge.app.brand;

import dev.reelforge.brand.BrandSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The brand director ({@code reelforge.brand.*}): storyboard length and preview retries. Which
 * analyser, style reference and director are used is {@code reelforge.providers.brand-analyzer},
 * {@code style-reference} and {@code director}; rate limits are in {@code reelforge.limits.*}. See
 * docs/brand-director.md.
 */
@ConfigurationProperties("reelforge.brand")
@Validated
public class BrandDirectorSettings {

  /** Scenes per storyboard (seed 001: three previews). */
  @Min(1)
  @Max(6)
  private int sceneCount = BrandSettings.DEFAULTS.sceneCount();

  /** Each scene's clip length in seconds; the finished video lasts about scenes × this. */
  @Min(2)
  @Max(10)
  private int sceneSeconds = BrandSettings.DEFAULTS.sceneSeconds();

  /** Tries per preview before the storyboard fails (seed 001 §6.2: 3, waiting 1 s then 2 s). */
  @Min(1)
  @Max(10)
  private int previewAttempts = BrandSettings.DEFAULTS.previewAttempts();

  /** These settings over the feature's defaults. */
  public BrandSettings toSettings() {
    BrandSettings d = BrandSettings.DEFAULTS;
    return new BrandSettings(
        sceneCount,
        sceneSeconds,
        d.presets(),
        d.previewSize(),
        previewAttempts,
        d.previewBackoff(),
        d.pollEvery());
  }

  public int getSceneCount() {
    return sceneCount;
  }

  public void setSceneCount(int sceneCount) {
    this.sceneCount = sceneCount;
  }

  public int getSceneSeconds() {
    return sceneSeconds;
  }

  public void setSceneSeconds(int sceneSeconds) {
    this.sceneSeconds = sceneSeconds;
  }

  public int getPreviewAttempts() {
    return previewAttempts;
  }

  public void setPreviewAttempts(int previewAttempts) {
    this.previewAttempts = previewAttempts;
  }
}
