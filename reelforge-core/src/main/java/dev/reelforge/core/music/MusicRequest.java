package dev.reelforge.core.music;

import dev.reelforge.core.error.ReelForgeException;
import java.util.Objects;

/**
 * What music is wanted.
 *
 * @param mood the feel
 * @param durationMillis how long it must play
 * @param seed makes a composition repeatable (the same seed, mood and length give the same music)
 */
public record MusicRequest(Mood mood, long durationMillis, long seed) {

  /** Long-form is cut into clips before it gets music; 30 minutes bounds the work. */
  public static final long MAX_DURATION_MILLIS = 30 * 60 * 1000L;

  public MusicRequest {
    Objects.requireNonNull(mood, "mood");
    if (durationMillis < 1000 || durationMillis > MAX_DURATION_MILLIS) {
      throw ReelForgeException.invalidField(
          "durationMillis", "must be between 1000 and " + MAX_DURATION_MILLIS);
    }
  }
}
