package dev.reelforge.providers.script;

import dev.reelforge.core.script.Keywords;
import dev.reelforge.core.script.StoryLimits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ranks a text's sentences for a short video. A sentence scores by how central its nouns are to the
 * whole text (the log of each distinct noun's frequency, normalised by the sentence's length), with
 * a bonus for the lead (news and essays state their point first) and a penalty for openings that
 * lean on a previous sentence ("But", "This", "They"), which confuse when read out of order. The
 * hook prefers a question, a number or a superlative; the closing line comes from the last third of
 * the text.
 */
final class SentenceRanking {

  static final int MIN_CHARS = 20;

  private static final Set<String> DANGLING_OPENERS =
      Set.of(
          "but", "however", "this", "that", "it", "they", "he", "she", "these", "those", "also",
          "and", "so", "then", "there", "its", "their", "his", "her", "yet", "or");

  private static final Pattern HOOKISH =
      Pattern.compile(
          "\\?|\\d|(?i)\\b(most|first|only|never|biggest|largest|secret|every|why|how)\\b");

  private final List<Candidate> candidates = new ArrayList<>();
  private final Map<String, Integer> nounFrequency = new HashMap<>();

  /** One sentence that may become a beat. */
  record Candidate(String text, int order, List<String> nouns, double score) {}

  SentenceRanking(List<OpenNlpText.Sentence> sentences) {
    for (OpenNlpText.Sentence sentence : sentences) {
      sentence
          .nouns()
          .forEach(n -> nounFrequency.merge(n.toLowerCase(Locale.ROOT), 1, Integer::sum));
    }
    for (int i = 0; i < sentences.size(); i++) {
      OpenNlpText.Sentence sentence = sentences.get(i);
      int length = sentence.text().length();
      if (length < MIN_CHARS || length > StoryLimits.MAX_BEAT_CHARS) {
        continue;
      }
      List<String> nouns =
          sentence.nouns().stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().toList();
      candidates.add(new Candidate(sentence.text(), i, nouns, score(sentence, nouns, i)));
    }
  }

  private double score(OpenNlpText.Sentence sentence, List<String> nouns, int order) {
    double centrality = 0;
    for (String noun : nouns) {
      // A noun said once is this sentence's own detail; only recurring nouns tie it to the text.
      centrality += Math.log(nounFrequency.getOrDefault(noun, 1));
    }
    double score = centrality / Math.sqrt(Math.max(4, sentence.tokens().size()));
    if (order < 2) {
      score *= 1.25;
    }
    String first = sentence.tokens().getFirst().toLowerCase(Locale.ROOT);
    if (DANGLING_OPENERS.contains(first)) {
      score *= 0.6;
    }
    return score;
  }

  /**
   * The beats in speaking order: the hook, body sentences in the text's order, and a closing line
   * (placed last whatever its position in the text); at most {@code maxBeats} (at least 2) and
   * {@link StoryLimits#MAX_TOTAL_CHARS} characters in all; empty when the text has no usable
   * sentence.
   */
  List<Candidate> choose(int maxBeats) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    Candidate hook =
        candidates.stream()
            .max(
                Comparator.comparingDouble(
                    c -> c.score() * (HOOKISH.matcher(c.text()).find() ? 1.3 : 1)))
            .orElseThrow();
    int lastOrder = candidates.getLast().order();
    Candidate closing =
        candidates.stream()
            .filter(c -> c.order() != hook.order() && c.order() >= lastOrder * 0.67)
            .max(Comparator.comparingDouble(Candidate::score))
            .orElse(null);
    int budget =
        StoryLimits.MAX_TOTAL_CHARS
            - hook.text().length()
            - (closing == null ? 0 : closing.text().length() + 1);
    int bodySlots = maxBeats - 1 - (closing == null ? 0 : 1);
    List<Candidate> byScore = new ArrayList<>(candidates);
    byScore.sort(Comparator.comparingDouble(Candidate::score).reversed());
    List<Candidate> body = new ArrayList<>();
    for (Candidate candidate : byScore) {
      if (body.size() == bodySlots) {
        break;
      }
      if (candidate == hook || candidate == closing || candidate.text().length() + 1 > budget) {
        continue;
      }
      body.add(candidate);
      budget -= candidate.text().length() + 1;
    }
    body.sort(Comparator.comparingInt(Candidate::order));
    List<Candidate> chosen = new ArrayList<>();
    chosen.add(hook);
    chosen.addAll(body);
    if (closing != null) {
      chosen.add(closing);
    }
    return chosen;
  }

  /** Up to four search words for a beat: its nouns, the text's most frequent first. */
  List<String> keywords(Candidate candidate) {
    Set<String> keywords = new LinkedHashSet<>();
    candidate.nouns().stream()
        .filter(noun -> noun.matches("\\p{L}[\\p{L}-]*") && !Keywords.isStopWord(noun))
        .sorted(Comparator.comparingInt((String n) -> -nounFrequency.getOrDefault(n, 0)))
        .limit(4)
        .forEach(keywords::add);
    if (keywords.size() < 2) {
      keywords.addAll(Keywords.of(candidate.text(), 4 - keywords.size()));
    }
    if (keywords.isEmpty()) {
      nounFrequency.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .limit(2)
          .forEach(e -> keywords.add(e.getKey()));
    }
    return keywords.isEmpty() ? List.of("abstract") : List.copyOf(keywords);
  }
}
