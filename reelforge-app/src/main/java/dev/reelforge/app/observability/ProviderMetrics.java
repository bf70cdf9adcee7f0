package dev.reelforge.app.observability;

import dev.reelforge.core.cost.CostRecorder;
import dev.reelforge.core.cost.ProviderCall;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Every metered provider call: its latency ({@code reelforge_provider_call_duration_seconds}), HTTP
 * attempts beyond the first ({@code reelforge_provider_retries_total}) and estimated cost in US
 * dollars ({@code reelforge_provider_cost_usd_total}), per provider and operation. Failed calls are
 * counted by {@link #failed}.
 */
public final class ProviderMetrics implements CostRecorder {

  private final MeterRegistry registry;

  public ProviderMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void record(ProviderCall call) {
    Timer.builder("reelforge.provider.call.duration")
        .description("Provider calls by provider and operation, retries included")
        .tags("provider", call.provider(), "operation", call.operation())
        .publishPercentileHistogram()
        .register(registry)
        .record(call.took());
    if (call.attempts() > 1) {
      Counter.builder("reelforge.provider.retries")
          .tags("provider", call.provider(), "operation", call.operation())
          .register(registry)
          .increment(call.attempts() - 1);
    }
    Counter.builder("reelforge.provider.cost.usd")
        .description("Estimated provider spend in US dollars")
        .tags("provider", call.provider(), "operation", call.operation())
        .register(registry)
        .increment(call.estimatedUsd().doubleValue());
  }

  /** A provider call that failed after its retries. */
  public void failed(String provider, String errorCode) {
    Counter.builder("reelforge.provider.errors")
        .description("Provider calls that failed after their retries")
        .tags("provider", provider, "error", errorCode)
        .register(registry)
        .increment();
  }
}
