package dev.reelforge.providers.speech;

import dev.reelforge.core.speech.Voice;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code espeak-ng --voices}: a header, then one voice a line ({@code Pty Language Age/Gender
 * VoiceName File Other}); the language code is what the engine's {@code -v} takes.
 */
final class EspeakVoices {

  private EspeakVoices() {}

  static List<Voice> parse(String listing) {
    List<Voice> voices = new ArrayList<>();
    for (String line : listing.split("\\R")) {
      String[] columns = line.strip().split("\\s+");
      if (columns.length < 4 || !columns[0].matches("\\d+")) {
        continue;
      }
      String language = columns[1];
      String label = columns[3].replace('_', ' ');
      voices.add(new Voice(EspeakSpeech.NAME, language, language, label));
    }
    return List.copyOf(voices);
  }
}
