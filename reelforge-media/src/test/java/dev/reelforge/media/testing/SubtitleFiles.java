package dev.reelforge.media.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict reader of SRT and WebVTT cues, to check what the renderer writes. */
public final class SubtitleFiles {

  private static final Pattern TIMING =
      Pattern.compile(
          "^(\\d{2}):(\\d{2}):(\\d{2})[,.](\\d{3}) --> (\\d{2}):(\\d{2}):(\\d{2})[,.](\\d{3})$");

  private SubtitleFiles() {}

  /** A cue: its times in milliseconds and its text lines. */
  public record Cue(long start, long end, List<String> lines) {}

  public static List<Cue> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    boolean vtt = file.toString().endsWith(".vtt");
    if (vtt && !lines.getFirst().equals("WEBVTT")) {
      throw new AssertionError("a WebVTT file must start with WEBVTT");
    }
    List<Cue> cues = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = TIMING.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      if (!vtt && !lines.get(i - 1).equals(Integer.toString(cues.size() + 1))) {
        throw new AssertionError("SRT cue " + (cues.size() + 1) + " is misnumbered");
      }
      List<String> text = new ArrayList<>();
      int j = i + 1;
      while (j < lines.size() && !lines.get(j).isEmpty()) {
        text.add(lines.get(j++));
      }
      cues.add(new Cue(millis(m, 1), millis(m, 5), text));
      i = j;
    }
    return cues;
  }

  private static long millis(Matcher m, int group) {
    return Long.parseLong(m.group(group)) * 3_600_000
        + Long.parseLong(m.group(group + 1)) * 60_000
        + Long.parseLong(m.group(group + 2)) * 1000
        + Long.parseLong(m.group(group + 3));
  }
}
