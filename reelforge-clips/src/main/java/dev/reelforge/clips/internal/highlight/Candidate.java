package dev.reelforge.clips.internal.highlight;

import java.util.List;

/**
 * A stretch of whole sentences that could become a clip, with its score in [0,1] and the reasons
 * behind it, strongest first.
 */
public record Candidate(int firstSentence, int lastSentence, double score, List<String> reasons) {

  public Candidate {
    reasons = List.copyOf(reasons);
  }
}
