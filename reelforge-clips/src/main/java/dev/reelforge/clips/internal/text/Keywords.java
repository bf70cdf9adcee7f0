package dev.reelforge.clips.internal.text;

import dev.reelforge.core.transcript.TranscriptWord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The transcript's content words as numbered terms with their inverse document frequency, the
 * sentences being the documents: a word the whole talk keeps using ("podcast", the host's name)
 * weighs little, while one that a single passage repeats ("battery", "charge") marks what that
 * passage is about.
 */
public final class Keywords {

  private final int[] termOfWord;
  private final List<String> terms;
  private final double[] idf;

  private Keywords(int[] termOfWord, List<String> terms, double[] idf) {
    this.termOfWord = termOfWord;
    this.terms = terms;
    this.idf = idf;
  }

  public static Keywords of(List<TranscriptWord> words, List<Sentence> sentences) {
    Map<String, Integer> ids = new HashMap<>();
    List<String> terms = new ArrayList<>();
    int[] termOfWord = new int[words.size()];
    for (int i = 0; i < words.size(); i++) {
      String term = Terms.contentTerm(words.get(i).text());
      if (term == null) {
        termOfWord[i] = -1;
      } else {
        termOfWord[i] =
            ids.computeIfAbsent(
                term,
                t -> {
                  terms.add(t);
                  return terms.size() - 1;
                });
      }
    }
    int[] documentFrequency = new int[terms.size()];
    int[] lastSeenIn = new int[terms.size()];
    java.util.Arrays.fill(lastSeenIn, -1);
    for (int s = 0; s < sentences.size(); s++) {
      Sentence sentence = sentences.get(s);
      for (int w = sentence.firstWord(); w <= sentence.lastWord(); w++) {
        int term = termOfWord[w];
        if (term >= 0 && lastSeenIn[term] != s) {
          lastSeenIn[term] = s;
          documentFrequency[term]++;
        }
      }
    }
    double[] idf = new double[terms.size()];
    int documents = Math.max(1, sentences.size());
    for (int t = 0; t < idf.length; t++) {
      // Smoothed, so a term in every sentence still weighs a little rather than nothing.
      idf[t] = Math.log((1.0 + documents) / (1.0 + documentFrequency[t])) + 0.1;
    }
    return new Keywords(termOfWord, List.copyOf(terms), idf);
  }

  /** The term id of word {@code i}, or -1 for a stopword. */
  public int termOf(int word) {
    return termOfWord[word];
  }

  public int termCount() {
    return terms.size();
  }

  public double idf(int term) {
    return idf[term];
  }

  /** The content terms of a sentence, by id, in order. */
  public int[] termsOf(Sentence sentence) {
    int[] out = new int[sentence.wordCount()];
    int n = 0;
    for (int w = sentence.firstWord(); w <= sentence.lastWord(); w++) {
      if (termOfWord[w] >= 0) {
        out[n++] = termOfWord[w];
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * The strongest keywords of words[from..to]: terms said at least twice there, by TF-IDF weight,
   * strongest first (ties by the term, so the answer never depends on hash order).
   */
  public List<String> strongest(int fromWord, int toWord, int limit) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int w = fromWord; w <= toWord; w++) {
      if (termOfWord[w] >= 0) {
        counts.merge(termOfWord[w], 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .filter(e -> e.getValue() >= 2)
        .sorted(
            Comparator.comparingDouble(
                    (Map.Entry<Integer, Integer> e) -> -e.getValue() * idf[e.getKey()])
                .thenComparing(e -> terms.get(e.getKey())))
        .limit(limit)
        .map(e -> terms.get(e.getKey()))
        .toList();
  }
}
