package dev.reelforge.clips.internal.highlight;

import dev.reelforge.clips.internal.audio.Loudness;
import dev.reelforge.clips.internal.text.Hooks;
import dev.reelforge.clips.internal.text.Keywords;
import dev.reelforge.clips.internal.text.Sentence;
import dev.reelforge.clips.internal.text.Terms;
import dev.reelforge.clips.internal.text.TopicShifts;
import dev.reelforge.core.transcript.TranscriptWord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores every run of whole sentences whose length suits a clip. Each signal is a number in [0,1]
 * and the score is their weighted mean, so the score stays in [0,1] and a creator can read which
 * signals carried a clip from its reasons.
 *
 * <p>Runs are enumerated from each starting sentence, growing one sentence at a time, with the
 * keyword counts kept up to date as the run grows — one pass over ~150 words per start — so a
 * three-hour transcript (about 2,000 sentences and 40,000 runs) scores in well under a second.
 */
public final class ClipScorer {

  // The weights of the signals. The opening matters most (a short is lost in its first seconds),
  // then what it is about (keywords, topic), then how it is said (energy); scene changes only break
  // ties between otherwise equal cuts.
  static final double HOOK = 0.20;
  static final double TOPIC = 0.20;
  static final double KEYWORDS = 0.15;
  static final double ENERGY = 0.15;
  static final double QUESTION_ANSWER = 0.10;
  static final double COMPLETE = 0.10;
  static final double LENGTH = 0.05;
  static final double SCENE = 0.05;

  /** The reason given for a clip whose cuts meet scene changes. */
  public static final String SCENE_REASON = "cut on a scene change";

  /** Loudness over the talk's median, in dB, that counts as "lively" in the reasons. */
  static final double LIVELY_DB = 3;

  /**
   * Words that show a sentence continues the one before: a clip opening on them starts mid-thought.
   */
  private static final Set<String> CONTINUATIONS =
      Set.of("and", "but", "so", "because", "or", "which", "then", "also", "plus", "that");

  private final List<TranscriptWord> words;
  private final List<Sentence> sentences;
  private final Keywords keywords;
  private final TopicShifts topics;
  private final Loudness loudness;
  private final SceneSnap snap;
  private final boolean hasSceneCuts;
  private final double medianDb;
  private final boolean[] opensMidThought;

  public ClipScorer(
      List<TranscriptWord> words,
      List<Sentence> sentences,
      Keywords keywords,
      TopicShifts topics,
      Loudness loudness,
      SceneSnap snap,
      boolean hasSceneCuts) {
    this.words = words;
    this.sentences = sentences;
    this.keywords = keywords;
    this.topics = topics;
    this.loudness = loudness;
    this.snap = snap;
    this.hasSceneCuts = hasSceneCuts;
    this.medianDb = loudness.median();
    this.opensMidThought = new boolean[sentences.size()];
    for (int i = 0; i < sentences.size(); i++) {
      String opening = Terms.normalise(words.get(sentences.get(i).firstWord()).text());
      opensMidThought[i] = CONTINUATIONS.contains(opening);
    }
  }

