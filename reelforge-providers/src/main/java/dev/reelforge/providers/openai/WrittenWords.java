package dev.reelforge.providers.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whisper's timed words as it wrote them: {@code words[].word} carries no punctuation and no
 * capitals, the {@code text} does. Each timed word is matched, in order, to the next token of the
 * text that reads the same once punctuation and case are set aside, and takes that token's spelling
 * ({@code "seven"} becomes {@code "seven."}); a word with no match within a few tokens keeps its
 * bare spelling, so that a text Whisper wrote differently never loses a timed word.
 */
final class WrittenWords {

  private static final int LOOK_AHEAD = 4;

  private WrittenWords() {}

  static List<String> spell(List<String> timedWords, String text) {
    String[] tokens = text.strip().split("\\s+");
    List<String> spelled = new ArrayList<>(timedWords.size());
    int cursor = 0;
    for (String word : timedWords) {
      String bare = bare(word);
      String written = word.strip();
      for (int k = cursor; k < Math.min(tokens.length, cursor + LOOK_AHEAD); k++) {
        if (!bare.isEmpty() && bare(tokens[k]).equals(bare)) {
          written = tokens[k];
          cursor = k + 1;
          break;
        }
      }
      spelled.add(written);
    }
    return spelled;
  }

  private static String bare(String token) {
    return token.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}']", "");
  }
}
