package dev.reelforge.clips;

import dev.reelforge.core.vision.FaceBox;
import java.util.List;

/**
 * The faces seen in one analysed frame, each with how much its mouth moved since the frame before.
 *
 * @param timeMillis the frame's time in the source
 * @param faces the faces detected, in fractions of the frame
 * @param mouthMotion for each face (same order), the mean absolute luma change (0–255) of its mouth
 *     region since the previous frame; 0 for a face not seen in the previous frame
 */
public record FrameFaces(long timeMillis, List<FaceBox> faces, List<Double> mouthMotion) {

  public FrameFaces {
    faces = List.copyOf(faces);
    mouthMotion = List.copyOf(mouthMotion);
    if (faces.size() != mouthMotion.size()) {
      throw new IllegalArgumentException(
          faces.size() + " faces but " + mouthMotion.size() + " mouth motions");
    }
  }

  /** A frame where no face was found. */
  public static FrameFaces empty(long timeMillis) {
    return new FrameFaces(timeMillis, List.of(), List.of());
  }
}
