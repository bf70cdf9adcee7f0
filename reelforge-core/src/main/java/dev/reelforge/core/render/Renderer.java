package dev.reelforge.core.render;

import dev.reelforge.core.timeline.Timeline;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a {@link Timeline} into platform-ready videos, one per {@link RenderPreset}, with caption
 * sidecars and thumbnails. Features render through this port and never see how (the FFmpeg engine
 * in reelforge-media implements it).
 */
public interface Renderer {

  /**
   * Renders every preset of {@code job}.
   *
   * @throws dev.reelforge.core.error.ReelForgeException {@code VALIDATION_FAILED} or {@code
   *     INVALID_INPUT} for a bad timeline, {@code RENDER_FAILED} when rendering fails, {@code
   *     TIMEOUT} past the renderer's deadline
   * @throws RenderCancelledException when cancelled; temporary files are removed either way
   */
  RenderResult render(RenderJob job, RenderListener listener, Cancellation cancellation);

  /**
   * Makes the thumbnail of every preset of {@code job} at {@link RenderJob#thumbnailFile}, for a
   * render that was run {@link RenderJob#withoutThumbnails() without them}.
   *
   * @return the thumbnails, one per preset in order
   * @throws RenderCancelledException when cancelled
   */
  List<Path> thumbnails(RenderJob job, Cancellation cancellation);

  /**
   * What rendering {@code timeline} into {@code presets} at {@code tier} would cost on this
   * machine, before it starts.
   */
  RenderEstimate estimate(Timeline timeline, List<RenderPreset> presets, QualityTier tier);
}
