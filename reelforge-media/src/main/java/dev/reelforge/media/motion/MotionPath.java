package dev.reelforge.media.motion;

import dev.reelforge.media.frames.Window;

/**
 * Where the camera starts and ends for one clip: the framing of the picture (the background, for a
 * parallax shot) and, for an orbit, of the subject, which moves differently.
 *
 * <p>Zooms are relative to the prepared still, which is {@link #preparedScale()} times the frame:
 * zoom 1 shows all of it, and the largest zoom shows it pixel for pixel.
 *
 * @param from the picture's framing at the start
 * @param to the picture's framing at the end
 * @param subjectFrom the subject's framing at the start (the picture's, when not parallax)
 * @param subjectTo the subject's framing at the end
 * @param parallax whether the subject moves against its background (same zoom, another place)
 */
record MotionPath(
    Framing from, Framing to, Framing subjectFrom, Framing subjectTo, boolean parallax) {

  /**
   * How far an orbit's subject travels, as a share of its background's travel: more would stretch
   * the band around the subject too far (see {@link SubjectMask}).
   */
  static final double SUBJECT_SHARE = 0.55;

  /** A zoom and a centre, in fractions of the picture. */
  record Framing(double zoom, double centerX, double centerY) {}

  /**
   * The path of {@code motion}: the seed varies where a push-in ends, how high a pan runs and which
   * way an orbit turns. A morph (start and end frames) moves less, so that the end frame is mostly
   * in view when the dissolve arrives at it.
   */
  static MotionPath of(CameraMotion motion, long seed, boolean morph) {
    double reach = morph ? 0.6 : 1.0;
    return switch (motion) {
      case PUSH_IN -> push(seed, reach, false);
      case PULL_OUT -> push(seed, reach, true);
      case PAN_LEFT -> pan(seed, reach, -1);
      case PAN_RIGHT -> pan(seed, reach, 1);
      case ORBIT -> orbit(seed, reach);
    };
  }

  private static MotionPath push(long seed, double reach, boolean reverse) {
    double zoom = 1 + (0.22 + 0.1 * SeedMix.unit(seed, 2)) * reach;
    Framing wide = new Framing(1, 0.5, 0.5);
    Framing close =
        new Framing(
            zoom, 0.5 + 0.06 * SeedMix.signed(seed, 3), 0.5 + 0.06 * SeedMix.signed(seed, 4));
    return reverse ? flat(close, wide) : flat(wide, close);
  }

  /** {@code direction} -1 turns the camera left (the window moves left), 1 right. */
  private static MotionPath pan(long seed, double reach, int direction) {
    double zoom = 1 + 0.3 * reach;
    // The whole travel the zoom leaves room for, so that the pan is clearly a pan.
    double travel = (1 - 1 / zoom) / 2;
    double y = 0.5 + 0.05 * SeedMix.signed(seed, 5);
    return flat(
        new Framing(zoom, 0.5 - direction * travel, y),
        new Framing(zoom, 0.5 + direction * travel, y));
  }

  /**
   * The background slides across while the subject, nearer the pivot, travels a little over half as
   * far: the parallax of a camera arcing around it. Both start aligned, so the first frame is the
   * picture as given (cropped by the zoom).
   */
  private static MotionPath orbit(long seed, double reach) {
    double direction = SeedMix.unit(seed, 6) < 0.5 ? -1 : 1;
    double zoom = 1 + 0.25 * reach;
    double travel = (1 - 1 / zoom) / 2;
    double y = 0.5 + 0.03 * SeedMix.signed(seed, 7);
    Framing start = new Framing(zoom, 0.5 - direction * travel, y);
    return new MotionPath(
        start,
        new Framing(zoom, 0.5 + direction * travel, y),
        start,
        new Framing(zoom, 0.5 - direction * travel + direction * 2 * travel * SUBJECT_SHARE, y),
        true);
  }

  private static MotionPath flat(Framing from, Framing to) {
    return new MotionPath(from, to, from, to, false);
  }

  /** How much larger than the frame the still is prepared: the largest zoom, at most 2. */
  double preparedScale() {
    double most =
        Math.max(Math.max(from.zoom(), to.zoom()), Math.max(subjectFrom.zoom(), subjectTo.zoom()));
    return Math.min(2, most);
  }

  /**
   * How far the subject's window ends up from the background's, as a share of the still's width
   * (positive: further right, so the subject appears further left): the largest shift of the path.
   */
  double subjectShift(int stillWidth, int stillHeight) {
    return (subjectEnd(stillWidth, stillHeight).left() - end(stillWidth, stillHeight).left())
        / stillWidth;
  }

  /** The picture's window at the start, on a still of {@code width × height}. */
  Window start(int width, int height) {
    return Window.framing(from.zoom(), from.centerX(), from.centerY(), width, height);
  }

  Window end(int width, int height) {
    return Window.framing(to.zoom(), to.centerX(), to.centerY(), width, height);
  }

  /** The subject's window at the start; it may leave the picture, whose outside it never shows. */
  Window subjectStart(int width, int height) {
    return Window.unclamped(
        subjectFrom.zoom(), subjectFrom.centerX(), subjectFrom.centerY(), width, height);
  }

  Window subjectEnd(int width, int height) {
    return Window.unclamped(
        subjectTo.zoom(), subjectTo.centerX(), subjectTo.centerY(), width, height);
  }
}
