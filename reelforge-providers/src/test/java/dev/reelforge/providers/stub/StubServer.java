package dev.reelforge.providers.stub;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;
import dev.reelforge.core.cost.CostLedger;
import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.http.Endpoint;
import dev.reelforge.providers.http.Meter;
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
 * A WireMock server standing in for a provider, with the client wiring every adapter test needs: a
 * settable clock, a sleeper that records waits instead of sleeping, and a cost ledger.
 */
public final class StubServer implements AutoCloseable {

  public final WireMockServer wireMock;
  public final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
  public final List<Duration> waits = new CopyOnWriteArrayList<>();
  public final CostLedger costs = new CostLedger();

  public StubServer(Extension... extensions) {
    wireMock =
        new WireMockServer(
            options().dynamicPort().asynchronousResponseEnabled(true).extensions(extensions));
    wireMock.start();
  }

  public String baseUrl() {
    return wireMock.baseUrl();
  }

  public Endpoint endpoint(String path, String key) {
    return new Endpoint(baseUrl() + path, key);
  }

  /** Fast options for tests: 2 s timeout, 3 attempts. */
  public static ResilienceOptions fastOptions() {
    return ResilienceOptions.defaults().withTimeout(Duration.ofSeconds(2));
  }

  public ProviderHttp http(String provider, ResilienceOptions options) {
    return http(provider, options, ProviderHttp.Observer.NONE);
  }

  public ProviderHttp http(
      String provider, ResilienceOptions options, ProviderHttp.Observer observer) {
    // Waiting moves the test clock, so deadlines and breaker windows see the time pass.
    Sleeper recording =
        duration -> {
          waits.add(duration);
          clock.advance(duration);
        };
    return new ProviderHttp(
        provider, HttpClient.newHttpClient(), options, clock, recording, observer);
  }

  public ProviderHttp http(String provider) {
    return http(provider, fastOptions());
  }

  /** The same recording sleeper, for adapters that poll. */
  public Sleeper sleeper() {
    return duration -> {
      waits.add(duration);
      clock.advance(duration);
    };
  }

  /**
   * What the vendor factories build adapters with here: the settable clock, the recording sleeper,
   * the cost ledger and a client of this test's own.
   */
  public CloudContext context() {
    return new CloudContext(
        costs, clock, sleeper(), ProviderHttp.Observer.NONE, HttpClient.newHttpClient());
  }

  public Meter meter(String provider) {
    return new Meter(provider, costs, clock);
  }

  @Override
  public void close() {
    wireMock.stop();
  }
}
