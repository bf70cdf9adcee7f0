package dev.reelforge.app.config;

import dev.reelforge.core.script.StoryLimits;
import dev.reelforge.story.session.SessionLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The story session API's limits ({@code reelforge.story.*}), seed 000's {@code limits.js} in one
 * place. They may be lowered; the seed's values are the ceiling because the script writers enforce
 * them too.
 */
@ConfigurationProperties("reelforge.story")
@Validated
public class StorySettings {

  /** Beats in a script (at most seed 000's 8). */
  @Min(1)
  @Max(StoryLimits.MAX_BEATS)
  private int maxBeats = 8;

  /** Characters in one beat (at most seed 000's 160). */
  @Min(20)
  @Max(StoryLimits.MAX_BEAT_CHARS)
  private int maxBeatChars = 160;

  /** Characters in the whole script (at most seed 000's 850). */
  @Min(20)
  @Max(StoryLimits.MAX_TOTAL_CHARS)
  private int maxTotalChars = 850;

  /** The longest video a session may render, in seconds (seed 000's MAX_DURATION_SEC). */
  @Min(5)
  @Max(600)
  private int maxRenderSeconds = 120;

  /**
   * How long finalize waits for its run before answering 202 with the run's status URL. The run
   * goes on either way; a client that disconnects does not stop it.
   */
  @NotNull private Duration finalizeWait = Duration.ofMinutes(10);

  /** Characters of text /api/tts/preview and /api/caption/preview accept. */
  @Min(1)
  @Max(1000)
  private int previewMaxChars = 300;

  public int getMaxBeats() {
    return maxBeats;
  }

  public void setMaxBeats(int maxBeats) {
    this.maxBeats = maxBeats;
  }

  public int getMaxBeatChars() {
    return maxBeatChars;
  }

  public void setMaxBeatChars(int maxBeatChars) {
    this.maxBeatChars = maxBeatChars;
  }

  public int getMaxTotalChars() {
    return maxTotalChars;
  }

  public void setMaxTotalChars(int maxTotalChars) {
    this.maxTotalChars = maxTotalChars;
  }

  public int getMaxRenderSeconds() {
    return maxRenderSeconds;
  }

  public void setMaxRenderSeconds(int maxRenderSeconds) {
    this.maxRenderSeconds = maxRenderSeconds;
  }

  public Duration getFinalizeWait() {
    return finalizeWait;
  }

  public void setFinalizeWait(Duration finalizeWait) {
    this.finalizeWait = finalizeWait;
  }

  public int getPreviewMaxChars() {
    return previewMaxChars;
  }

  public void setPreviewMaxChars(int previewMaxChars) {
    this.previewMaxChars = previewMaxChars;
  }

  /** These settings as the story feature's limits. */
  public SessionLimits limits() {
    return new SessionLimits(
        maxBeats, maxBeatChars, maxTotalChars, maxRenderSeconds, finalizeWait, previewMaxChars);
  }
}
