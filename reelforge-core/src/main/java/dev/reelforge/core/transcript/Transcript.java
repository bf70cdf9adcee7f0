package dev.reelforge.core.transcript;

import java.util.List;
import java.util.Objects;

/**
 * A source's words in order with their times, and where they came from.
 *
 * @param words in time order (a word never starts before the one before it)
 * @param language BCP 47 tag, e.g. {@code en-US}
 * @param source which engine, or the provided file, made it
 */
public record Transcript(List<TranscriptWord> words, String language, TranscriptSource source) {

  public Transcript {
    words = List.copyOf(words);
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(source, "source");
    for (int i = 1; i < words.size(); i++) {
      if (words.get(i).startMillis() < words.get(i - 1).startMillis()) {
        throw new IllegalArgumentException(
            "words out of order at " + i + ": '" + words.get(i).text() + "'");
      }
    }
  }

  /** The words between two times (a word belongs where it starts). */
  public List<TranscriptWord> between(long fromMillis, long toMillis) {
    return words.stream()
        .filter(w -> w.startMillis() >= fromMillis && w.startMillis() < toMillis)
        .toList();
  }

  /** The text, words joined by single spaces. */
  public String text() {
    return String.join(" ", words.stream().map(TranscriptWord::text).toList());
  }
}
