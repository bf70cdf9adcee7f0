package dev.reelforge.app.providers;

import dev.reelforge.core.cost.CostRecorder;
import dev.reelforge.core.cost.ProviderCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every metered provider call to the log and keeps nothing, so a long-running server holds
 * no growing list. Runs collect their own records into the run manifest (story pipeline).
 */
final class LoggedCosts implements CostRecorder {

  private static final Logger LOG = LoggerFactory.getLogger("reelforge.costs");

  @Override
  public void record(ProviderCall call) {
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
