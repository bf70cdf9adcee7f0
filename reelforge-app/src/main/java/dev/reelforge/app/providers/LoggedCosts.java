package dev.reelforge.app.providers;

import dev.reelforge.core.cost.CostAttribution;
import dev.reelforge.core.cost.CostLedger;
import dev.reelforge.core.cost.CostRecorder;
import dev.reelforge.core.cost.ProviderCall;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every metered provider call to the log and to the metrics and keeps nothing, so a
 * long-running server holds no growing list; the calls a story run makes also go to that run's
 * ledger (its manifest).
 */
public final class LoggedCosts implements CostRecorder, CostAttribution {

  private static final Logger LOG = LoggerFactory.getLogger("reelforge.costs");

  // The run whose stage is executing on this thread; provider calls are synchronous, so a call
  // is recorded on the thread that made it.
  private static final ThreadLocal<CostLedger> RUN = new ThreadLocal<>();

  private final CostRecorder metrics;

  /**
   * @param metrics told of every call too (provider latency, retries and spend metrics)
   */
  public LoggedCosts(CostRecorder metrics) {
    this.metrics = metrics;
  }

  @Override
  public <T> T attributedTo(CostLedger ledger, Supplier<T> work) {
    CostLedger outer = RUN.get();
    RUN.set(ledger);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        RUN.remove();
      } else {
        RUN.set(outer);
      }
    }
  }

  @Override
  public void record(ProviderCall call) {
    CostLedger run = RUN.get();
    if (run != null) {
      run.record(call);
    }
    metrics.record(call);
    LOG.info(
        "provider call: {} {} {} — {} {} ≈ ${} ({} attempt(s), {} ms)",
        call.provider(),
        call.operation(),
        call.model(),
        call.quantity(),
        call.unit(),
        call.estimatedUsd().toPlainString(),
        call.attempts(),
        call.took().toMillis());
  }
}