  /** Every run of whole sentences between {@code minMillis} and {@code maxMillis}, scored. */
  public List<Candidate> candidates(long minMillis, long maxMillis) {
    int n = sentences.size();
    List<List<Hooks.Hook>> hooks = new ArrayList<>(n);
    boolean[] question = new boolean[n];
    double[] hookScores = new double[n];
    for (int s = 0; s < n; s++) {
      hooks.add(Hooks.of(sentences.get(s).text()));
      hookScores[s] = Hooks.score(hooks.get(s));
      question[s] = Hooks.isQuestion(sentences.get(s).text());
    }
    List<Raw> raws = new ArrayList<>();
    int[] counts = new int[keywords.termCount()];
    List<Integer> touched = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      for (int t : touched) {
        counts[t] = 0;
      }
      touched.clear();
      double weight = 0;
      int terms = 0;
      double deepestInside = 0;
      boolean questionInside = false;
      boolean answered = false;
      long start = sentences.get(s).startMillis();
      for (int e = s; e < n; e++) {
        Sentence sentence = sentences.get(e);
        if (sentence.endMillis() - start > maxMillis) {
          break;
        }
        if (e > s) {
          deepestInside = Math.max(deepestInside, topics.startsAt(e));
          answered |= questionInside && !question[e];
        }
        questionInside |= question[e];
        for (int w = sentence.firstWord(); w <= sentence.lastWord(); w++) {
          int t = keywords.termOf(w);
          if (t < 0) {
            continue;
          }
          terms++;
          // Only repeated terms count: a word said once is vocabulary, said twice it is a subject.
          int c = ++counts[t];
          if (c == 1) {
            touched.add(t);
          } else {
            weight += keywords.idf(t) * (c == 2 ? 2 : 1);
          }
        }
        if (sentence.endMillis() - start < minMillis) {
          continue;
        }
        double density = terms == 0 ? 0 : weight / terms;
        raws.add(
            new Raw(
                s,
                e,
                density,
                deepestInside,
                answered,
                question[s],
                question[e],
                hooks.get(s),
                hookScores[s]));
      }
    }
    double densest = raws.stream().mapToDouble(Raw::density).max().orElse(0);
    List<Candidate> out = new ArrayList<>(raws.size());
    for (Raw raw : raws) {
      out.add(score(raw, densest, minMillis, maxMillis));
    }
    return out;
  }

  /**
   * A run's score, with its reasons put off until asked for: a long transcript of short sentences
   * has hundreds of thousands of runs, of which only the chosen few are ever explained.
   */
  private Candidate score(Raw raw, double densest, long minMillis, long maxMillis) {
    double score = 0;
    for (Signal signal : signals(raw, densest, minMillis, maxMillis, false)) {
      score += signal.weight * signal.value;
    }
    return new Candidate(
        raw.first,
        raw.last,
        clamp(score),
        () ->
            signals(raw, densest, minMillis, maxMillis, true).stream()
                .filter(sig -> sig.reason != null)
                .sorted(Comparator.comparingDouble((Signal sig) -> -sig.weight * sig.value))
                .map(Signal::reason)
                .distinct()
                .toList());
  }

  /** The signals of a run; their reasons only when {@code explain}, as they cost the most. */
  private List<Signal> signals(
      Raw raw, double densest, long minMillis, long maxMillis, boolean explain) {
    Sentence first = sentences.get(raw.first);
    Sentence last = sentences.get(raw.last);
    List<Signal> signals = new ArrayList<>();

    double hook = raw.hookScore;
    signals.add(new Signal(HOOK, hook, raw.hooks.isEmpty() ? null : raw.hooks.get(0).reason()));
    if (raw.hooks.size() > 1 && hook >= 0.5) {
      signals.add(new Signal(0, 0.5, raw.hooks.get(1).reason()));
    }

    double startShift = topics.startsAt(raw.first);
    double endShift = topics.endsAfter(raw.last);
    // A clip that starts right after a topic shift and ends right before the next one, with no
    // shift inside, tells one whole story.
    String startsNew = raw.first > 0 && startShift >= 0.3 ? "starts on a new topic" : null;
    String endsBefore =
        raw.last < sentences.size() - 1 && endShift >= 0.3 ? "ends before the next topic" : null;
    signals.add(new Signal(TOPIC * 0.35, startShift, startsNew));
    signals.add(new Signal(TOPIC * 0.25, endShift, endsBefore));
    signals.add(new Signal(TOPIC * 0.4, 1 - raw.deepestInside, null));

    double keywordScore = densest > 0 ? raw.density / densest : 0;
    List<String> strongest =
        explain && keywordScore >= 0.5
            ? keywords.strongest(first.firstWord(), last.lastWord(), 2)
            : List.of();
    signals.add(
        new Signal(
            KEYWORDS,
            keywordScore,
            strongest.isEmpty()
                ? null
                : "dense in "
                    + String.join(", ", strongest.stream().map(k -> "'" + k + "'").toList())));

    if (loudness.known()) {
      double delta = loudness.meanBetween(first.startMillis(), last.endMillis()) - medianDb;
      double energy = clamp((delta + 3) / 9);
      String why =
          explain && delta >= LIVELY_DB
              ? String.format(
                  Locale.ROOT, "lively delivery (+%.0f dB over the talk's median)", delta)
              : null;
      signals.add(new Signal(ENERGY, energy, why));
    } else {
      signals.add(new Signal(ENERGY, 0.5, null));
    }

    double qa = raw.answered ? (raw.opensWithQuestion ? 1 : 0.7) : 0;
    signals.add(
        new Signal(
            QUESTION_ANSWER,
            raw.endsOnQuestion ? 0 : qa,
            raw.answered && !raw.endsOnQuestion ? "asks and answers a question" : null));

    double complete = 1 - (opensMidThought[raw.first] ? 0.6 : 0) - (raw.endsOnQuestion ? 0.4 : 0);
    signals.add(new Signal(COMPLETE, complete, null));

    signals.add(
        new Signal(
            LENGTH, lengthFit(last.endMillis() - first.startMillis(), minMillis, maxMillis), null));

    double scene = 0;
    if (hasSceneCuts) {
      boolean atStart = snap.startBefore(first.firstWord()).isPresent();
      boolean atEnd = snap.endAfter(last.lastWord()).isPresent();
      scene = (atStart ? 0.6 : 0) + (atEnd ? 0.4 : 0);
      signals.add(new Signal(SCENE, scene, atStart || atEnd ? SCENE_REASON : null));
    }

    return signals;
  }

  /**
   * 1 for the 20–45 s that shorts do best at (within the allowed range), falling to 0.5 at the
   * allowed bounds: a mild nudge, never a reason to pick a weaker passage.
   */
  static double lengthFit(long millis, long min, long max) {
    long sweetFrom = Math.max(min, Math.min(max, 20_000));
    long sweetTo = Math.min(max, Math.max(min, 45_000));
    if (millis >= sweetFrom && millis <= sweetTo) {
      return 1;
    }
    if (millis < sweetFrom) {
      return 0.5 + 0.5 * (millis - min) / (double) Math.max(1, sweetFrom - min);
    }
    return 0.5 + 0.5 * (max - millis) / (double) Math.max(1, max - sweetTo);
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  private record Signal(double weight, double value, String reason) {}

  private record Raw(
      int first,
      int last,
      double density,
      double deepestInside,
      boolean answered,
      boolean opensWithQuestion,
      boolean endsOnQuestion,
      List<Hooks.Hook> hooks,
      double hookScore) {}
}
