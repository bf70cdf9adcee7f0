package dev.reelforge.app.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Live event streams ({@code reelforge.events.*}). */
@Validated
@ConfigurationProperties("reelforge.events")
public class EventsSettings {

  /**
   * How often each node reads new events from the log: for open streams, and for the story sessions
   * that learn their run's outcome from it.
   */
  @NotNull private Duration pollInterval = Duration.ofMillis(250);

  /** A comment line sent on a quiet stream this often, so proxies keep it open. */
  @NotNull private Duration heartbeat = Duration.ofSeconds(15);

  /** A stream is closed after this long; clients reconnect with Last-Event-ID and lose nothing. */
  @NotNull private Duration streamTimeout = Duration.ofMinutes(30);

  /** Streams one user may hold open on one node; more answer 429. */
  @Min(1)
  @Max(1000)
  private int maxStreamsPerUser = 10;

  public Duration getPollInterval() {
    return pollInterval;
  }

  public void setPollInterval(Duration pollInterval) {
    this.pollInterval = pollInterval;
  }

  public Duration getHeartbeat() {
    return heartbeat;
  }

  public void setHeartbeat(Duration heartbeat) {
    this.heartbeat = heartbeat;
  }

  public Duration getStreamTimeout() {
    return streamTimeout;
  }

  public void setStreamTimeout(Duration streamTimeout) {
    this.streamTimeout = streamTimeout;
  }

  public int getMaxStreamsPerUser() {
    return maxStreamsPerUser;
  }

  public void setMaxStreamsPerUser(int maxStreamsPerUser) {
    this.maxStreamsPerUser = maxStreamsPerUser;
  }
}
