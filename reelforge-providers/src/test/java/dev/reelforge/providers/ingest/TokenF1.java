package dev.reelforge.providers.ingest;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Token-level F1 of an extracted text against the expected one: both are lower-cased, normalised
 * and split into runs of letters and digits, and compared as multisets (a word counted as often as
 * it occurs in both).
 */
record TokenF1(double precision, double recall, double f1) {

  static TokenF1 of(String extracted, String expected) {
    Map<String, Integer> got = tokens(extracted);
    Map<String, Integer> want = tokens(expected);
    long gotTotal = got.values().stream().mapToLong(Integer::longValue).sum();
    long wantTotal = want.values().stream().mapToLong(Integer::longValue).sum();
    long overlap = 0;
    for (Map.Entry<String, Integer> entry : got.entrySet()) {
      overlap += Math.min(entry.getValue(), want.getOrDefault(entry.getKey(), 0));
    }
    if (gotTotal == 0 || wantTotal == 0) {
      return new TokenF1(0, 0, gotTotal == wantTotal ? 1 : 0);
    }
    double precision = (double) overlap / gotTotal;
    double recall = (double) overlap / wantTotal;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new TokenF1(precision, recall, f1);
  }

  private static Map<String, Integer> tokens(String text) {
    Map<String, Integer> counts = new HashMap<>();
    String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    for (String token : normal.split("[^\\p{L}\\p{N}]+")) {
      if (!token.isEmpty()) {
        counts.merge(token, 1, Integer::sum);
      }
    }
    return counts;
  }
}
