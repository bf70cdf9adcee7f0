package dev.reelforge.clips;

import dev.reelforge.core.timeline.AudioTrack;
import dev.reelforge.core.timeline.CaptionTrack;
import dev.reelforge.core.timeline.CaptionWord;
import dev.reelforge.core.timeline.Framing;
import dev.reelforge.core.timeline.Overlays;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.TimelineValidator;
import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.core.transcript.TranscriptWord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@link ClipCut} into the timeline the render engine draws: one segment per shot, showing
 * the source between the shot's in and out points (cropped around its framing, or fitted over a
 * blurred copy), the source's own audio from the clip's start as the voice (no music, so nothing is
 * ducked and the speech alone is normalised), the clip's words as captions on the clip's clock, and
 * the title as a hook over the first seconds.
 */
public final class ClipTimeline {

  /** How long the hook title stays up, unless a word starts soon after. */
  static final long HOOK_MILLIS = 2500;

  /** The hook leaves as the next word starts when it starts within this, on a whole word. */
  static final long HOOK_SNAP_MILLIS = 700;

  private ClipTimeline() {}

  /**
   * The clip's timeline, its soundtrack read from the source.
   *
   * @throws dev.reelforge.core.error.ReelForgeException {@code VALIDATION_FAILED} when the clip
   *     cannot be rendered (e.g. shorter than a segment may be)
   */
  public static Timeline build(ClipCut cut) {
    return build(cut, true);
  }

  /**
   * @param sourceHasAudio whether the source has an audio stream; a silent source makes a silent
   *     clip (the renderer would refuse to read a voice from it)
   */
  public static Timeline build(ClipCut cut, boolean sourceHasAudio) {
    List<Segment> segments = segments(cut);
    long duration = segments.stream().mapToLong(Segment::durationMillis).sum();
    List<CaptionWord> words = words(cut);
    Overlays overlays =
        cut.hookTitle() && !cut.title().isBlank()
            ? new Overlays(
                Optional.of(
                    new Overlays.HookTitle(cut.title().strip(), 0, hookEnd(words, duration))),
                Optional.empty())
            : Overlays.NONE;
    Timeline timeline =
        new Timeline(
            segments,
            sourceHasAudio
                ? Optional.of(AudioTrack.from(cut.sourceFile(), cut.startMillis()))
                : Optional.empty(),
            Optional.empty(),
            new CaptionTrack(words, cut.captionStyle()),
            overlays);
    TimelineValidator.validate(timeline);
    return timeline;
  }

  /**
   * One segment per shot: each shot holds from its start (the clip's start for the first) until the
   * next shot starts (the clip's end for the last), so the segments cover the clip without gaps
   * whatever the shots left. A stretch too short to be a segment joins its neighbour.
   */
  static List<Segment> segments(ClipCut cut) {
    List<Stretch> stretches = stretches(cut);
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < stretches.size(); i++) {
      Stretch s = stretches.get(i);
      VisualClip video =
          VisualClip.video(cut.sourceFile(), s.from(), Optional.of(s.to()))
              .withFit(s.shot().mode() == Shot.Mode.CROP ? VisualClip.Fit.FILL : VisualClip.Fit.FIT)
              .withFraming(s.framing());
      segments.add(Segment.of("shot-" + (i + 1), s.to() - s.from(), video));
    }
    return segments;
  }

  private static List<Stretch> stretches(ClipCut cut) {
    List<Shot> shots =
        cut.shots().stream()
            .filter(s -> s.endMillis() > cut.startMillis() && s.startMillis() < cut.endMillis())
            .sorted(Comparator.comparingLong(Shot::startMillis))
            .toList();
    if (shots.isEmpty()) {
      // Nothing says where the subject is: show the whole picture rather than guess a crop.
      shots =
          List.of(
              new Shot(
                  cut.startMillis(),
                  cut.endMillis(),
                  Shot.Mode.BLURRED_FIT,
                  Framing.CENTRE,
                  "no shots"));
    }
    List<Stretch> stretches = new ArrayList<>();
    for (int i = 0; i < shots.size(); i++) {
      long from =
          i == 0 ? cut.startMillis() : Math.max(cut.startMillis(), shots.get(i).startMillis());
      long to = i + 1 < shots.size() ? shots.get(i + 1).startMillis() : cut.endMillis();
      if (to > from) {
        stretches.add(new Stretch(shots.get(i), from, to));
      }
    }
    return merged(stretches);
  }

  /** Joins every stretch shorter than a segment may be to the one before it (or after it). */
  private static List<Stretch> merged(List<Stretch> stretches) {
    List<Stretch> out = new ArrayList<>(stretches);
    int i = 0;
    while (out.size() > 1 && i < out.size()) {
      Stretch s = out.get(i);
      if (s.to() - s.from() >= TimelineValidator.MIN_SEGMENT_MILLIS) {
        i++;
      } else if (i > 0) {
        Stretch before = out.get(i - 1);
        out.set(i - 1, new Stretch(before.shot(), before.from(), s.to()));
        out.remove(i);
      } else {
        Stretch after = out.get(1);
        out.set(1, new Stretch(after.shot(), s.from(), after.to()));
        out.remove(0);
      }
    }
    return out;
  }

  /** The words that start inside the clip, on the clip's clock, cut off at its end. */
  static List<CaptionWord> words(ClipCut cut) {
    return cut.words().stream()
        .filter(w -> w.startMillis() >= cut.startMillis() && w.startMillis() < cut.endMillis())
        .sorted(Comparator.comparingLong(TranscriptWord::startMillis))
        .map(
            w ->
                new CaptionWord(
                    w.text(),
                    w.startMillis() - cut.startMillis(),
                    Math.min(w.endMillis(), cut.endMillis()) - cut.startMillis()))
        .toList();
  }

  /**
   * The hook hides burned-in captions while it is up, so it leaves on a whole word: at the start of
   * the first word after {@link #HOOK_MILLIS} when that comes soon, else on time.
   */
  static long hookEnd(List<CaptionWord> words, long duration) {
    long end = HOOK_MILLIS;
    for (CaptionWord word : words) {
      if (word.startMillis() >= HOOK_MILLIS) {
        if (word.startMillis() - HOOK_MILLIS <= HOOK_SNAP_MILLIS) {
          end = word.startMillis();
        }
        break;
      }
    }
    return Math.max(1, Math.min(end, duration));
  }

  /**
   * A shot's part of the clip, from {@code from} to {@code to} in source time. Its framing is the
   * shot's, taken at those two moments (the shot's move is linear over the whole shot, which may
   * start before the clip or be stretched to close a gap; outside the shot it holds its ends).
   */
  private record Stretch(Shot shot, long from, long to) {

    Framing framing() {
      if (shot.mode() != Shot.Mode.CROP) {
        return Framing.CENTRE;
      }
      Framing f = shot.framing();
      double a = progress(from);
      double b = progress(to);
      return new Framing(
          lerp(f.startX(), f.endX(), a),
          lerp(f.startY(), f.endY(), a),
          lerp(f.startX(), f.endX(), b),
          lerp(f.startY(), f.endY(), b));
    }

    private double progress(long at) {
      double p = (double) (at - shot.startMillis()) / shot.durationMillis();
      return Math.max(0, Math.min(1, p));
    }

    private static double lerp(double from, double to, double p) {
      // Clamped: rounding must not push a framing at the edge past it.
      return from == to ? from : Math.max(0, Math.min(1, from + (to - from) * p));
    }
  }
}
