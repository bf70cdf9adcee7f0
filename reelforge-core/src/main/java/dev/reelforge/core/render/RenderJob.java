package dev.reelforge.core.render;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.timeline.Timeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One render: a timeline, the presets to produce from it, and where the results go.
 *
 * @param timeline what to render
 * @param mediaRoot the folder relative media paths in the timeline are resolved against
 * @param presets the outputs wanted; the soundtrack and every source are processed once for all
 * @param quality the quality tier
 * @param outputDir where the MP4s, sidecars and thumbnails are written
 * @param baseName the file name stem, e.g. {@code the-moon} gives {@code the-moon-tiktok.mp4}
 * @param thumbnails whether the render also makes each preset's thumbnail; without, {@link
 *     Renderer#thumbnails} makes them later at the paths the render reports
 */
public record RenderJob(
    Timeline timeline,
    Path mediaRoot,
    List<RenderPreset> presets,
    QualityTier quality,
    Path outputDir,
    String baseName,
    boolean thumbnails) {

  /** A render that makes the thumbnails too. */
  public RenderJob(
      Timeline timeline,
      Path mediaRoot,
      List<RenderPreset> presets,
      QualityTier quality,
      Path outputDir,
      String baseName) {
    this(timeline, mediaRoot, presets, quality, outputDir, baseName, true);
  }

  public RenderJob {
    Objects.requireNonNull(timeline, "timeline");
    Objects.requireNonNull(mediaRoot, "mediaRoot");
    presets = List.copyOf(presets);
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(outputDir, "outputDir");
    if (presets.isEmpty()) {
      throw ReelForgeException.invalidField("presets", "name at least one preset");
    }
    if (presets.stream().distinct().count() != presets.size()) {
      throw ReelForgeException.invalidField("presets", "name each preset once");
    }
    if (baseName == null || !baseName.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,80}")) {
      throw ReelForgeException.invalidField(
          "baseName", "use 1-81 letters, digits, dots, dashes or underscores");
    }
  }

  /** This render without thumbnails, for a pipeline that makes them in a later stage. */
  public RenderJob withoutThumbnails() {
    return new RenderJob(timeline, mediaRoot, presets, quality, outputDir, baseName, false);
  }

  /** Where the thumbnail of {@code preset} goes. */
  public Path thumbnailFile(RenderPreset preset) {
    return outputDir.resolve(baseName + "-" + preset.id() + ".jpg");
  }
}
