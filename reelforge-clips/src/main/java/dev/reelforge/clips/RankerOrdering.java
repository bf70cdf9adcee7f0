package dev.reelforge.clips;

import dev.reelforge.core.clips.HighlightRanker;
import dev.reelforge.core.clips.HighlightRanker.CandidateText;
import dev.reelforge.core.clips.HighlightRanker.RankedCandidate;
import dev.reelforge.core.transcript.Transcript;
import dev.reelforge.core.transcript.TranscriptWord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A ranker's second opinion folded into the finder's order: each highlight's score becomes the mean
 * of the finder's and the ranker's, and the ranker's reason is added to its reasons. A highlight
 * the ranker did not score keeps its own score, so a partial answer never loses a clip.
 */
public final class RankerOrdering implements HighlightRanking {

  private final HighlightRanker ranker;

  public RankerOrdering(HighlightRanker ranker) {
    this.ranker = ranker;
  }

  @Override
  public List<Highlight> rank(Transcript transcript, List<Highlight> highlights) {
    if (highlights.size() < 2) {
      return highlights;
    }
    List<CandidateText> texts = new ArrayList<>();
    for (int i = 0; i < highlights.size(); i++) {
      Highlight h = highlights.get(i);
      String text =
          String.join(
              " ",
              transcript.between(h.startMillis(), h.endMillis()).stream()
                  .map(TranscriptWord::text)
                  .toList());
      texts.add(new CandidateText(i, h.title(), text));
    }
    Map<Integer, RankedCandidate> byIndex = new HashMap<>();
    for (RankedCandidate ranked : ranker.rank(texts)) {
      if (ranked.index() >= 0 && ranked.index() < highlights.size()) {
        byIndex.putIfAbsent(ranked.index(), ranked);
      }
    }
    List<Highlight> rescored = new ArrayList<>();
    for (int i = 0; i < highlights.size(); i++) {
      Highlight h = highlights.get(i);
      RankedCandidate ranked = byIndex.get(i);
      if (ranked == null) {
        rescored.add(h);
        continue;
      }
      List<String> reasons = new ArrayList<>(h.reasons());
      if (!ranked.reason().isBlank()) {
        reasons.add(ranker.name() + ": " + ranked.reason());
      }
      rescored.add(
          new Highlight(
              h.startMillis(),
              h.endMillis(),
              h.title(),
              (h.score() + ranked.score()) / 2,
              reasons));
    }
    rescored.sort(Comparator.comparingDouble(Highlight::score).reversed());
    return rescored;
  }
}
