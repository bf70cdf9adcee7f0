package dev.reelforge.providers.transcribe;

import dev.reelforge.core.transcript.TranscriptWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sentences for engines that hear words but write no punctuation (Sphinx4, pocketsphinx): a word
 * followed by a pause of at least {@link #SENTENCE_PAUSE_MILLIS} ends a sentence and gets a period,
 * as does the last word; the word after a period starts with a capital, and so does "i". Speakers
 * pause at sentence ends far more often than inside sentences, so downstream sentence detection
 * (clip boundaries, captions) finds most real boundaries this way; a long pause inside a sentence
 * makes a false one, which costs a clip boundary at a pause, not a cut mid-word.
 */
final class PausePunctuation {

  /** A pause this long or longer after a word ends the sentence. */
  static final long SENTENCE_PAUSE_MILLIS = 700;

  private PausePunctuation() {}

  static List<TranscriptWord> apply(List<TranscriptWord> words) {
    List<TranscriptWord> punctuated = new ArrayList<>(words.size());
    boolean sentenceStart = true;
    for (int i = 0; i < words.size(); i++) {
      TranscriptWord word = words.get(i);
      boolean last = i == words.size() - 1;
      boolean ends =
          last || words.get(i + 1).startMillis() - word.endMillis() >= SENTENCE_PAUSE_MILLIS;
      String text = word.text();
      if (sentenceStart || text.equals("i") || text.startsWith("i'")) {
        text = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
      }
      if (ends && !endsWithPunctuation(text)) {
        text = text + ".";
      }
      punctuated.add(
          new TranscriptWord(text, word.startMillis(), word.endMillis(), word.confidence()));
      sentenceStart = ends;
    }
    return punctuated;
  }

  private static boolean endsWithPunctuation(String text) {
    char lastChar = text.charAt(text.length() - 1);
    return lastChar == '.' || lastChar == '?' || lastChar == '!';
  }
}
