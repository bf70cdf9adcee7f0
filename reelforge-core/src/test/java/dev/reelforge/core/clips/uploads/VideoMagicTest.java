package dev.reelforge.core.clips.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VideoMagicTest {

  @TempDir Path dir;

  /** Real files from FFmpeg, each read back by ffprobe with exactly the demuxer we name. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "talk.mp4, mp4, libx264 mpeg4, MP4_OR_QUICKTIME",
    "talk.mov, mov, mpeg4, MP4_OR_QUICKTIME",
    "talk.mkv, matroska, mpeg4, MATROSKA",
    "talk.webm, webm, libvpx, MATROSKA",
    "talk.avi, avi, mpeg4, AVI",
    "talk.ts, mpegts, mpeg2video, MPEG_TS",
    "talk.m2ts, mpegts -mpegts_m2ts_mode 1, mpeg2video, MPEG_TS",
    "talk.mpg, vob, mpeg2video, MPEG_PS",
    "talk.flv, flv, flv, FLV",
    "talk.wmv, asf, wmv2, ASF"
  })
  void realContainersAreKnownByTheirFirstBytes(
      String name, String muxer, String encoders, VideoMagic expected) throws Exception {
    assumeTrue(onPath("ffmpeg") && onPath("ffprobe"), "ffmpeg/ffprobe not on the PATH: skipped");
    String encoder = firstAvailable(encoders.split(" "));
    assumeTrue(encoder != null, "no encoder among " + encoders + ": skipped");
    Path file = dir.resolve(name);
    List<String> command =
        new ArrayList<>(
            List.of(
                "ffmpeg",
                "-v",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=64x64:rate=10:duration=1",
                "-c:v",
                encoder));
    command.addAll(List.of("-f"));
    command.addAll(List.of(muxer.split(" ")));
    command.add(file.toString());
    assertThat(run(command)).as("ffmpeg").isZero();

    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(VideoMagic.HEAD_BYTES);
    }
    assertThat(VideoMagic.of(head)).contains(expected);
    assertThat(
            run(List.of("ffprobe", "-v", "error", "-f", expected.demuxer(), "-i", file.toString())))
        .as("ffprobe -f " + expected.demuxer())
        .isZero();
  }

  @Test
  void otherFilesAreNoVideo() {
    assertThat(VideoMagic.of(ascii("%PDF-1.7 ..."))).isEmpty();
    assertThat(VideoMagic.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}))
        .isEmpty();
    assertThat(VideoMagic.of(ascii("RIFF\u0024\0\0\0WAVEfmt "))).as("a WAV file").isEmpty();
    assertThat(VideoMagic.of(ascii("ID3\u0004\0\0\0\0\0\0"))).as("an MP3 file").isEmpty();
    assertThat(VideoMagic.of(ascii("G".repeat(10) + "x".repeat(390))))
        .as("text that merely starts with the TS sync byte")
        .isEmpty();
    assertThat(VideoMagic.of(new byte[0])).isEmpty();
    assertThat(VideoMagic.of(ascii("1\n00:00:01,000 --> 00:00:02,000\nhi\n"))).isEmpty();
  }

  @Test
  void declaredTypesAreHintsThatOnlyRuleOutWhatCannotBeAVideo() {
    assertThat(VideoMagic.acceptsDeclaredType(null)).isTrue();
    assertThat(VideoMagic.acceptsDeclaredType("")).isTrue();
    assertThat(VideoMagic.acceptsDeclaredType("VIDEO/MP4")).isTrue();
    assertThat(VideoMagic.acceptsDeclaredType("video/webm; codecs=vp9")).isTrue();
    assertThat(VideoMagic.acceptsDeclaredType("application/octet-stream")).isTrue();
    assertThat(VideoMagic.acceptsDeclaredType("image/png")).isFalse();
    assertThat(VideoMagic.acceptsDeclaredType("text/html")).isFalse();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private String firstAvailable(String[] encoders) throws Exception {
    Path list = dir.resolve("encoders.txt");
    new ProcessBuilder("ffmpeg", "-hide_banner", "-encoders")
        .redirectErrorStream(true)
        .redirectOutput(list.toFile())
        .start()
        .waitFor(30, TimeUnit.SECONDS);
    String all = Files.readString(list);
    for (String encoder : encoders) {
      if (all.contains(" " + encoder + " ")) {
        return encoder;
      }
    }
    return null;
  }

  private int run(List<String> command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("log.txt").toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  private static boolean onPath(String tool) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }
}
