package dev.reelforge.media.probe;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.process.ExternalCommand;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads a media file's container and streams with ffprobe, within a time limit. */
public final class MediaProbe {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FfmpegInstallation ffmpeg;
  private final Duration timeout;

  public MediaProbe(FfmpegInstallation ffmpeg, Duration timeout) {
    this.ffmpeg = ffmpeg;
    this.timeout = timeout;
  }

  /**
   * @throws ReelForgeException {@code INVALID_INPUT} when the file is not media ffprobe can read
   */
  public MediaInfo probe(Path file) {
    ExternalCommand.Result result =
        ffmpeg
            .ffprobe(
                List.of(
                    "-v",
                    "error",
                    "-print_format",
                    "json",
                    "-show_format",
                    "-show_streams",
                    file.toString()),
                timeout)
            .run();
    if (!result.succeeded()) {
      throw new ReelForgeException(
          ErrorCode.INVALID_INPUT,
          file.getFileName() + " is not readable media: " + result.tail(2));
    }
    JsonNode root = JSON.readTree(result.output());
    List<MediaInfo.Stream> streams = new ArrayList<>();
    for (JsonNode s : root.path("streams")) {
      streams.add(
          new MediaInfo.Stream(
              s.path("codec_type").asString(""),
              s.path("codec_name").asString(""),
              s.path("profile").asString(""),
              s.path("width").asInt(0),
              s.path("height").asInt(0),
              s.path("pix_fmt").asString(""),
              rate(s.path("avg_frame_rate").asString("0/1")),
              s.path("nb_frames").asLong(0),
              s.path("sample_rate").asInt(0),
              s.path("channels").asInt(0),
              s.path("duration").asDouble(0)));
    }
    JsonNode format = root.path("format");
    return new MediaInfo(
        format.path("duration").asDouble(0), format.path("format_name").asString(""), streams);
  }

  private static double rate(String fraction) {
    String[] parts = fraction.split("/");
    double denominator = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
    return denominator == 0 ? 0 : Double.parseDouble(parts[0]) / denominator;
  }
}
