package dev.reelforge.core.timeline;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole video before rendering. Segments play one after another; the voice, music, captions and
 * overlays run on the timeline's clock, which starts at the first segment.
 *
 * @param segments the visuals, in playing order; their durations add up to the video's length
 * @param voice the narration, if any; the video is as long as the segments whatever the voice
 * @param music background music, if any, ducked under the voice
 * @param captions word-timed captions (may have no words)
 * @param overlays the hook title and watermark
 */
public record Timeline(
    List<Segment> segments,
    Optional<AudioTrack> voice,
    Optional<MusicTrack> music,
    CaptionTrack captions,
    Overlays overlays) {

  public Timeline {
    segments = segments == null ? List.of() : List.copyOf(segments);
    voice = Objects.requireNonNullElse(voice, Optional.empty());
    music = Objects.requireNonNullElse(music, Optional.empty());
    captions = Objects.requireNonNullElse(captions, CaptionTrack.NONE);
    overlays = Objects.requireNonNullElse(overlays, Overlays.NONE);
  }

  /** The video's length: the sum of the segments. */
  public long durationMillis() {
    return segments.stream().mapToLong(Segment::durationMillis).sum();
  }

  /** When segment {@code index} starts on the timeline's clock. */
  public long startOf(int index) {
    long start = 0;
    for (int i = 0; i < index; i++) {
      start += segments.get(i).durationMillis();
    }
    return start;
  }

  /** This timeline with segment {@code index} replaced, e.g. after a beat was re-rolled. */
  public Timeline withSegment(int index, Segment segment) {
    List<Segment> changed = new java.util.ArrayList<>(segments);
    changed.set(index, segment);
    return new Timeline(changed, voice, music, captions, overlays);
  }
}
