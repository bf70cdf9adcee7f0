package dev.reelforge.clips;

import dev.reelforge.clips.internal.audio.Loudness;
import dev.reelforge.clips.internal.highlight.Candidate;
import dev.reelforge.clips.internal.highlight.ClipScorer;
import dev.reelforge.clips.internal.highlight.SceneSnap;
import dev.reelforge.clips.internal.text.Hooks;
import dev.reelforge.clips.internal.text.Keywords;
import dev.reelforge.clips.internal.text.Sentence;
import dev.reelforge.clips.internal.text.Sentences;
import dev.reelforge.clips.internal.text.Titles;
import dev.reelforge.clips.internal.text.TopicShifts;
import dev.reelforge.core.clips.LoudnessCurve;
import dev.reelforge.core.transcript.Transcript;
import dev.reelforge.core.transcript.TranscriptWord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Finds the passages of a long video worth cutting into shorts, from what is said (sentences,
 * topics, hooks, questions answered, keywords), how it is said (loudness) and what is shown (scene
 * changes).
 *
 * <p>A clip is a run of whole sentences: it starts on a sentence's first word and ends on a
 * sentence's last word, then moves onto a scene change when one lies within {@link
 * SceneSnap#REACH_MILLIS} in the pause next to the cut (never inside a word). Every run whose
 * length suits the options is scored; the best are taken greedily, best first, skipping any that
 * overlaps one already taken. Past {@code minCount}, a run is taken only while it scores at least
 * {@link #KEEP_RATIO} of the best, so a talk with three strong passages yields not nine clips
 * padded with weak ones but as few as the options allow.
 *
 * <p>A short source answers honestly: when fewer than {@code minCount} runs fit side by side (a
 * two-minute talk holds at most a handful of 15 s clips; a transcript of three sentences may hold
 * none), the answer has fewer clips, or none — never overlapping or padded ones.
 *
 * <p>Deterministic: the same inputs give the same clips, in the same order (ties go to the earlier
 * clip).
 */
public final class HighlightFinder {

  /** Past the minimum count, a clip must score this share of the best to be proposed. */
  static final double KEEP_RATIO = 0.75;

  private final HighlightOptions options;

  public HighlightFinder(HighlightOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * The highlights of a source, best first.
   *
   * @param transcript its words with times
   * @param loudness its loudness over time; {@code null} or empty when not measured (then energy
   *     plays no part)
   * @param sceneCutsMillis the times of its scene changes, in any order (may be empty)
   * @param sourceDurationMillis its length; words past it are ignored
   */
  public List<Highlight> find(
      Transcript transcript,
      LoudnessCurve loudness,
      List<Long> sceneCutsMillis,
      long sourceDurationMillis) {
    Objects.requireNonNull(transcript, "transcript");
    Objects.requireNonNull(sceneCutsMillis, "sceneCutsMillis");
    List<TranscriptWord> words =
        transcript.words().stream().filter(w -> w.endMillis() <= sourceDurationMillis).toList();
    if (words.isEmpty()) {
      return List.of();
    }
    // A sentence longer than half a clip leaves little room to cut around it: split it at its
    // pauses.
    List<Sentence> sentences = Sentences.of(words, options.maxMillis() / 2);
    Keywords keywords = Keywords.of(words, sentences);
    TopicShifts topics = TopicShifts.of(sentences.stream().map(keywords::termsOf).toList());
    SceneSnap snap = new SceneSnap(sceneCutsMillis, words, sourceDurationMillis);
    ClipScorer scorer =
        new ClipScorer(
            words,
            sentences,
            keywords,
            topics,
            Loudness.of(loudness, sourceDurationMillis),
            snap,
            !sceneCutsMillis.isEmpty());
    List<Candidate> ranked =
        new ArrayList<>(scorer.candidates(options.minMillis(), options.maxMillis()));
    ranked.sort(
        Comparator.comparingDouble((Candidate c) -> -c.score())
            .thenComparingInt(Candidate::firstSentence)
            .thenComparingInt(Candidate::lastSentence));

    List<Highlight> chosen = new ArrayList<>();
    double best = ranked.isEmpty() ? 0 : ranked.get(0).score();
    for (Candidate candidate : ranked) {
      if (chosen.size() >= options.maxCount()) {
        break;
      }
      if (chosen.size() >= options.minCount() && candidate.score() < KEEP_RATIO * best) {
        break;
      }
      Highlight highlight = highlight(candidate, sentences, keywords, snap);
      if (chosen.stream().noneMatch(h -> overlaps(h, highlight))) {
        chosen.add(highlight);
      }
    }
    return List.copyOf(chosen);
  }

  private Highlight highlight(
      Candidate candidate, List<Sentence> sentences, Keywords keywords, SceneSnap snap) {
    Sentence first = sentences.get(candidate.firstSentence());
    Sentence last = sentences.get(candidate.lastSentence());
    long start = first.startMillis();
    long end = last.endMillis();
    OptionalLong snappedStart = snap.startBefore(first.firstWord());
    if (snappedStart.isPresent() && end - snappedStart.getAsLong() <= options.maxMillis()) {
      start = snappedStart.getAsLong();
    }
    OptionalLong snappedEnd = snap.endAfter(last.lastWord());
    if (snappedEnd.isPresent() && snappedEnd.getAsLong() - start <= options.maxMillis()) {
      end = snappedEnd.getAsLong();
    }
    List<String> reasons = candidate.reasons().get();
    if (start == first.startMillis() && end == last.endMillis()) {
      // The scene change was out of reach once the length limit was kept: don't claim it.
      reasons = reasons.stream().filter(r -> !r.equals(ClipScorer.SCENE_REASON)).toList();
    }
    boolean hook = Hooks.score(Hooks.of(first.text())) >= 0.5;
    String title =
        Titles.of(first.text(), hook, keywords.strongest(first.firstWord(), last.lastWord(), 3));
    return new Highlight(start, end, title, candidate.score(), reasons);
  }

  private static boolean overlaps(Highlight a, Highlight b) {
    return a.startMillis() < b.endMillis() && b.startMillis() < a.endMillis();
  }
}
