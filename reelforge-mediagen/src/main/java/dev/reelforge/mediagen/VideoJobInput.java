package dev.reelforge.mediagen;

import dev.reelforge.core.videogen.VideoRequest;
import dev.reelforge.core.videogen.VideoRequest.Aspect;
import dev.reelforge.core.videogen.VideoRequest.Resolution;
import java.util.Objects;
import java.util.Optional;

/**
 * A video job as accepted (seed 004 §5): frames are already in the media store under {@link
 * MediaKeys#frame} keys (the app fetched, checked and stored them), so a worker on any node reads
 * them from there. Checked on construction with the API's field names.
 *
 * @param prompt what happens in the clip
 * @param startFrameKey store key of the first frame; null for text-to-video
 * @param endFrameKey store key of the last frame; null for none
 * @param startFrameUrl a public address of the first frame, for engines that only take addresses
 *     (Luma); null when the server has no public address
 * @param endFrameUrl likewise for the last frame
 * @param durationS seconds, 1 to 10
 * @param fps frames per second, 12 to 60
 * @param resolution {@code 480p}, {@code 720p} or {@code 1080p}
 * @param aspectRatio {@code 16:9}, {@code 9:16} or {@code 1:1}
 * @param seed repeatability where the engine supports it
 * @param engine the engine asked for first; null for the configured default
 */
public record VideoJobInput(
    String prompt,
    String startFrameKey,
    String endFrameKey,
    String startFrameUrl,
    String endFrameUrl,
    int durationS,
    int fps,
    String resolution,
    String aspectRatio,
    long seed,
    String engine) {

  public VideoJobInput {
    prompt = Objects.requireNonNullElse(prompt, "").strip();
    resolution = Objects.requireNonNullElse(resolution, "720p");
    aspectRatio = Objects.requireNonNullElse(aspectRatio, "16:9");
    Resolution.parse(resolution);
    Aspect.parse(aspectRatio, "aspect_ratio");
    // The port's own checks give the field errors for the rest (prompt, duration_s, fps, frames).
    new VideoRequest(
        prompt,
        Optional.ofNullable(startFrameKey).map(k -> placeholder()),
        Optional.ofNullable(endFrameKey).map(k -> placeholder()),
        durationS,
        fps,
        Resolution.parse(resolution),
        Aspect.parse(aspectRatio, "aspect_ratio"),
        seed);
  }

  private static VideoRequest.VideoFrame placeholder() {
    return VideoRequest.VideoFrame.of(java.nio.file.Path.of("frame.png"));
  }
}
