package dev.reelforge.media.ffmpeg;

import dev.reelforge.core.process.ExternalCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asks an {@code ffmpeg} executable for its version, encoders and filters. */
final class FfmpegProbe {

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
  private static final Pattern VERSION = Pattern.compile("^ffmpeg version (\\S+)");
  // "-encoders" lines look like " V....D libx264   libx264 H.264 / AVC ..."
  private static final Pattern CODEC_LINE = Pattern.compile("^ [VAS][A-Z.]{5} (\\S+)\\s");
  // "-filters" lines look like " ... zoompan  V->V  Apply Zoom & Pan effect."
  private static final Pattern FILTER_LINE = Pattern.compile("^ [A-Z.]{2,3} (\\S+)\\s+\\S+->\\S+");

  private FfmpegProbe() {}

  static FfmpegInstallation probe(
      Path ffmpeg,
      Optional<Path> ffprobe,
      FfmpegInstallation.Source source,
      String origin,
      Map<String, String> environment) {
    FfmpegInstallation unprobed =
        new FfmpegInstallation(
            ffmpeg, ffprobe, source, origin, "", environment, Set.of(), Set.of());
    String versionOutput = run(unprobed, "-version");
    Matcher version = VERSION.matcher(versionOutput);
    if (!version.find()) {
      throw new FfmpegNotUsableException(
          ffmpeg
              + " does not look like FFmpeg: its -version output starts with '"
              + versionOutput.lines().findFirst().orElse("")
              + "'");
    }
    if (ffprobe.isPresent()) {
      check(unprobed.ffprobe(List.of("-hide_banner", "-version"), PROBE_TIMEOUT), ffprobe.get());
    }
    Set<String> encoders = names(run(unprobed, "-encoders"), CODEC_LINE);
    Set<String> filters = names(run(unprobed, "-filters"), FILTER_LINE);
    String name =
        !origin.isEmpty()
            ? origin
            : source == FfmpegInstallation.Source.PATH ? "from the PATH" : "configured";
    return new FfmpegInstallation(
        ffmpeg, ffprobe, source, name, version.group(1), environment, encoders, filters);
  }

  private static Set<String> names(String listing, Pattern line) {
    Set<String> names = new HashSet<>();
    listing
        .lines()
        .forEach(
            l -> {
              Matcher m = line.matcher(l);
              if (m.find()) {
                names.add(m.group(1));
              }
            });
    return names;
  }

  private static String run(FfmpegInstallation installation, String argument) {
    return check(
        installation.ffmpeg(List.of("-hide_banner", argument), PROBE_TIMEOUT),
        installation.ffmpeg());
  }

  private static String check(ExternalCommand command, Path executable) {
    ExternalCommand.Result result;
    try {
      result = command.run();
    } catch (ExternalCommand.ExternalCommandException e) {
      throw new FfmpegNotUsableException(e.getMessage());
    }
    if (!result.succeeded()) {
      throw new FfmpegNotUsableException(
          executable + " exited with " + result.exitCode() + ": " + result.tail(2));
    }
    return result.output();
  }
}
