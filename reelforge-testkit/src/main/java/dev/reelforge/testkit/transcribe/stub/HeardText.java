package dev.reelforge.testkit.transcribe.stub;

import dev.reelforge.testkit.transcribe.ToneSpeech.Word;
import java.util.List;
import java.util.Locale;

/**
 * The text a cloud recogniser writes for words it heard: sentences capitalised and ended with a
 * period at every pause of 700 ms or more and at the end, as Whisper and AssemblyAI punctuate.
 */
final class HeardText {

  private HeardText() {}

  /** Each word as written in the text, in order. */
  static List<String> written(List<Word> words) {
    String[] written = new String[words.size()];
    boolean start = true;
    for (int i = 0; i < words.size(); i++) {
      String text = words.get(i).text();
      if (start) {
        text = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
      }
      boolean ends =
          i == words.size() - 1 || words.get(i + 1).startMillis() - words.get(i).endMillis() >= 700;
      written[i] = ends ? text + "." : text;
      start = ends;
    }
    return List.of(written);
  }

  static String text(List<Word> words) {
    return String.join(" ", written(words));
  }
}
