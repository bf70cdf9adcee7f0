package dev.reelforge.media.clips;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the cut times out of what FFmpeg's {@code metadata=mode=print} wrote for {@code scdet}: a
 * {@code frame:… pts_time:…} line per cut frame followed by its {@code lavfi.scd.time=} line.
 */
final class SceneCutLog {

  private static final String TIME = "lavfi.scd.time=";

  private SceneCutLog() {}

  static List<Long> times(List<String> lines) {
    List<Long> cuts = new ArrayList<>();
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.startsWith(TIME)) {
        try {
          long millis = Math.round(Double.parseDouble(trimmed.substring(TIME.length())) * 1000);
          if (cuts.isEmpty() || millis > cuts.getLast()) {
            cuts.add(millis);
          }
        } catch (NumberFormatException e) {
          // FFmpeg writes "nan" for frames without a timestamp; such a frame cannot be placed.
        }
      }
    }
    return List.copyOf(cuts);
  }
}
