package dev.reelforge.app.webhooks;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Webhook deliveries ({@code reelforge.webhooks.*}). */
@Validated
@ConfigurationProperties("reelforge.webhooks")
public class WebhooksSettings {

  /** How often each node looks for new run outcomes and due deliveries. */
  @NotNull private Duration pollInterval = Duration.ofSeconds(1);

  /** The wait before the second attempt; each next wait is three times longer, at most 1 h. */
  @NotNull private Duration retryBackoff = Duration.ofSeconds(10);

  /** Attempts before a delivery is marked failed (10 s, 30 s, 1.5 min, … ≈ 4 h in all). */
  @Min(1)
  @Max(20)
  private int maxAttempts = 8;

  /** How long one attempt may take, connecting included. */
  @NotNull private Duration timeout = Duration.ofSeconds(10);

  /** Endpoints one user may have. */
  @Min(1)
  @Max(100)
  private int maxEndpointsPerUser = 10;

  /**
   * Addresses webhooks may reach although they are not public (loopback, private ranges): an
   * operator's deliberate exception, e.g. a receiver on the same host. Empty: public only.
   */
  private List<String> trustedAddresses = new ArrayList<>();

  public Duration getPollInterval() {
    return pollInterval;
  }

  public void setPollInterval(Duration pollInterval) {
    this.pollInterval = pollInterval;
  }

  public Duration getRetryBackoff() {
    return retryBackoff;
  }

  public void setRetryBackoff(Duration retryBackoff) {
    this.retryBackoff = retryBackoff;
  }

  public int getMaxAttempts() {
    return maxAttempts;
  }

  public void setMaxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  public Duration getTimeout() {
    return timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  public int getMaxEndpointsPerUser() {
    return maxEndpointsPerUser;
  }

  public void setMaxEndpointsPerUser(int maxEndpointsPerUser) {
    this.maxEndpointsPerUser = maxEndpointsPerUser;
  }

  public List<String> getTrustedAddresses() {
    return trustedAddresses;
  }

  public void setTrustedAddresses(List<String> trustedAddresses) {
    this.trustedAddresses = trustedAddresses;
  }
}
