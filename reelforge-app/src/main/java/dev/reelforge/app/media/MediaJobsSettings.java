package dev.reelforge.app.media;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Image and video generation jobs ({@code reelforge.media-jobs.*}): frames from outside, the video
 * engines' fallback chains and circuit breakers, and how long the seed-000 route waits. Quotas,
 * credits and the rate limit are in {@code reelforge.limits.*}; which engine is asked first is
 * {@code reelforge.providers.video-generator}. See docs/media-jobs.md.
 */
@ConfigurationProperties("reelforge.media-jobs")
@Validated
public class MediaJobsSettings {

  /** How long POST /api/generate waits for its image before answering 202 with the job. */
  @NotNull private Duration generateWait = Duration.ofSeconds(60);

  /** The largest picture a video job may start or end with (seed 001: 10 MB). */
  @NotNull private DataSize maxFrameSize = DataSize.ofMegabytes(10);

  /** How long reading (probing and decoding) one such picture may take. */
  @NotNull private Duration frameProbeTimeout = Duration.ofSeconds(5);

  /** How long fetching a picture from a link may take, redirects included. */
  @NotNull private Duration frameFetchTimeout = Duration.ofSeconds(20);

  /**
   * Fallback chains by engine, e.g. kling: luma,veo. An engine missing here keeps the built-in
   * chain (seed 001: kling → luma, veo; luma → veo, kling; veo → luma, kling). Engines without a
   * key are skipped.
   */
  @NotNull private Map<String, List<String>> fallbackChains = new LinkedHashMap<>();

  /** Failed jobs of one engine within breaker-window that open its circuit (seed 001: 5). */
  @Min(1)
  @Max(100)
  private int breakerFailures = 5;

  /** The window in which breaker-failures are counted (seed 001: 120 s). */
  @NotNull private Duration breakerWindow = Duration.ofSeconds(120);

  /** How long an open circuit refuses jobs before one trial job decides (seed 001: 60 s). */
  @NotNull private Duration breakerOpenFor = Duration.ofSeconds(60);

  public Duration getGenerateWait() {
    return generateWait;
  }

  public void setGenerateWait(Duration generateWait) {
    this.generateWait = generateWait;
  }

  public DataSize getMaxFrameSize() {
    return maxFrameSize;
  }

  public void setMaxFrameSize(DataSize maxFrameSize) {
    this.maxFrameSize = maxFrameSize;
  }

  public Duration getFrameProbeTimeout() {
    return frameProbeTimeout;
  }

  public void setFrameProbeTimeout(Duration frameProbeTimeout) {
    this.frameProbeTimeout = frameProbeTimeout;
  }

  public Duration getFrameFetchTimeout() {
    return frameFetchTimeout;
  }

  public void setFrameFetchTimeout(Duration frameFetchTimeout) {
    this.frameFetchTimeout = frameFetchTimeout;
  }

  public Map<String, List<String>> getFallbackChains() {
    return fallbackChains;
  }

  public void setFallbackChains(Map<String, List<String>> fallbackChains) {
    this.fallbackChains = fallbackChains;
  }

  public int getBreakerFailures() {
    return breakerFailures;
  }

  public void setBreakerFailures(int breakerFailures) {
    this.breakerFailures = breakerFailures;
  }

  public Duration getBreakerWindow() {
    return breakerWindow;
  }

  public void setBreakerWindow(Duration breakerWindow) {
    this.breakerWindow = breakerWindow;
  }

  public Duration getBreakerOpenFor() {
    return breakerOpenFor;
  }

  public void setBreakerOpenFor(Duration breakerOpenFor) {
    this.breakerOpenFor = breakerOpenFor;
  }
}
