package dev.reelforge.media.clips;

import dev.reelforge.core.clips.SourceProbe;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.process.ExternalCommand;
import dev.reelforge.core.process.ExternalCommand.ExternalCommandException;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Probes an uploaded video: ffprobe for its container and streams, then one decoded frame near its
 * end, because a file cut short by a broken upload often still has a complete header (MP4 with
 * {@code faststart}) and only fails when its last minutes are read.
 */
final class SourceProber {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double END_CHECK_SECONDS = 1.5;

  private final FfmpegInstallation ffmpeg;

  SourceProber(FfmpegInstallation ffmpeg) {
    this.ffmpeg = ffmpeg;
  }

  SourceProbe probe(Path file, Duration timeLimit) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw invalid("is not a readable file");
    }
    long deadline = System.nanoTime() + timeLimit.toNanos();
    ExternalCommand.Result result =
        run(
            ffmpeg.ffprobe(
                List.of(
                    "-v",
                    "error",
                    "-print_format",
                    "json",
                    "-show_format",
                    "-show_streams",
                    file.toString()),
                timeLimit),
            timeLimit);
    if (!result.succeeded()) {
      throw invalid("is not a media file FFmpeg can read (" + firstLine(result.output()) + ")");
    }
    SourceProbe probe = parse(JSON.readTree(jsonPart(result.output())));
    checkEndDecodes(file, probe, remaining(deadline, timeLimit));
    return probe;
  }

  private static SourceProbe parse(JsonNode root) {
    JsonNode video = null;
    JsonNode audio = null;
    double longestStream = 0;
    for (JsonNode stream : root.path("streams")) {
      String type = stream.path("codec_type").asString("");
      boolean picture = stream.path("disposition").path("attached_pic").asInt(0) == 1;
      if (type.equals("video") && !picture && video == null) {
        video = stream;
      } else if (type.equals("audio") && audio == null) {
        audio = stream;
      }
      longestStream = Math.max(longestStream, stream.path("duration").asDouble(0));
    }
    if (video == null) {
      throw invalid("has no video stream");
    }
    JsonNode format = root.path("format");
    double seconds = format.path("duration").asDouble(0);
    if (!(seconds > 0)) {
      seconds = longestStream;
    }
    if (!(seconds > 0)) {
      throw invalid("has no known duration");
    }
    int width = video.path("width").asInt(0);
    int height = video.path("height").asInt(0);
    if (width <= 0 || height <= 0) {
      throw invalid("has a video stream without a picture size");
    }
    if (Math.abs(rotation(video)) % 180 == 90) {
      int swap = width;
      width = height;
      height = swap;
    }
    double fps = rate(video.path("avg_frame_rate").asString("0/0"));
    if (!(fps > 0)) {
      fps = rate(video.path("r_frame_rate").asString("0/0"));
    }
    return new SourceProbe(
        format.path("format_name").asString(""),
        video.path("codec_name").asString(""),
        audio == null ? "" : audio.path("codec_name").asString(""),
        Math.round(seconds * 1000),
        width,
        height,
        fps);
  }

  /** Phones record portrait video as landscape pixels plus a display rotation. */
  private static int rotation(JsonNode video) {
    for (JsonNode side : video.path("side_data_list")) {
      if (side.has("rotation")) {
        return side.path("rotation").asInt(0);
      }
    }
    return video.path("tags").path("rotate").asInt(0);
  }

  private void checkEndDecodes(Path file, SourceProbe probe, Duration timeLimit) {
    double seek = Math.max(0, probe.durationMillis() / 1000.0 - END_CHECK_SECONDS);
    ExternalCommand.Result result =
        run(
            ffmpeg.ffmpeg(
                List.of(
                    "-hide_banner",
                    "-nostdin",
                    "-v",
                    "error",
                    "-ss",
                    String.format(Locale.ROOT, "%.3f", seek),
                    "-i",
                    file.toString(),
                    "-map",
                    "0:v:0",
                    "-frames:v",
                    "1",
                    "-f",
                    "framecrc",
                    "-"),
                timeLimit),
            timeLimit);
    boolean decoded = result.output().lines().anyMatch(line -> line.matches("^\\d+,.*"));
    if (!result.succeeded() || !decoded) {
      throw invalid(
          "is damaged or cut short: its video cannot be decoded near its end ("
              + firstLine(result.output())
              + ")");
    }
  }

  private static ExternalCommand.Result run(ExternalCommand command, Duration timeLimit) {
    try {
      return command.run();
    } catch (ExternalCommandException e) {
      throw invalid(
          "could not be probed within "
              + timeLimit.toMillis()
              + " ms; it may be damaged or on a slow disk");
    }
  }

  private static Duration remaining(long deadlineNanos, Duration timeLimit) {
    long left = deadlineNanos - System.nanoTime();
    if (left <= 0) {
      throw invalid("could not be probed within " + timeLimit.toMillis() + " ms");
    }
    return Duration.ofNanos(left);
  }

  /** ffprobe's JSON, without any warnings FFmpeg wrote before it on the merged output. */
  private static String jsonPart(String output) {
    int start = output.indexOf('{');
    return start < 0 ? "{}" : output.substring(start);
  }

  private static String firstLine(String output) {
    String line = output.strip().lines().findFirst().orElse("no output");
    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
  }

  static double rate(String fraction) {
    String[] parts = fraction.split("/");
    try {
      double numerator = Double.parseDouble(parts[0]);
      double denominator = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
      return denominator == 0 ? 0 : numerator / denominator;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static ReelForgeException invalid(String what) {
    return ReelForgeException.invalidField("file", "the file " + what);
  }
}
