package dev.reelforge.providers.elevenlabs;

import dev.reelforge.core.speech.WordTiming;
import java.util.ArrayList;
import java.util.List;

/**
 * ElevenLabs' character alignment ({@code characters}, {@code character_start_times_seconds},
 * {@code character_end_times_seconds}) turned into words: a word is a run of characters between
 * whitespace, starting when its first character starts and ending when its last ends.
 */
final class CharacterAlignment {

  private CharacterAlignment() {}

  static List<WordTiming> words(List<String> characters, double[] starts, double[] ends) {
    if (characters.size() != starts.length || starts.length != ends.length) {
      throw new IllegalArgumentException(
          "alignment arrays differ in length: "
              + characters.size()
              + " characters, "
              + starts.length
              + " starts, "
              + ends.length
              + " ends");
    }
    List<WordTiming> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    double wordStart = 0;
    double wordEnd = 0;
    long previousEnd = 0;
    for (int i = 0; i <= characters.size(); i++) {
      boolean boundary = i == characters.size() || characters.get(i).isBlank();
      if (boundary) {
        if (!word.isEmpty()) {
          long start = Math.max(previousEnd, Math.round(wordStart * 1000));
          long end = Math.max(start + 1, Math.round(wordEnd * 1000));
          words.add(new WordTiming(word.toString(), start, end));
          previousEnd = end;
          word.setLength(0);
        }
        continue;
      }
      if (word.isEmpty()) {
        wordStart = starts[i];
      }
      word.append(characters.get(i));
      wordEnd = ends[i];
    }
    return words;
  }
}
