package dev.reelforge.media.ffmpeg;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the FFmpeg to use, in this order: the path configured by the operator, an {@code ffmpeg} on
 * the {@code PATH}, the build bundled in the {@code org.bytedeco:ffmpeg} jar. The bundled build
 * means a machine with only a JDK can still render; a system build is preferred because
 * distributions usually ship more encoders.
 */
public final class FfmpegLocator {

  private final Optional<Path> configuredFfmpeg;
  private final Optional<Path> configuredFfprobe;
  private final String searchPath;

  /**
   * @param configuredFfmpeg an explicit {@code ffmpeg} to use, or empty to search
   * @param configuredFfprobe an explicit {@code ffprobe}; defaults to the one beside {@code ffmpeg}
   * @param searchPath the {@code PATH} to search, as the environment variable holds it
   */
  public FfmpegLocator(
      Optional<Path> configuredFfmpeg, Optional<Path> configuredFfprobe, String searchPath) {
    this.configuredFfmpeg = configuredFfmpeg;
    this.configuredFfprobe = configuredFfprobe;
    this.searchPath = searchPath == null ? "" : searchPath;
  }

  /** A locator that looks at the configuration and this process's {@code PATH}. */
  public static FfmpegLocator fromEnvironment(
      Optional<Path> configuredFfmpeg, Optional<Path> configuredFfprobe) {
    return new FfmpegLocator(configuredFfmpeg, configuredFfprobe, System.getenv("PATH"));
  }

  /**
   * Finds and probes FFmpeg.
   *
   * @throws FfmpegNotUsableException with the reason when none can be used
   */
  public FfmpegInstallation locate() {
    if (configuredFfmpeg.isPresent()) {
      Path ffmpeg = configuredFfmpeg.get();
      if (!Files.isExecutable(ffmpeg)) {
        throw new FfmpegNotUsableException(
            "the configured FFmpeg " + ffmpeg + " is not executable");
      }
      Path ffprobe = configuredFfprobe.orElse(ffmpeg.resolveSibling("ffprobe"));
      return FfmpegProbe.probe(
          ffmpeg,
          Optional.of(ffprobe).filter(Files::isExecutable),
          FfmpegInstallation.Source.CONFIGURED,
          "",
          Map.of());
    }
    Optional<Path> onPath = findOnPath("ffmpeg");
    Optional<Path> probeOnPath = findOnPath("ffprobe");
    if (onPath.isPresent() && probeOnPath.isPresent()) {
      return FfmpegProbe.probe(
          onPath.get(), probeOnPath, FfmpegInstallation.Source.PATH, "", Map.of());
    }
    return BundledFfmpeg.locate();
  }

  Optional<Path> findOnPath(String program) {
    for (String directory : searchPath.split(File.pathSeparator)) {
      if (directory.isBlank()) {
        continue;
      }
      Path candidate = Path.of(directory, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
