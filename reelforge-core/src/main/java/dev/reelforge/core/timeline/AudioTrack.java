package dev.reelforge.core.timeline;

import java.util.Objects;

/**
 * A narration file placed on the timeline.
 *
 * @param source the audio file (or any media file with an audio stream: a clip's soundtrack is the
 *     source video's own audio)
 * @param offsetMillis when it starts on the timeline
 * @param gainDb a gain applied before mixing (0 keeps it as recorded)
 * @param sourceStartMillis where in the file reading starts (0: from its beginning); a clip cut
 *     from a long video reads its voice from the video itself, from the clip's start, with no
 *     extraction step. It plays until the timeline ends.
 */
public record AudioTrack(String source, long offsetMillis, double gainDb, long sourceStartMillis) {

  public AudioTrack {
    Objects.requireNonNull(source, "source");
  }

  /** A track read from the start of its file. */
  public AudioTrack(String source, long offsetMillis, double gainDb) {
    this(source, offsetMillis, gainDb, 0);
  }

  public static AudioTrack of(String source) {
    return new AudioTrack(source, 0, 0);
  }

  /** The soundtrack of {@code source} from {@code sourceStartMillis}, at the timeline's start. */
  public static AudioTrack from(String source, long sourceStartMillis) {
    return new AudioTrack(source, 0, 0, sourceStartMillis);
  }
}
