package dev.reelforge.core.timeline;

import java.util.Objects;

/**
 * One stretch of the video showing one visual, usually one beat of the script. Segments are the
 * unit of rendering and caching: changing one re-renders that segment only.
 *
 * @param id a stable name (the beat's id), used in progress messages and file names
 * @param durationMillis how long the segment plays
 * @param visual what is shown
 * @param transitionIn how this segment is entered from the previous one
 */
public record Segment(String id, long durationMillis, VisualClip visual, Transition transitionIn) {

  public Segment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(visual, "visual");
    transitionIn = Objects.requireNonNullElse(transitionIn, Transition.CUT);
  }

  public static Segment of(String id, long durationMillis, VisualClip visual) {
    return new Segment(id, durationMillis, visual, Transition.CUT);
  }

  public Segment withTransitionIn(Transition transition) {
    return new Segment(id, durationMillis, visual, transition);
  }
}
