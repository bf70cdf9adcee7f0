package dev.reelforge.app.doctor;

import dev.reelforge.core.diagnostics.DiagnosticCheck;
import dev.reelforge.core.diagnostics.Finding;
import dev.reelforge.mediagen.engines.EngineBreaker;
import dev.reelforge.mediagen.engines.RetryProfile;
import dev.reelforge.mediagen.engines.VideoEngines;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The video engines a job may use: for each, its fallback chain, retry profile and circuit (open
 * circuits are a warning). Breakers live in each process, so a command shows its own (closed unless
 * it ran jobs); a running server's are in {@code /api/health} and the metrics.
 */
@Component
@Order(6)
class VideoEnginesCheck implements DiagnosticCheck {

  private final VideoEngines engines;

  VideoEnginesCheck(VideoEngines engines) {
    this.engines = engines;
  }

  @Override
  public List<Finding> check() {
    if (engines.isEmpty()) {
      return List.of(
          Finding.warn(
              "video engines",
              "none is registered",
              "video jobs cannot run; check the reelforge.providers settings"));
    }
    List<Finding> findings = new ArrayList<>();
    for (EngineBreaker breaker : engines.breakers()) {
      String engine = breaker.engine();
      RetryProfile profile = engines.profile(engine);
      String summary =
          (engines.defaultEngine().map(engine::equals).orElse(false) ? "default; " : "")
              + "chain "
              + String.join(" → ", engines.chain(engine))
              + "; "
              + profile.maxRetries()
              + " retries after "
              + profile.backoff().toSeconds()
              + " s, "
              + profile.timeout().toSeconds()
              + " s per job; circuit "
              + breaker.state().replace('_', ' ');
      String component = "video engine: " + engine;
      if (breaker.admitsJobs()) {
        findings.add(Finding.ok(component, summary));
      } else {
        findings.add(
            Finding.warn(
                component,
                summary
                    + " until "
                    + breaker.openUntil().map(Instant::toString).orElse("a trial job passes"),
                "jobs go to the next engine of the chain meanwhile"));
      }
    }
    return findings;
  }
}
