package dev.reelforge.core.vision;

import java.util.List;

/**
 * Finds faces in frames. Registered by name and version in the model registry, warmed up when a
 * worker starts, and fed frames in batches.
 */
public interface FaceDetector {

  /** Stable name, e.g. {@code opencv-haar-frontalface}. */
  String name();

  /** The model's version, e.g. the library's version and the cascade file. */
  String version();

  /** Loads the model so the first batch does not pay for it. Idempotent. */
  default void warmUp() {}

  /** The faces of each frame, in the batch's order; a frame without faces gets an empty list. */
  List<List<FaceBox>> detect(List<GrayFrame> batch);
}
