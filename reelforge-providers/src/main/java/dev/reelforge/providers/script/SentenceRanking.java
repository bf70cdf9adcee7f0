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
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Chooses a text's sentences for a short video without breaking their meaning.
 *
 * <p>A sentence scores by how central its nouns are to the whole text (the log of each distinct
 * noun's frequency, normalised by the sentence's length), with a bonus for the lead (news and
 * essays state their point first). The script keeps the author's order. A sentence that leans on
 * the one before it ({@link Dependence}: "Yet the same heat…", "Two pump blood…", the rest of a
 * sentence cut into clauses) is only chosen together with that one, right after it; the hook never
 * leans on anything. The hook — a standalone sentence that prefers a question, a number or a
 * superlative — may be pulled forward from later in the text, which is safe because it stands on
 * its own; any sentence that leaned on it and would no longer follow it is dropped.
 */
final class SentenceRanking {

  static final int MIN_CHARS = 20;

  /** A sentence that ends a thought: its final mark, perhaps inside quotes or brackets. */
  private static final Pattern COMPLETE = Pattern.compile(".*[.!?…][\"”’')\\]»]*$");

  /** Newsletter and page furniture, never worth narrating. */
  private static final Pattern BOILERPLATE =
      Pattern.compile(
          "(?i)\\b(unsubscribe|subscribed|subscribe to|click here|sign up|all rights reserved"
              + "|cookies?|you're receiving|you are receiving)\\b");

  private final List<Sentence> sentences = new ArrayList<>();
  private final Map<String, Integer> nounFrequency = new HashMap<>();

  /** One chosen sentence, for a beat. */
  record Candidate(String text, int order, List<String> nouns, double score) {}

  /** A sentence of the text with what the choice needs to know about it. */
  private record Sentence(
      Candidate candidate,
      boolean leansBack,
      boolean continued,
      boolean complete,
      boolean hasVerb,
      boolean boilerplate) {

    int order() {
      return candidate.order();
    }

    /**
     * Worth choosing for itself (it may still bring the sentence it leans on, or the rest of its
     * sentence when it was cut into clauses).
     */
    boolean anchor() {
      return (complete || continued)
          && hasVerb
          && !boilerplate
          && candidate.text().length() >= MIN_CHARS
          && candidate.text().length() <= StoryLimits.MAX_BEAT_CHARS;
    }
  }

  SentenceRanking(List<OpenNlpText.Sentence> analysed) {
    for (OpenNlpText.Sentence sentence : analysed) {
      sentence
          .nouns()
          .forEach(n -> nounFrequency.merge(n.toLowerCase(Locale.ROOT), 1, Integer::sum));
    }
    for (int i = 0; i < analysed.size(); i++) {
      OpenNlpText.Sentence sentence = analysed.get(i);
      List<String> nouns =
          sentence.nouns().stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().toList();
      sentences.add(
          new Sentence(
              new Candidate(sentence.text(), i, nouns, score(sentence, nouns, i)),
              // The text's first sentence too: one that opens with "Yet" or "It" cannot open a
              // video, and has nothing before it to bring along.
              Dependence.onPrevious(sentence),
              sentence.continued(),
              COMPLETE.matcher(sentence.text()).matches(),
              sentence.tags().stream().anyMatch(t -> t.startsWith("VB") || t.equals("MD")),
              BOILERPLATE.matcher(sentence.text()).find()));
    }
  }

  private double score(OpenNlpText.Sentence sentence, List<String> nouns, int order) {
    double centrality = 0;
    for (String noun : nouns) {
      // A noun said once is this sentence's own detail; only recurring nouns tie it to the text.
      centrality += Math.log(nounFrequency.getOrDefault(noun, 1));
    }
    double score = centrality / Math.sqrt(Math.max(4, sentence.tokens().size()));
    return order < 2 ? score * 1.25 : score;
  }

