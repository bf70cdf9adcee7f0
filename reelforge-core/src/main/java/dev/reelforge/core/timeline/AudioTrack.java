package dev.reelforge.core.timeline;

import java.util.Objects;

/**
 * A narration file placed on the timeline.
 *
 * @param source the audio file
 * @param offsetMillis when it starts on the timeline
 * @param gainDb a gain applied before mixing (0 keeps it as recorded)
 */
public record AudioTrack(String source, long offsetMillis, double gainDb) {

  public AudioTrack {
    Objects.requireNonNull(source, "source");
  }

  public static AudioTrack of(String source) {
    return new AudioTrack(source, 0, 0);
  }
}
