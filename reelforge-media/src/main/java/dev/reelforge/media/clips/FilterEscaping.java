package dev.reelforge.media.clips;

import java.nio.file.Path;

/**
 * Escapes a file path for an FFmpeg filter option: first as an option value ({@code \ ' :}), then
 * for the filter graph around it ({@code \ ' [ ] , ;}), so any temporary folder works.
 */
final class FilterEscaping {

  private FilterEscaping() {}

  static String path(Path file) {
    return escape(escape(file.toAbsolutePath().toString(), "\\':"), "\\'[],;");
  }

  private static String escape(String value, String special) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (char c : value.toCharArray()) {
      if (special.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
