package dev.reelforge.app.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A small long video for the clips pages: three minutes of a test pattern with a tone, made by the
 * real FFmpeg, and its SRT transcript of a talk (so analysis needs no speech recognition).
 */
final class ClipPageFixtures {

  static final int SECONDS = 180;

  private static final List<String> LINES =
      List.of(
          "Why do most startups fail in their first year?",
          "The answer surprised me when I first looked at the numbers.",
          "Nine out of ten founders never talk to a single customer.",
          "They build for months and then launch to silence.",
          "Here is the one thing I wish someone had told me.",
          "Talk to ten people before you write a line of code!",
          "It sounds simple, but almost nobody does it.",
          "Last year we tried it with forty teams.",
          "The teams that listened grew three times faster.",
          "So what should you ask those first ten people?",
          "Ask about the last time they had the problem.",
          "Never ask whether they would buy your idea.");

  private ClipPageFixtures() {}

  /** Whether {@code ffmpeg} is on the PATH. */
  static boolean ffmpegAvailable() {
    try {
      Process p = new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A 320×180 MP4 with sound, {@value #SECONDS} s long. */
  static Path video(Path folder) throws Exception {
    Path out = folder.resolve("talk.mp4");
    Process p =
        new ProcessBuilder(
                "ffmpeg",
                "-v",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=320x180:rate=10:duration=" + SECONDS,
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=220:sample_rate=16000:duration=" + SECONDS,
                "-c:v",
                "mpeg4",
                "-q:v",
                "12",
                "-c:a",
                "aac",
                "-b:a",
                "48k",
                "-shortest",
                out.toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("ffmpeg could not make the test video: " + said);
    }
    return out;
  }

  /** Its transcript: a sentence every 3 s, the talk repeated to the end. */
  static String srt() {
    StringBuilder srt = new StringBuilder();
    int cue = 1;
    for (int start = 0; start + 3 <= SECONDS; start += 3) {
      srt.append(cue)
          .append('\n')
          .append(time(start * 1000L))
          .append(" --> ")
          .append(time(start * 1000L + 2_800))
          .append('\n')
          .append(LINES.get((cue - 1) % LINES.size()))
          .append("\n\n");
      cue++;
    }
    return srt.toString();
  }

  private static String time(long millis) {
    return String.format(
        Locale.ROOT,
        "%02d:%02d:%02d,%03d",
        millis / 3_600_000,
        (millis / 60_000) % 60,
        (millis / 1000) % 60,
        millis % 1000);
  }
}
