package dev.reelforge.core.timeline;

import java.util.Objects;

/**
 * Background music under the whole video, looped or cut to length.
 *
 * @param source the audio file
 * @param gainDb its level before ducking; music usually sits well under speech
 * @param fadeInMillis fade at the start
 * @param fadeOutMillis fade at the end
 * @param duckUnderVoice whether it dips while the voice speaks (sidechain compression)
 */
public record MusicTrack(
    String source, double gainDb, long fadeInMillis, long fadeOutMillis, boolean duckUnderVoice) {

  /** A level that leaves speech clearly on top before any ducking. */
  public static final double DEFAULT_GAIN_DB = -12;

  public MusicTrack {
    Objects.requireNonNull(source, "source");
  }

  public static MusicTrack of(String source) {
    return new MusicTrack(source, DEFAULT_GAIN_DB, 1000, 2000, true);
  }
}
