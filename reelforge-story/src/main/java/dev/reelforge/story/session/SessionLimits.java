package dev.reelforge.story.session;

import dev.reelforge.core.script.StoryLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * The session API's limits, seed 000's {@code limits.js} in one place. They may be lowered; the
 * seed's values are the ceiling because the script writers enforce them too.
 *
 * @param maxBeats beats in a script
 * @param maxBeatChars characters in one beat
 * @param maxTotalChars characters in the whole script
 * @param maxRenderSeconds the longest video a session may render
 * @param finalizeWait how long finalize waits for its run before answering with the run's status
 * @param previewMaxChars characters of text a voice or caption preview accepts
 */
public record SessionLimits(
    int maxBeats,
    int maxBeatChars,
    int maxTotalChars,
    int maxRenderSeconds,
    Duration finalizeWait,
    int previewMaxChars) {

  /** The seed's values. */
  public static final SessionLimits SEED =
      new SessionLimits(
          StoryLimits.MAX_BEATS,
          StoryLimits.MAX_BEAT_CHARS,
          StoryLimits.MAX_TOTAL_CHARS,
          120,
          Duration.ofMinutes(10),
          300);

  public SessionLimits {
    Objects.requireNonNull(finalizeWait, "finalizeWait");
    if (maxBeats < 1 || maxBeats > StoryLimits.MAX_BEATS) {
      throw new IllegalArgumentException("maxBeats must be 1.." + StoryLimits.MAX_BEATS);
    }
    if (maxBeatChars < 1 || maxBeatChars > StoryLimits.MAX_BEAT_CHARS) {
      throw new IllegalArgumentException("maxBeatChars must be 1.." + StoryLimits.MAX_BEAT_CHARS);
    }
    if (maxTotalChars < 1 || maxTotalChars > StoryLimits.MAX_TOTAL_CHARS) {
      throw new IllegalArgumentException("maxTotalChars must be 1.." + StoryLimits.MAX_TOTAL_CHARS);
    }
    if (maxRenderSeconds < 1 || previewMaxChars < 1) {
      throw new IllegalArgumentException("maxRenderSeconds and previewMaxChars must be positive");
    }
  }
}
