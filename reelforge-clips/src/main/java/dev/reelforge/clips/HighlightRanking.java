package dev.reelforge.clips;

import dev.reelforge.core.transcript.Transcript;
import java.util.List;

/**
 * A second opinion on the highlight finder's order (an LLM, when one is configured). Never
 * required: {@link #NONE} keeps the finder's own order.
 */
@FunctionalInterface
public interface HighlightRanking {

  HighlightRanking NONE = (transcript, highlights) -> highlights;

  /** The same highlights, best first (scores and reasons may be updated; none added or lost). */
  List<Highlight> rank(Transcript transcript, List<Highlight> highlights);
}
