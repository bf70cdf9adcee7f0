package dev.reelforge.clips;

import dev.reelforge.clips.internal.audio.Loudness;
import dev.reelforge.clips.internal.faces.CropPath;
import dev.reelforge.clips.internal.faces.FaceTrack;
import dev.reelforge.clips.internal.faces.FaceTracker;
import dev.reelforge.clips.internal.faces.SpeakerChoice;
import dev.reelforge.core.clips.LoudnessCurve;
import dev.reelforge.core.clips.ReframeOverride;
import dev.reelforge.core.timeline.Framing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Plans how a clip of a landscape source is framed vertically: a list of {@link Shot}s covering the
 * clip exactly, in order, without gaps.
 *
 * <p>The clip is decided scene by scene (its scene cuts split it), because a face's place in one
 * camera angle says nothing about the next. In a scene where faces are seen often enough ({@link
 * ReframeOptions#minFaceShare()}), the faces are tracked, the one to follow is chosen (with two or
 * more, the one whose mouth moves while the audio is loud, held at least {@link
 * ReframeOptions#minHoldMillis()}), and the crop follows it calmly (see {@code CropPath}); a scene
 * without faces is shown whole over a blurred copy ({@link Shot.Mode#BLURRED_FIT}). A person's
 * override replaces all of it with one shot. A source already as narrow as the target gets one
 * centred shot, there being nothing to choose.
 *
 * <p>A framing's x is the crop centre as a fraction of the source's width, already clamped so the
 * crop lies inside the picture (what the render would do anyway), so a consumer can read the crop
 * as {@code [x − w/2, x + w/2]} with {@code w = sourceHeight × aspect / sourceWidth}. y is always
 * 0.5: the crop keeps the full height of a landscape source.
 */
public final class ReframePlanner {

  /**
   * Scene cuts closer than this to the clip's ends or to each other are ignored: a shot that short
   * is a flash, not a framing.
   */
  static final long MIN_SCENE_MILLIS = 300;

  /** Speech is what is within this many dB of the clip's loud moments (its 90th percentile). */
  static final double SPEECH_RANGE_DB = 15;

  private final ReframeOptions options;

  public ReframePlanner(ReframeOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * The shots of one clip.
   *
   * @param observations the analysed frames (any range; those outside the clip are ignored)
   * @param sceneCutsMillis the source's scene changes (any range, any order)
   * @param loudness the source's loudness; {@code null} or empty when unknown (then every frame
   *     counts as speech)
   * @param override a person's choice, replacing the plan
   */
  public List<Shot> plan(
      long clipStart,
      long clipEnd,
      List<FrameFaces> observations,
      List<Long> sceneCutsMillis,
      LoudnessCurve loudness,
      int sourceWidth,
      int sourceHeight,
      Optional<ReframeOverride> override) {
    if (clipEnd <= clipStart) {
      throw new IllegalArgumentException("a clip has a length: " + clipStart + "-" + clipEnd);
    }
    Objects.requireNonNull(observations, "observations");
    Objects.requireNonNull(sceneCutsMillis, "sceneCutsMillis");
    Objects.requireNonNull(override, "override");
    double cropWidth = options.cropWidth(sourceWidth, sourceHeight);
    if (override.isPresent()) {
      ReframeOverride chosen = override.get();
      return chosen.blurredFit()
          ? List.of(
              new Shot(
                  clipStart, clipEnd, Shot.Mode.BLURRED_FIT, Framing.CENTRE, "manual override"))
          : List.of(
              new Shot(
                  clipStart,
                  clipEnd,
                  Shot.Mode.CROP,
                  Framing.at(chosen.centerX().getAsDouble(), 0.5),
                  "manual override"));
    }
    if (cropWidth >= 1) {
      return List.of(
          new Shot(clipStart, clipEnd, Shot.Mode.CROP, Framing.CENTRE, "source already vertical"));
    }
    Loudness levels = Loudness.of(loudness, clipEnd);
    double gate =
        levels.known() ? levels.percentile(90) - SPEECH_RANGE_DB : Double.NEGATIVE_INFINITY;
    List<FrameFaces> inClip =
        observations.stream()
            .filter(o -> o.timeMillis() >= clipStart && o.timeMillis() < clipEnd)
            .sorted(Comparator.comparingLong(FrameFaces::timeMillis))
            .toList();
    List<Shot> shots = new ArrayList<>();
    List<Long> bounds = sceneBounds(clipStart, clipEnd, sceneCutsMillis);
    for (int s = 0; s + 1 < bounds.size(); s++) {
      long from = bounds.get(s);
      long to = bounds.get(s + 1);
      List<FrameFaces> frames =
          inClip.stream().filter(o -> o.timeMillis() >= from && o.timeMillis() < to).toList();
      shots.addAll(planScene(from, to, frames, levels, gate, cropWidth));
    }
    return List.copyOf(shots);
  }

  private List<Shot> planScene(
      long from, long to, List<FrameFaces> frames, Loudness levels, double gate, double cropWidth) {
    long withFace = frames.stream().filter(f -> !f.faces().isEmpty()).count();
    if (withFace == 0 || withFace < options.minFaceShare() * frames.size()) {
      String why = withFace == 0 ? "no face found" : "face seen too rarely to follow";
      return List.of(new Shot(from, to, Shot.Mode.BLURRED_FIT, Framing.CENTRE, why));
    }
    long[] times = frames.stream().mapToLong(FrameFaces::timeMillis).toArray();
    List<FaceTrack> tracks =
        FaceTracker.track(
            times,
            frames.stream().map(FrameFaces::faces).toList(),
            frames.stream().map(FrameFaces::mouthMotion).toList());
    boolean[] loud = new boolean[times.length];
    for (int i = 0; i < times.length; i++) {
      loud[i] = levels.at(times[i]) >= gate;
    }
    int[] chosen =
        SpeakerChoice.choose(
            tracks, times, loud, options.minHoldMillis(), options.smoothingMillis());
    List<CropPath.Segment> path =
        CropPath.plan(
            from,
            to,
            times,
            tracks,
            chosen,
            cropWidth,
            options.safeZone(),
            options.maxPanPerSecond(),
            options.smoothingMillis(),
            tracks.size() > 1 ? "speaker chosen" : "face tracked");
    return path.stream()
        .map(
            seg ->
                new Shot(
                    seg.start(),
                    seg.end(),
                    Shot.Mode.CROP,
                    new Framing(seg.fromX(), 0.5, seg.toX(), 0.5),
                    seg.reason()))
        .toList();
  }

  /** The clip's start, the scene cuts inside it worth a shot of their own, and its end. */
  static List<Long> sceneBounds(long clipStart, long clipEnd, List<Long> sceneCuts) {
    List<Long> bounds = new ArrayList<>();
    bounds.add(clipStart);
    for (long cut : sceneCuts.stream().sorted().toList()) {
      if (cut - bounds.getLast() >= MIN_SCENE_MILLIS && clipEnd - cut >= MIN_SCENE_MILLIS) {
        bounds.add(cut);
      }
    }
    bounds.add(clipEnd);
    return bounds;
  }
}
