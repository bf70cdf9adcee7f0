package dev.reelforge.core.timeline;

import java.util.Objects;
import java.util.Optional;

/**
 * A still image or a video file shown in a segment.
 *
 * @param kind whether the source is a still or moving picture
 * @param source the file, as a path (absolute, or relative to where the renderer resolves media)
 * @param inMillis where to start in a video (ignored for stills)
 * @param outMillis where to stop in a video; a clip shorter than its segment loops
 * @param fit how a picture of another aspect ratio fills the frame
 * @param motion the pan/zoom applied over the segment (Ken Burns on stills)
 * @param framing where a {@link Fit#FILL} video is cropped ({@link Framing#CENTRE} unless a
 *     reframer chose otherwise)
 */
public record VisualClip(
    Kind kind,
    String source,
    long inMillis,
    Optional<Long> outMillis,
    Fit fit,
    Motion motion,
    Framing framing) {

  public VisualClip {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    outMillis = Objects.requireNonNullElse(outMillis, Optional.empty());
    fit = Objects.requireNonNullElse(fit, Fit.FILL);
    motion = Objects.requireNonNullElse(motion, Motion.NONE);
    framing = Objects.requireNonNullElse(framing, Framing.CENTRE);
  }

  /** A clip cropped in the centre. */
  public VisualClip(
      Kind kind, String source, long inMillis, Optional<Long> outMillis, Fit fit, Motion motion) {
    this(kind, source, inMillis, outMillis, fit, motion, Framing.CENTRE);
  }

  public static VisualClip image(String source, Motion motion) {
    return new VisualClip(Kind.IMAGE, source, 0, Optional.empty(), Fit.FILL, motion);
  }

  public static VisualClip video(String source, long inMillis, Optional<Long> outMillis) {
    return new VisualClip(Kind.VIDEO, source, inMillis, outMillis, Fit.FILL, Motion.NONE);
  }

  public VisualClip withFit(Fit newFit) {
    return new VisualClip(kind, source, inMillis, outMillis, newFit, motion, framing);
  }

  public VisualClip withMotion(Motion newMotion) {
    return new VisualClip(kind, source, inMillis, outMillis, fit, newMotion, framing);
  }

  public VisualClip withFraming(Framing newFraming) {
    return new VisualClip(kind, source, inMillis, outMillis, fit, motion, newFraming);
  }

  /** Still or moving. */
  public enum Kind {
    IMAGE,
    VIDEO
  }

  /** How a picture of another aspect ratio is placed in the frame. */
  public enum Fit {
    /** Cover the frame, cropping what sticks out (centred). */
    FILL,
    /** Show the whole picture over a blurred, cover-cropped copy of itself. */
    FIT
  }
}
