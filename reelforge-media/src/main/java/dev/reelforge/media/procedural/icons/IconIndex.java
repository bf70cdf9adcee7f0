package dev.reelforge.media.procedural.icons;

import dev.reelforge.core.script.Keywords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds icons for a beat: its keywords (most important first), the other words of its line and its
 * two-word phrases are stemmed and looked up among the icons' names and search terms, directly and
 * through a short list of synonyms. Built once per icon set; lookups are map reads.
 *
 * <p>How relevance is judged, so that the manifest can say why a picture was chosen. A match counts
 * by where the word met the icon ({@link IconMatch.Via}: whole name or phrase 1, search term 0.75,
 * word of a longer name 0.6, word of a longer term 0.4; through a synonym 0.8 of that), times the
 * word's weight (keywords 1, 0.92, 0.84… by rank, the line's other words 0.6), times 0.7 when the
 * beat's word is a verb form the icon's word is not ("booked" is not a {@code book}). An icon found
 * by several of the beat's words gains 0.05 a word, and one whose category (astronomy, food…) other
 * words of the beat also found gains 0.08 a word: the beat's topic backs it. Matches under {@link
 * #MIN_SCORE} are dropped.
 */
public final class IconIndex {

  static final double MIN_SCORE = 0.35;

  /** At most this many icons per word, so that one broad word does not crowd out the others. */
  private static final int ICONS_PER_WORD = 3;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

  /** An icon under one stem: how it got there, and the set's own word for it. */
  private record Entry(Icon icon, IconMatch.Via via, String token, int nameWords) {}

  private final Map<String, List<Entry>> byStem = new HashMap<>();
  private final IconSynonyms synonyms;

  public IconIndex(IconSet set, IconSynonyms synonyms) {
    this.synonyms = synonyms;
    for (Icon icon : set.icons()) {
      List<String> nameWords = List.of(icon.name().split("-"));
      int n = nameWords.size();
      if (n == 1) {
        add(icon.name(), new Entry(icon, IconMatch.Via.NAME, icon.name(), 1));
      } else {
        add(phraseKey(nameWords), new Entry(icon, IconMatch.Via.PHRASE, icon.name(), n));
        nameWords.forEach(w -> add(w, new Entry(icon, IconMatch.Via.NAME_WORD, w, n)));
      }
      for (String term : icon.terms()) {
        List<String> words = words(term);
        if (words.size() == 1) {
          add(words.getFirst(), new Entry(icon, IconMatch.Via.TERM, words.getFirst(), n));
        } else if (words.size() == 2) {
          add(phraseKey(words), new Entry(icon, IconMatch.Via.PHRASE, term, n));
          words.forEach(w -> add(w, new Entry(icon, IconMatch.Via.TERM_WORD, w, n)));
        } else {
          words.forEach(w -> add(w, new Entry(icon, IconMatch.Via.TERM_WORD, w, n)));
        }
      }
    }
    // Strongest entry first per stem, simpler icons (fewer name words) before busier ones.
    byStem.replaceAll(
        (stem, entries) -> {
          Map<String, Entry> best = new LinkedHashMap<>();
          entries.stream().sorted(ENTRY_ORDER).forEach(e -> best.putIfAbsent(e.icon().name(), e));
          return List.copyOf(best.values());
        });
  }

  private static final Comparator<Entry> ENTRY_ORDER =
      Comparator.comparingDouble((Entry e) -> -e.via().weight)
          .thenComparingInt(Entry::nameWords)
          .thenComparing(e -> e.icon().name());

  private void add(String key, Entry entry) {
    if (key.contains(" ")) {
      byStem.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
      return;
    }
    // Narration's stop words are never looked up (see match), but a synonym may name one
    // ("film: video"), so the index keeps them.
    String stem = WordStem.of(key);
    if (stem.length() >= 3) {
      byStem.computeIfAbsent(stem, k -> new ArrayList<>()).add(entry);
    }
  }

  /** Two words as one key: their stems joined by a space. */
  private static String phraseKey(List<String> words) {
    return String.join(" ", words.stream().map(WordStem::of).toList());
  }

