package dev.reelforge.media.ffmpeg;

import dev.reelforge.core.process.ExternalCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An FFmpeg found on this machine, with what it can do. Probed once at startup; the render engine
 * chooses encoders from it instead of assuming a particular build, and starts every FFmpeg process
 * through {@link #ffmpeg(List, Duration)} so that the environment a build needs (the bundled one
 * needs its library folder on {@code LD_LIBRARY_PATH}) is always set.
 *
 * @param ffmpeg the {@code ffmpeg} executable
 * @param ffprobe the {@code ffprobe} executable, when this build has one
 * @param source where it was found
 * @param origin where the build comes from, in words, e.g. {@code bundled (org.bytedeco, GPL)}
 * @param version the version string FFmpeg reports, e.g. {@code 8.0.1}
 * @param environment variables every FFmpeg process of this build needs
 * @param encoders names of the encoders it was built with
 * @param filters names of the filters it was built with
 */
public record FfmpegInstallation(
    Path ffmpeg,
    Optional<Path> ffprobe,
    Source source,
    String origin,
    String version,
    Map<String, String> environment,
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
    /** Shipped inside ReelForge's jar and extracted on first use. */
    BUNDLED
  }

  public FfmpegInstallation {
    environment = Map.copyOf(environment);
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

  /** An {@code ffmpeg} invocation with this build's environment. */
  public ExternalCommand ffmpeg(List<String> arguments, Duration timeout) {
    return command(ffmpeg, arguments, timeout);
  }

  /**
   * An {@code ffprobe} invocation with this build's environment.
   *
   * @throws FfmpegNotUsableException when this build has no ffprobe
   */
  public ExternalCommand ffprobe(List<String> arguments, Duration timeout) {
    Path probe =
        ffprobe.orElseThrow(
            () ->
                new FfmpegNotUsableException(
                    origin
                        + " has no ffprobe; install FFmpeg or set reelforge.media.ffprobe-path"));
    return command(probe, arguments, timeout);
  }

  private ExternalCommand command(Path executable, List<String> arguments, Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(arguments);
    return ExternalCommand.of(command, timeout).withEnvironment(environment);
  }
}
