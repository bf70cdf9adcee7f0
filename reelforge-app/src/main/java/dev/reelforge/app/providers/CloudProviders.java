package dev.reelforge.app.providers;

import dev.reelforge.core.cost.CostRecorder;
import dev.reelforge.providers.http.Meter;
import dev.reelforge.providers.http.ProviderHttp;
import dev.reelforge.providers.http.ResilienceOptions;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * What every cloud adapter is built with: its key (from the setting, else the provider's usual
 * environment variable), a resilient HTTP client of its own (so one provider's open circuit or full
 * concurrency cap never blocks another) and a meter.
 */
final class CloudProviders {

  private final ProvidersSettings.Http http;
  private final CostRecorder costs;
  private final Clock clock;
  private final Function<String, String> environment;
  private final ProviderHttp.Observer observer;

  CloudProviders(
      ProvidersSettings.Http http,
      CostRecorder costs,
      Clock clock,
      Function<String, String> environment,
      ProviderHttp.Observer observer) {
    this.observer = observer;
    this.http = http;
    this.costs = costs;
    this.clock = clock;
    this.environment = environment;
  }

  /** The configured key, else the variable the provider's own tools read, else empty. */
  String key(String configured, String environmentVariable) {
    if (configured != null && !configured.isBlank()) {
      return configured.strip();
    }
    String fromEnvironment = environment.apply(environmentVariable);
    return fromEnvironment == null ? "" : fromEnvironment.strip();
  }

  /**
   * A client for {@code provider} (its configuration name, used in messages) with its own breaker
   * and concurrency cap over the shared connection pool.
   */
  ProviderHttp http(String provider) {
    return ProviderHttp.create(
        provider,
        ResilienceOptions.defaults()
            .withTimeout(http.getTimeout())
            .withMaxAttempts(http.getMaxAttempts())
            .withMaxConcurrent(http.getMaxConcurrent()),
        observer);
  }

  Meter meter(String provider) {
    return new Meter(provider, costs, clock);
  }

  Clock clock() {
    return clock;
  }

  static Function<String, String> systemEnvironment() {
    Map<String, String> env = System.getenv();
    return env::get;
  }
}
