package dev.reelforge.core.clips;

import java.util.Objects;

/**
 * What a probe of an uploaded long video found.
 *
 * @param container the format's name as FFmpeg reports it, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param videoCodec e.g. {@code h264}
 * @param audioCodec e.g. {@code aac}; empty when the file has no audio
 * @param durationMillis the longest stream's length
 * @param width picture width in pixels (after rotation)
 * @param height picture height in pixels (after rotation)
 * @param fps frames per second
 */
public record SourceProbe(
    String container,
    String videoCodec,
    String audioCodec,
    long durationMillis,
    int width,
    int height,
    double fps) {

  public SourceProbe {
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(videoCodec, "videoCodec");
    audioCodec = Objects.requireNonNullElse(audioCodec, "");
  }

  public boolean hasAudio() {
    return !audioCodec.isEmpty();
  }
}
