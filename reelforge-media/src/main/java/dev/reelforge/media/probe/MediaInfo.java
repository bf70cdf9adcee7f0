package dev.reelforge.media.probe;

import java.util.List;
import java.util.Optional;

/**
 * What ffprobe says about a media file.
 *
 * @param durationSeconds the container's duration
 * @param formatName the container format, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param streams every stream in the file
 */
public record MediaInfo(double durationSeconds, String formatName, List<Stream> streams) {

  public MediaInfo {
    streams = List.copyOf(streams);
  }

  public Optional<Stream> video() {
    return streams.stream().filter(s -> s.type().equals("video")).findFirst();
  }

  public Optional<Stream> audio() {
    return streams.stream().filter(s -> s.type().equals("audio")).findFirst();
  }

  /**
   * One stream.
   *
   * @param type {@code video}, {@code audio}...
   * @param codec e.g. {@code h264}, {@code aac}
   * @param profile e.g. {@code High}, {@code LC}
   * @param pixelFormat e.g. {@code yuv420p} (video only)
   * @param frameRate frames per second (video only)
   * @param frames the frame count when the container records it
   * @param sampleRate samples per second (audio only)
   * @param channels channel count (audio only)
   */
  public record Stream(
      String type,
      String codec,
      String profile,
      int width,
      int height,
      String pixelFormat,
      double frameRate,
      long frames,
      int sampleRate,
      int channels,
      double durationSeconds) {}
}
