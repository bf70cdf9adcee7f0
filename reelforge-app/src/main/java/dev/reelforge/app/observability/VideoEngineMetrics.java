package dev.reelforge.app.observability;

import dev.reelforge.mediagen.engines.EngineBreaker;
import dev.reelforge.mediagen.engines.VideoEngines;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One gauge per video engine for its circuit breaker ({@code reelforge_video_engine_circuit}: 0
 * closed, 1 half open, 2 open) and one for the failures its window holds, read from the engines at
 * each scrape.
 */
public final class VideoEngineMetrics {

  private final VideoEngines engines;

  public VideoEngineMetrics(VideoEngines engines, MeterRegistry registry) {
    this.engines = engines;
    for (String engine : engines.names()) {
      Gauge.builder("reelforge.video.engine.circuit", this, self -> self.circuit(engine))
          .description("The engine's circuit: 0 closed, 1 half open (a trial job), 2 open")
          .tag("engine", engine)
          .register(registry);
      Gauge.builder("reelforge.video.engine.recent.failures", this, self -> self.failures(engine))
          .description("Failed jobs of the engine within its breaker's window")
          .tag("engine", engine)
          .register(registry);
    }
  }

  private double circuit(String engine) {
    return switch (breaker(engine).state()) {
      case EngineBreaker.OPEN -> 2;
      case EngineBreaker.HALF_OPEN -> 1;
      default -> 0;
    };
  }

  private double failures(String engine) {
    return breaker(engine).recentFailures();
  }

  private EngineBreaker breaker(String engine) {
    return engines.breakers().stream()
        .filter(b -> b.engine().equals(engine))
        .findFirst()
        .orElseThrow();
  }
}
