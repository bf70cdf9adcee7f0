package dev.reelforge.mediagen;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A video job as the {@code generate} command asks for it: frames as local files (the API's jobs
 * take them from the media store instead). Checked on construction with the API's field names.
 *
 * @param prompt what happens in the clip
 * @param startImage the first frame, if any
 * @param endImage the last frame, if any (needs a start frame)
 * @param durationS seconds, 1 to 10
 * @param fps frames per second, 12 to 60
 * @param resolution {@code 480p}, {@code 720p} or {@code 1080p}
 * @param aspectRatio {@code 16:9}, {@code 9:16} or {@code 1:1}
 * @param seed repeatability where the engine supports it
 * @param engine the engine asked first; null for the default
 */
public record VideoOrder(
    String prompt,
    Optional<Path> startImage,
    Optional<Path> endImage,
    int durationS,
    int fps,
    String resolution,
    String aspectRatio,
    long seed,
    String engine) {

  public VideoOrder {
    Objects.requireNonNull(startImage, "startImage");
    Objects.requireNonNull(endImage, "endImage");
    // The job's own checks, with stand-in keys: a wrong order fails before anything is stored.
    input(
        startImage.map(p -> "start"),
        endImage.map(p -> "end"),
        prompt,
        durationS,
        fps,
        resolution,
        aspectRatio,
        seed,
        engine);
  }

  /** The job's input once the frames are stored under {@code startKey} and {@code endKey}. */
  VideoJobInput input(Optional<String> startKey, Optional<String> endKey) {
    return input(startKey, endKey, prompt, durationS, fps, resolution, aspectRatio, seed, engine);
  }

  private static VideoJobInput input(
      Optional<String> startKey,
      Optional<String> endKey,
      String prompt,
      int durationS,
      int fps,
      String resolution,
      String aspectRatio,
      long seed,
      String engine) {
    return new VideoJobInput(
        prompt,
        startKey.orElse(null),
        endKey.orElse(null),
        null,
        null,
        durationS,
        fps,
        resolution,
        aspectRatio,
        seed,
        engine);
  }
}
