package dev.reelforge.providers.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * Narration cut into requests of at most seed 000's {@code TTS_LIMITS.MAX_CHARS_PER_REQUEST}
 * characters, at sentence ends where possible (else at spaces), so that each request sounds whole.
 */
public final class TextChunks {

  public static final int MAX_CHARS_PER_REQUEST = 1000;

  private TextChunks() {}

  public static List<String> split(String text, int max) {
    List<String> chunks = new ArrayList<>();
    String rest = text.strip();
    while (rest.length() > max) {
      int cut = lastBoundary(rest, max);
      chunks.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty()) {
      chunks.add(rest);
    }
    return chunks;
  }

  private static int lastBoundary(String text, int max) {
    for (int i = max; i > max / 2; i--) {
      char c = text.charAt(i - 1);
      if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    int space = text.lastIndexOf(' ', max);
    return space > 0 ? space : max;
  }
}
