package dev.reelforge.media.render.internal;

import dev.reelforge.media.ffmpeg.FfmpegRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Joins a preset's encoded segments and the shared soundtrack into the final MP4 without
 * re-encoding either (every segment of a preset is encoded with identical settings, and each starts
 * on a keyframe), with the index moved to the front for progressive playback.
 */
public final class SegmentJoin {

  private SegmentJoin() {}

  public static void join(
      FfmpegRun ffmpeg,
      List<Path> segments,
      Path audio,
      long durationMillis,
      Path listFile,
      Path output,
      LongConsumer progress) {
    StringBuilder list = new StringBuilder("ffconcat version 1.0\n");
    for (Path segment : segments) {
      // FFmpeg resolves relative entries against the list file's folder, not the working one.
      String path = segment.toAbsolutePath().toString();
      list.append("file '").append(path.replace("'", "'\\''")).append("'\n");
    }
    try {
      Files.writeString(listFile, list, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ffmpeg.run(
        "joining segments",
        List.of(
            "-f",
            "concat",
            "-safe",
            "0",
            "-i",
            listFile.toString(),
            "-i",
            audio.toString(),
            "-map",
            "0:v:0",
            "-map",
            "1:a:0",
            "-c",
            "copy",
            "-t",
            AudioMix.seconds(durationMillis),
            "-movflags",
            "+faststart",
            "-f",
            "mp4",
            output.toString()),
        progress);
  }
}
