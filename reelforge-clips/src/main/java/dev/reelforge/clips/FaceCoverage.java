package dev.reelforge.clips;

import dev.reelforge.core.vision.FaceBox;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How well a reframing keeps faces in the picture: of the analysed frames that hold a face (and
 * fall inside the planned shots), how many have that face wholly inside the crop. A frame shown as
 * a blurred fit shows the whole picture and so counts as covered. Used by the tests and the clips
 * benchmark (seed 003 asks for ≥ 95 % on a talking head).
 *
 * @param counted frames that had a face to keep
 * @param inside frames whose face was inside the crop
 */
public record FaceCoverage(int counted, int inside) {

  /** The share covered, in [0,1]; 1 when there was nothing to cover. */
  public double share() {
    return counted == 0 ? 1 : (double) inside / counted;
  }

  /** Coverage of any face: a frame counts as covered when at least one of its faces is inside. */
  public static FaceCoverage ofAnyFace(
      List<Shot> shots, List<FrameFaces> observations, double cropWidth) {
    int counted = 0;
    int inside = 0;
    for (FrameFaces frame : observations) {
      Optional<Shot> shot = shotAt(shots, frame.timeMillis());
      if (shot.isEmpty() || frame.faces().isEmpty()) {
        continue;
      }
      counted++;
      if (frame.faces().stream()
          .anyMatch(f -> isInside(shot.get(), frame.timeMillis(), f, cropWidth))) {
        inside++;
      }
    }
    return new FaceCoverage(counted, inside);
  }

  /**
   * Coverage of the face {@code chosen} picks in each frame (say, the one known to speak); frames
   * where it picks none are not counted.
   */
  public static FaceCoverage of(
      List<Shot> shots,
      List<FrameFaces> observations,
      double cropWidth,
      Function<FrameFaces, Optional<FaceBox>> chosen) {
    int counted = 0;
    int inside = 0;
    for (FrameFaces frame : observations) {
      Optional<Shot> shot = shotAt(shots, frame.timeMillis());
      Optional<FaceBox> face = chosen.apply(frame);
      if (shot.isEmpty() || face.isEmpty()) {
        continue;
      }
      counted++;
      if (isInside(shot.get(), frame.timeMillis(), face.get(), cropWidth)) {
        inside++;
      }
    }
    return new FaceCoverage(counted, inside);
  }

  /**
   * The crop's centre at a time, as the render places it: the shot's framing moved linearly, then
   * clamped so the crop stays inside the picture.
   */
  public static double cropCentreAt(Shot shot, long timeMillis, double cropWidth) {
    double progress =
        Math.max(
            0, Math.min(1, (double) (timeMillis - shot.startMillis()) / shot.durationMillis()));
    double x =
        shot.framing().startX() + (shot.framing().endX() - shot.framing().startX()) * progress;
    return Math.max(cropWidth / 2, Math.min(1 - cropWidth / 2, x));
  }

  /** Whether a face lies wholly inside the shot's picture at a time. */
  public static boolean isInside(Shot shot, long timeMillis, FaceBox face, double cropWidth) {
    if (shot.mode() == Shot.Mode.BLURRED_FIT) {
      return true;
    }
    double centre = cropCentreAt(shot, timeMillis, cropWidth);
    double epsilon = 1e-9;
    return face.x() >= centre - cropWidth / 2 - epsilon
        && face.x() + face.width() <= centre + cropWidth / 2 + epsilon;
  }

  private static Optional<Shot> shotAt(List<Shot> shots, long timeMillis) {
    return shots.stream()
        .filter(s -> s.startMillis() <= timeMillis && timeMillis < s.endMillis())
        .findFirst();
  }
}
