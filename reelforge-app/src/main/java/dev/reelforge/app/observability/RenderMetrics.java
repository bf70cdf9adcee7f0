package dev.reelforge.app.observability;

import dev.reelforge.story.RenderSpeed;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * FFmpeg speed as seconds of video made per second of wall time ({@code
 * reelforge_render_speed_ratio}, ×real time) per preset, from every render stage.
 */
public final class RenderMetrics implements RenderSpeed {

  private final MeterRegistry registry;

  public RenderMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void rendered(String preset, long videoMillis, Duration wall) {
    if (wall.isZero() || wall.isNegative()) {
      return;
    }
    DistributionSummary.builder("reelforge.render.speed.ratio")
        .description("Seconds of video rendered per second of wall time (×real time)")
        .tag("preset", preset)
        .register(registry)
        .record(videoMillis / (double) wall.toMillis());
  }
}
