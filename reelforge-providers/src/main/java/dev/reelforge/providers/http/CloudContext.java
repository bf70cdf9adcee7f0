package dev.reelforge.providers.http;

import dev.reelforge.core.cost.CostRecorder;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;

/**
 * What every cloud adapter is built with besides its vendor's options: where costs go, the clock,
 * how retries wait, who watches calls (metrics, traces) and the JDK client that pools connections.
 * Each adapter gets a {@link ProviderHttp} of its own from it, so one adapter's open circuit or
 * full concurrency cap never blocks another.
 *
 * @param costs told of every metered call
 * @param clock the time for breakers, deadlines and cost records
 * @param sleeper waits between retries and polls (tests record instead of sleeping)
 * @param observer told of every call, retries included
 * @param client the shared JDK client
 */
public record CloudContext(
    CostRecorder costs,
    Clock clock,
    Sleeper sleeper,
    ProviderHttp.Observer observer,
    HttpClient client) {

  public CloudContext {
    Objects.requireNonNull(costs, "costs");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(observer, "observer");
    Objects.requireNonNull(client, "client");
  }

  /** Real waits and the shared client; costs and calls go where the application says. */
  public static CloudContext of(CostRecorder costs, Clock clock, ProviderHttp.Observer observer) {
    return new CloudContext(costs, clock, Sleeper.REAL, observer, ProviderHttp.sharedClient());
  }

  /**
   * A client for one adapter of {@code provider}: its own breaker and concurrency cap, the key
   * placed as {@code auth} says, calls metered under {@code provider}.
   */
  public JsonApiClient client(
      String provider, Endpoint endpoint, Auth auth, ResilienceOptions resilience) {
    return client(provider, endpoint, auth, resilience, VendorErrors.NONE);
  }

  /** The same, with the vendor's own reading of error bodies before the generic mapping. */
  public JsonApiClient client(
      String provider,
      Endpoint endpoint,
      Auth auth,
      ResilienceOptions resilience,
      VendorErrors vendorErrors) {
    ProviderHttp http =
        new ProviderHttp(provider, client, resilience, clock, sleeper, observer, vendorErrors);
    return new JsonApiClient(provider, endpoint, auth, http, new Meter(provider, costs, clock));
  }
}