  /**
   * Icons for a beat, best first, one match per icon (its strongest); empty when no word of the
   * beat meets an icon.
   *
   * @param keywords the beat's keywords, most important first
   * @param text the beat's line (may be empty): its other content words count less
   */
  public List<IconMatch> match(List<String> keywords, String text) {
    Map<String, Double> weights = weights(keywords, text);
    Map<String, IconMatch> best = new LinkedHashMap<>();
    Map<String, Set<String>> wordsPerIcon = new HashMap<>();
    Map<String, Set<String>> wordsPerCategory = new HashMap<>();
    for (Map.Entry<String, Double> word : weights.entrySet()) {
      if (synonyms.ignored(word.getKey()) || Keywords.isStopWord(word.getKey())) {
        continue;
      }
      for (IconMatch match : lookUp(word.getKey(), word.getValue())) {
        String stem = WordStem.of(match.word());
        wordsPerIcon.computeIfAbsent(match.icon().name(), k -> new HashSet<>()).add(stem);
        match
            .icon()
            .categories()
            .forEach(c -> wordsPerCategory.computeIfAbsent(c, k -> new HashSet<>()).add(stem));
        best.merge(match.icon().name(), match, (a, b) -> a.score() >= b.score() ? a : b);
      }
    }
    return best.values().stream()
        .map(m -> backed(m, wordsPerIcon.get(m.icon().name()), wordsPerCategory))
        .filter(m -> m.score() >= MIN_SCORE)
        .sorted(
            Comparator.comparingDouble((IconMatch m) -> -m.score())
                .thenComparingInt(m -> m.icon().name().split("-").length)
                .thenComparing(m -> m.icon().name()))
        .toList();
  }

  /** Each word and phrase of the beat with its weight: keywords by rank, then the line's words. */
  private static Map<String, Double> weights(List<String> keywords, String text) {
    Map<String, Double> weights = new LinkedHashMap<>();
    double weight = 1.0;
    for (String keyword : keywords) {
      for (String word : words(keyword)) {
        weights.putIfAbsent(word, weight);
      }
      weight = Math.max(0.7, weight - 0.08);
    }
    List<String> line = words(text);
    for (int i = 0; i + 1 < line.size(); i++) {
      String a = line.get(i);
      String b = line.get(i + 1);
      if (!Keywords.isStopWord(a) && !Keywords.isStopWord(b)) {
        double w = Math.max(weights.getOrDefault(a, 0.6), weights.getOrDefault(b, 0.6));
        weights.putIfAbsent(a + " " + b, w);
      }
    }
    for (String word : Keywords.of(text, 12)) {
      weights.putIfAbsent(word.toLowerCase(Locale.ROOT), 0.6);
    }
    return weights;
  }

  /** The icons one word or phrase finds, directly or through its synonyms, at most a few. */
  private List<IconMatch> lookUp(String word, double weight) {
    List<IconMatch> found = new ArrayList<>();
    for (Entry entry : entries(word)) {
      found.add(new IconMatch(entry.icon(), word, entry.via(), "", score(word, entry, weight)));
    }
    if (found.stream().noneMatch(m -> m.via().weight >= 1.0)) {
      double preference = IconSynonyms.WEIGHT;
      for (String synonym : synonyms.of(word)) {
        for (Entry entry : entries(synonym)) {
          double score = score(synonym, entry, weight) * preference;
          found.add(new IconMatch(entry.icon(), word, entry.via(), synonym, score));
        }
        // The list names the likelier picture first.
        preference *= 0.97;
      }
    }
    return found.stream()
        .sorted(Comparator.comparingDouble((IconMatch m) -> -m.score()))
        .limit(ICONS_PER_WORD)
        .toList();
  }

  /** Whether a word, two-word phrase or icon name meets any icon (for checking the synonyms). */
  boolean knows(String wordOrPhrase) {
    return !entries(wordOrPhrase).isEmpty();
  }

  /** The entries under a word, a two-word phrase or an icon's name ({@code bread-slice}). */
  private List<Entry> entries(String wordOrPhrase) {
    List<String> words = List.of(wordOrPhrase.split("[\\s-]+"));
    String key = words.size() > 1 ? phraseKey(words) : WordStem.of(wordOrPhrase);
    return byStem.getOrDefault(key, List.of());
  }

  private static double score(String word, Entry entry, double weight) {
    double score = entry.via().weight * weight;
    boolean verbForm = word.endsWith("ed") || word.endsWith("ing");
    return verbForm && !word.equals(entry.token()) ? score * 0.7 : score;
  }

  /** The match with what backs it: other words finding the same icon, or the same topic. */
  private static IconMatch backed(
      IconMatch match, Set<String> sameIcon, Map<String, Set<String>> wordsPerCategory) {
    Set<String> topic = new HashSet<>();
    for (String category : match.icon().categories()) {
      topic.addAll(wordsPerCategory.getOrDefault(category, Set.of()));
    }
    topic.removeAll(sameIcon);
    double bonus =
        Math.min(0.15, 0.05 * (sameIcon.size() - 1)) + Math.min(0.24, 0.08 * topic.size());
    return new IconMatch(
        match.icon(), match.word(), match.via(), match.synonym(), match.score() + bonus);
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    var matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
  }
}
