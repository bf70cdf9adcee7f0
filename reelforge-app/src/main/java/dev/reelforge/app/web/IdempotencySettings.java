package dev.reelforge.app.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Idempotent POSTs ({@code reelforge.idempotency.*}): how long a key and its answer are kept, and
 * when an unanswered key is given up.
 */
@ConfigurationProperties("reelforge.idempotency")
@Validated
public class IdempotencySettings {

  /** How long a key and the first answer given for it are kept; a repeat after that is new. */
  @NotNull private Duration ttl = Duration.ofMinutes(60);

  /**
   * How long a key may stay unanswered before it is taken to belong to a request whose server died
   * and is granted again. Keep it longer than the slowest request (finalize waits up to
   * reelforge.story.finalize-wait).
   */
  @NotNull private Duration staleAfter = Duration.ofMinutes(15);

  /** The largest request body, in bytes, a request with an idempotency key may send (1 MiB). */
  @Min(1024)
  @Max(16777216)
  private int maxBodyBytes = 1048576;

  public Duration getTtl() {
    return ttl;
  }

  public void setTtl(Duration ttl) {
    this.ttl = ttl;
  }

  public Duration getStaleAfter() {
    return staleAfter;
  }

  public void setStaleAfter(Duration staleAfter) {
    this.staleAfter = staleAfter;
  }

  public int getMaxBodyBytes() {
    return maxBodyBytes;
  }

  public void setMaxBodyBytes(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }
}