  /**
   * The beats in speaking order: the hook first, then the chosen sentences in the text's order, one
   * of them from the text's final third where one fits, so that the video reaches the text's
   * conclusion; at most {@code maxBeats} and {@link StoryLimits#MAX_TOTAL_CHARS} characters in all;
   * empty when the text has no usable sentence.
   */
  List<Candidate> choose(int maxBeats) {
    Sentence hook = hook();
    if (hook == null) {
      return List.of();
    }
    Selection selection = new Selection(maxBeats);
    if (!selection.add(group(hook))) {
      return List.of();
    }
    int lastOrder = sentences.getLast().order();
    sentences.stream()
        .filter(s -> s.anchor() && s.order() >= lastOrder * 0.67 && s.order() > hook.order())
        .max(Comparator.comparingDouble(s -> s.candidate().score()))
        .ifPresent(closing -> selection.add(group(closing)));
    List<Sentence> byScore = new ArrayList<>(sentences.stream().filter(Sentence::anchor).toList());
    byScore.sort(Comparator.comparingDouble((Sentence s) -> s.candidate().score()).reversed());
    for (Sentence sentence : byScore) {
      if (selection.full()) {
        break;
      }
      selection.add(group(sentence));
    }
    return spoken(hook, selection.orders());
  }

  /**
   * The hook: the first sentence of the text that can open a video on its own, so that the author's
   * opening — a title, a lead — opens the video too. It is pulled forward only past openings that
   * cannot (greetings, dates, labels, fragments without a verb, sentences that lean on one before);
   * standing on its own, it is safe to read first.
   */
  private Sentence hook() {
    return sentences.stream()
        .filter(s -> s.anchor() && !s.leansBack())
        .findFirst()
        .orElseGet(() -> sentences.isEmpty() ? null : sentences.getFirst());
  }

  /**
   * A sentence with those it cannot be read without: the one it leans on (and so on back), and the
   * rest of its own sentence when it was cut into clauses.
   */
  private List<Sentence> group(Sentence sentence) {
    TreeSet<Integer> orders = new TreeSet<>();
    int at = sentence.order();
    orders.add(at);
    for (int i = at; i > 0 && sentences.get(i).leansBack(); i--) {
      orders.add(i - 1);
    }
    for (int i = at; i < sentences.size() - 1 && sentences.get(i).continued(); i++) {
      orders.add(i + 1);
    }
    return orders.stream().map(sentences::get).toList();
  }

  /**
   * The chosen sentences in speaking order: the hook with the rest of its sentence first, then the
   * others in the text's order. A sentence that leans back but no longer follows the one it leans
   * on (the hook was pulled forward from after it) is dropped, with anything leaning on it.
   */
  private List<Candidate> spoken(Sentence hook, Set<Integer> chosen) {
    List<Integer> order = new ArrayList<>();
    for (Sentence s : group(hook)) {
      order.add(s.order());
    }
    chosen.stream().filter(o -> !order.contains(o)).sorted().forEach(order::add);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 1; i < order.size(); i++) {
        int o = order.get(i);
        if (sentences.get(o).leansBack() && order.get(i - 1) != o - 1) {
          order.remove(i);
          changed = true;
          break;
        }
      }
    }
    return order.stream().map(o -> sentences.get(o).candidate()).toList();
  }

  /** The growing choice, within the beat and character limits. */
  private static final class Selection {

    private final int maxBeats;
    private final TreeSet<Integer> orders = new TreeSet<>();
    private int chars;

    Selection(int maxBeats) {
      this.maxBeats = maxBeats;
    }

    /** Adds the group whole, or nothing when it does not fit; answers whether it was added. */
    boolean add(List<Sentence> group) {
      List<Sentence> fresh = group.stream().filter(s -> !orders.contains(s.order())).toList();
      int extra = fresh.stream().mapToInt(s -> s.candidate().text().length() + 1).sum();
      if (orders.size() + fresh.size() > maxBeats
          || chars + extra > StoryLimits.MAX_TOTAL_CHARS + 1) {
        return false;
      }
      fresh.forEach(s -> orders.add(s.order()));
      chars += extra;
      return true;
    }

    boolean full() {
      return orders.size() >= maxBeats;
    }

    Set<Integer> orders() {
      return orders;
    }
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
