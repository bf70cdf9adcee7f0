package dev.reelforge.core.story;

import dev.reelforge.core.script.Script;
import dev.reelforge.core.speech.WordTiming;
import dev.reelforge.core.timeline.AudioTrack;
import dev.reelforge.core.timeline.CaptionTrack;
import dev.reelforge.core.timeline.CaptionWord;
import dev.reelforge.core.timeline.Motion;
import dev.reelforge.core.timeline.MusicTrack;
import dev.reelforge.core.timeline.Overlays;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.core.visuals.VisualKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a story together: one segment per beat, as long as its narration (cut in the pauses), with
 * the beat's picture moving slowly (zoom and pan alternate so consecutive stills do not feel alike)
 * or its clip playing; the narration as the voice track, every spoken word as a caption, the music
 * under the voice (ducked), and the title as the hook for the first seconds.
 */
public final class StoryTimeline {

  /** How long the hook title stays up, at most. */
  static final long HOOK_MILLIS = 2500;

  private static final List<Motion> MOTIONS =
      List.of(Motion.zoomIn(), Motion.panRight(), Motion.zoomOut(), Motion.panLeft());

  private StoryTimeline() {}

  /**
   * A beat's visual, by its path relative to the media root.
   *
   * @param source the file, relative to the render's media root
   * @param kind still or clip
   */
  public record BeatVisual(String source, VisualKind kind) {}

  /**
   * @param words the narration's words with their times
   * @param narrationMillis the narration's length
   * @param voice the narration file, relative to the media root
   * @param music the music file, relative to the media root, if any
   */
  public static Timeline assemble(
      Script script,
      List<WordTiming> words,
      long narrationMillis,
      List<Integer> wordsPerBeat,
      String voice,
      List<BeatVisual> visuals,
      Optional<String> music,
      String captionStyle) {
    if (visuals.size() != script.beats().size() || wordsPerBeat.size() != script.beats().size()) {
      throw new IllegalArgumentException("one visual and one word count per beat are needed");
    }
    List<long[]> spans = BeatSpans.of(wordsPerBeat, words, narrationMillis);
    List<Segment> segments = new ArrayList<>();
    for (int b = 0; b < spans.size(); b++) {
      long length = spans.get(b)[1] - spans.get(b)[0];
      BeatVisual visual = visuals.get(b);
      VisualClip clip =
          visual.kind() == VisualKind.VIDEO
              ? VisualClip.video(visual.source(), 0, Optional.empty())
              : VisualClip.image(visual.source(), MOTIONS.get(b % MOTIONS.size()));
      segments.add(Segment.of("beat-" + (b + 1), length, clip));
    }
    List<CaptionWord> captions =
        words.stream().map(w -> new CaptionWord(w.text(), w.startMillis(), w.endMillis())).toList();
    long hookEnd = Math.min(HOOK_MILLIS, spans.getFirst()[1]);
    Overlays overlays =
        script.title().isBlank()
            ? Overlays.NONE
            : new Overlays(
                Optional.of(new Overlays.HookTitle(script.title(), 0, hookEnd)), Optional.empty());
    return new Timeline(
        segments,
        Optional.of(AudioTrack.of(voice)),
        music.map(MusicTrack::of),
        new CaptionTrack(captions, captionStyle),
        overlays);
  }
}
