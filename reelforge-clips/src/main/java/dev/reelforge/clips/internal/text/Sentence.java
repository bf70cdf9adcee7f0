package dev.reelforge.clips.internal.text;

/**
 * A sentence of the transcript: the indices of its first and last word (inclusive) and the times a
 * clip cut on it starts and ends.
 *
 * @param firstWord index of its first word in the transcript
 * @param lastWord index of its last word (inclusive)
 * @param startMillis its first word's start
 * @param endMillis its last word's end
 * @param text its words joined by single spaces
 */
public record Sentence(int firstWord, int lastWord, long startMillis, long endMillis, String text) {

  /** Whether it is a question, by its mark (a transcript without punctuation has none). */
  public boolean isQuestion() {
    return Sentences.stripClosers(text).endsWith("?");
  }

  public long durationMillis() {
    return endMillis - startMillis;
  }

  public int wordCount() {
    return lastWord - firstWord + 1;
  }
}
