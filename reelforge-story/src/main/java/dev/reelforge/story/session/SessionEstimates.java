package dev.reelforge.story.session;

import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderEstimate;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.render.Renderer;
import dev.reelforge.core.timeline.Motion;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.VisualClip;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How long a session's render will take on this machine and how large its files will be, shown
 * before the user starts it. The video's length comes from the timed narration once there is one,
 * otherwise from the script at a speaking pace; the renderer's estimate does the rest (the FFmpeg
 * engine's is calibrated on this machine).
 */
public final class SessionEstimates {

  /** A narrator's pace, words per second (about 150 words a minute). */
  static final double WORDS_PER_SECOND = 2.5;

  /** The pause the narration leaves between beats. */
  static final long PAUSE_MILLIS = 300;

  private final Renderer renderer;

  public SessionEstimates(Renderer renderer) {
    this.renderer = renderer;
  }

  /** The estimate, and the video length it assumed; empty before the session has a script. */
  public Optional<Estimate> of(StorySession session) {
    if (session.story() == null || session.beatCount() == 0) {
      return Optional.empty();
    }
    List<String> sentences = session.story().sentences();
    List<Long> beatMillis = new ArrayList<>();
    for (String sentence : sentences) {
      long words = sentence.strip().split("\\s+").length;
      beatMillis.add(Math.round(words / WORDS_PER_SECOND * 1000) + PAUSE_MILLIS);
    }
    long total = beatMillis.stream().mapToLong(Long::longValue).sum();
    boolean timed = session.captions() != null && session.captions().durationMs() > 0;
    if (timed) {
      double scale = session.captions().durationMs() / (double) total;
      beatMillis.replaceAll(millis -> Math.max(1, Math.round(millis * scale)));
      total = session.captions().durationMs();
    }
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < beatMillis.size(); i++) {
      segments.add(
          Segment.of("beat-" + i, beatMillis.get(i), VisualClip.image("estimate", Motion.NONE)));
    }
    Timeline timeline = new Timeline(segments, Optional.empty(), Optional.empty(), null, null);
    List<RenderPreset> presets =
        session.settings().formats().stream().map(RenderPreset::byId).toList();
    RenderEstimate estimate =
        renderer.estimate(timeline, presets, QualityTier.byName(session.settings().quality()));
    return Optional.of(new Estimate(total, timed, estimate));
  }

  /**
   * @param videoMillis the video's expected length
   * @param timed whether that length is the narration's measured one (not the pace's guess)
   * @param render the render's time and size, in all and per format
   */
  public record Estimate(long videoMillis, boolean timed, RenderEstimate render) {}
}
