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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Puts a story together: one segment per beat, as long as its narration (cut in the pauses), with
 * the beat's picture moving slowly (zoom and pan alternate so consecutive stills do not feel alike)
 * or its clip playing; the narration as the voice track, every spoken word as a caption, the music
 * under the voice (ducked), and the title as the hook for the first seconds.
 *
 * <p>The render hides burned-in captions while the hook is up (the hook stands in for the words
 * spoken under it), so the hook is timed to the narration: when the narration opens with the
 * title's words, as an extractive script's does, the hook stays until they have been spoken; and it
 * always ends as a word starts, so that captions come back with a whole word and the same words
 * never show twice at once.
 */
public final class StoryTimeline {

  /** How long the hook title stays up when the narration does not open with its words. */
  static final long HOOK_MILLIS = 2500;

  /** The shortest a hook stays up: long enough to be read. */
  static final long HOOK_MIN_MILLIS = 1500;

  /** The longest a hook stays up while the narration speaks its words. */
  static final long HOOK_MAX_MILLIS = 5000;

  /** A hook ends at the start of the next word when that word comes within this. */
  static final long SNAP_MILLIS = 700;

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
    long hookEnd = hookEnd(script.title(), words, spans.getFirst()[1]);
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

  /**
   * When the hook leaves: after the title's last word is spoken if the narration opens with the
   * title (within {@link #HOOK_MAX_MILLIS}), else after {@link #HOOK_MILLIS}; moved on to the start
   * of the next word when one comes soon after, and never after the first beat.
   */
  static long hookEnd(String title, List<WordTiming> words, long firstBeatEnd) {
    long target = HOOK_MILLIS;
    List<String> titleWords = normalisedWords(title.replace("…", " "));
    if (!titleWords.isEmpty()) {
      String last = titleWords.getLast();
      int searched = Math.min(words.size(), titleWords.size() * 2 + 2);
      for (int i = 0; i < searched; i++) {
        WordTiming word = words.get(i);
        if (word.endMillis() > HOOK_MAX_MILLIS) {
          break;
        }
        if (normalisedWords(word.text()).contains(last)) {
          target = Math.max(HOOK_MIN_MILLIS, word.endMillis());
          break;
        }
      }
    }
    long end = target;
    for (WordTiming word : words) {
      if (word.startMillis() >= target) {
        if (word.startMillis() - target <= SNAP_MILLIS) {
          end = word.startMillis();
        }
        break;
      }
    }
    return Math.max(1, Math.min(end, firstBeatEnd));
  }

  private static List<String> normalisedWords(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty())
        .toList();
  }
}
