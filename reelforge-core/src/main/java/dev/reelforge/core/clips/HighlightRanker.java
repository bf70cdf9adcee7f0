package dev.reelforge.core.clips;

import java.util.List;

/**
 * An optional second opinion on highlight candidates: a language model (or anything else) reads
 * each candidate's words and scores how well it would stand alone as a short. Never required — the
 * clips feature ranks candidates by its own signals and, when a ranker is configured, blends in
 * this one's scores; a ranker that fails costs the blend, not the clips.
 */
public interface HighlightRanker {

  /** Stable name reported with the scores, e.g. {@code chat/gpt-4o-mini}. */
  String name();

  /**
   * Scores every candidate once, best first.
   *
   * @return one {@link RankedCandidate} per candidate given, ordered by score, highest first
   * @throws dev.reelforge.core.error.ReelForgeException when the ranker fails or answers something
   *     that is not a score for each candidate
   */
  List<RankedCandidate> rank(List<CandidateText> candidates);

  /**
   * What the ranker reads of a candidate.
   *
   * @param index the candidate's position in the list given, from 0
   * @param title a short title, may be empty
   * @param text the candidate's words
   */
  record CandidateText(int index, String title, String text) {
    public CandidateText {
      if (index < 0) {
        throw new IllegalArgumentException("index must not be negative: " + index);
      }
      title = title == null ? "" : title;
      java.util.Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A candidate's score.
   *
   * @param index the candidate's index as given
   * @param score from 0 (would not stand alone) to 1 (a strong short)
   * @param reason one line saying why
   */
  record RankedCandidate(int index, double score, String reason) {
    public RankedCandidate {
      if (!(score >= 0 && score <= 1)) {
        throw new IllegalArgumentException("score must be in [0,1], was " + score);
      }
      reason = reason == null ? "" : reason;
    }
  }
}
