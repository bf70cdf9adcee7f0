package dev.reelforge.providers.http;

import dev.reelforge.core.cost.CostRecorder;
import dev.reelforge.core.cost.ProviderCall;
import java.math.BigDecimal;
import java.time.Clock;

/** Records what one adapter's calls used and cost, with the attempts and time they took. */
public final class Meter {

  private final String provider;
  private final CostRecorder recorder;
  private final Clock clock;

  public Meter(String provider, CostRecorder recorder, Clock clock) {
    this.provider = provider;
    this.recorder = recorder;
    this.clock = clock;
  }

  public void record(
      String operation,
      String model,
      long quantity,
      String unit,
      BigDecimal usd,
      ProviderResponse response) {
    recorder.record(
        new ProviderCall(
            provider,
            operation,
            model,
            quantity,
            unit,
            usd,
            clock.instant(),
            response.took(),
            response.attempts()));
  }
}
