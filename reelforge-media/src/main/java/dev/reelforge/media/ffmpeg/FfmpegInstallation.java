package dev.reelforge.media.ffmpeg;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An FFmpeg found on this machine, with what it can do. Probed once at startup; the render engine
 * chooses encoders from it instead of assuming a particular build.
 *
 * @param ffmpeg the {@code ffmpeg} executable
 * @param ffprobe the {@code ffprobe} executable
 * @param source where it was found
 * @param version the version string FFmpeg reports, e.g. {@code 8.0.1}
 * @param encoders names of the encoders it was built with
 * @param filters names of the filters it was built with
 */
public record FfmpegInstallation(
    Path ffmpeg,
    Path ffprobe,
    Source source,
    String version,
    Set<String> encoders,
    Set<String> filters) {

  /** Preferred H.264 encoders, best first: x264 is faster and better than openh264 at a bitrate. */
  static final List<String> H264_ENCODERS = List.of("libx264", "libopenh264");

  /** Where an installation came from. */
  public enum Source {
    /** Set explicitly with {@code reelforge.media.ffmpeg-path}. */
    CONFIGURED,
    /** Found on the {@code PATH}. */
    PATH,
    /** Extracted from the {@code org.bytedeco:ffmpeg} jar that ships with ReelForge. */
    BUNDLED
  }

  public FfmpegInstallation {
    encoders = Set.copyOf(encoders);
    filters = Set.copyOf(filters);
  }

  /** The best H.264 encoder this build has, if any. */
  public Optional<String> h264Encoder() {
    return H264_ENCODERS.stream().filter(encoders::contains).findFirst();
  }

  public boolean hasEncoder(String name) {
    return encoders.contains(name);
  }

  public boolean hasFilter(String name) {
    return filters.contains(name);
  }
}
