package dev.reelforge.providers.speech;

import dev.reelforge.core.speech.WordTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Puts an engine's word times onto the words of the text we asked it to say. Engines tokenise in
 * their own way (festival splits "twenty-one" in two and drops punctuation), but captions must show
 * the text's own words. Both sides are reduced to their letters and digits; each text word then
 * takes the time from the start of the engine word holding its first letter to the end of the one
 * holding its last. When the letters differ (an engine that expands something itself), positions
 * are matched by proportion instead, which keeps order and stays within the spoken span.
 */
final class EngineWords {

  private EngineWords() {}

  static List<WordTiming> onText(String spokenText, List<WordTiming> engineWords) {
    List<String> tokens = List.of(spokenText.strip().split("\\s+"));
    if (engineWords.isEmpty()) {
      throw new IllegalArgumentException("the engine reported no words");
    }
    StringBuilder engineLetters = new StringBuilder();
    List<Integer> owner = new ArrayList<>();
    for (int i = 0; i < engineWords.size(); i++) {
      String letters = letters(engineWords.get(i).text());
      engineLetters.append(letters);
      for (int c = 0; c < letters.length(); c++) {
        owner.add(i);
      }
    }
    StringBuilder textLetters = new StringBuilder();
    for (String token : tokens) {
      textLetters.append(letters(token));
    }
    boolean same = textLetters.toString().equals(engineLetters.toString());
    double scale =
        engineLetters.isEmpty()
            ? 0
            : (double) engineLetters.length() / Math.max(1, textLetters.length());
    List<WordTiming> timings = new ArrayList<>(tokens.size());
    int at = 0;
    long previousEnd = 0;
    for (String token : tokens) {
      int length = letters(token).length();
      if (length == 0) {
        continue; // a dash or other mark standing alone is not spoken
      }
      long start;
      long end;
      if (owner.isEmpty()) {
        start = previousEnd;
        end = previousEnd;
      } else {
        int first = same ? at : (int) Math.floor(at * scale);
        int last = same ? at + length - 1 : (int) Math.ceil((at + length) * scale) - 1;
        first = Math.min(first, owner.size() - 1);
        last = Math.max(first, Math.min(last, owner.size() - 1));
        start = engineWords.get(owner.get(first)).startMillis();
        end = engineWords.get(owner.get(last)).endMillis();
      }
      // Two text words inside one engine word share it in order rather than overlap.
      start = Math.max(start, previousEnd);
      end = Math.max(end, start + 1);
      timings.add(new WordTiming(token, start, end));
      previousEnd = end;
      at += length;
    }
    return timings;
  }

  static String letters(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
