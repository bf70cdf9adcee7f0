package dev.reelforge.app.models;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The model registry ({@code reelforge.models.*}): warm-ups of transcribers and detectors. */
@ConfigurationProperties("reelforge.models")
@Validated
public class ModelsSettings {

  /** Two minutes: loading a speech model from the class path takes seconds, not minutes. */
  public static final Duration DEFAULT_WARM_UP_TIMEOUT = Duration.ofMinutes(2);

  /**
   * Whether a process with the worker role warms every model up, in the background, when it starts.
   */
  private boolean warmUpOnStart = true;

  /** How long one model's warm-up may take before it is abandoned and reported as failed. */
  @NotNull private Duration warmUpTimeout = DEFAULT_WARM_UP_TIMEOUT;

  public boolean isWarmUpOnStart() {
    return warmUpOnStart;
  }

  public void setWarmUpOnStart(boolean warmUpOnStart) {
    this.warmUpOnStart = warmUpOnStart;
  }

  public Duration getWarmUpTimeout() {
    return warmUpTimeout;
  }

  public void setWarmUpTimeout(Duration warmUpTimeout) {
    this.warmUpTimeout = warmUpTimeout;
  }
}
