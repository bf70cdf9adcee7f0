package dev.reelforge.providers.stub;

import dev.reelforge.core.cost.CostLedger;
import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.http.ProviderHttp;
import dev.reelforge.providers.http.ResilienceOptions;
import dev.reelforge.providers.http.Sleeper;
import dev.reelforge.testkit.MutableClock;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What vendor factories are built with in tests whose stub is not WireMock (the testkit's stateful
 * vendor stubs): a settable clock, a sleeper that records waits and moves the clock instead of
 * sleeping, and a cost ledger.
 */
public final class TestCloud {

  public final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
  public final List<Duration> waits = new CopyOnWriteArrayList<>();
  public final CostLedger costs = new CostLedger();

  /** Fast options for tests: 5 s timeout, 3 attempts. */
  public static ResilienceOptions fastOptions() {
    return ResilienceOptions.defaults().withTimeout(Duration.ofSeconds(5));
  }

  public CloudContext context() {
    Sleeper recording =
        duration -> {
          waits.add(duration);
          clock.advance(duration);
        };
    return new CloudContext(
        costs, clock, recording, ProviderHttp.Observer.NONE, HttpClient.newHttpClient());
  }
}
