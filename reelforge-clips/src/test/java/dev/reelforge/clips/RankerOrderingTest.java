package dev.reelforge.clips;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.clips.HighlightRanker;
import dev.reelforge.core.transcript.Transcript;
import dev.reelforge.core.transcript.TranscriptSource;
import dev.reelforge.core.transcript.TranscriptWord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankerOrderingTest {

  private final Transcript transcript =
      new Transcript(
          List.of(
              new TranscriptWord("First.", 0, 500, 1),
              new TranscriptWord("Second.", 20_000, 20_500, 1),
              new TranscriptWord("Third.", 40_000, 40_500, 1)),
          "en-US",
          new TranscriptSource("provided-srt", "", true));

  private final List<Highlight> found =
      List.of(
          new Highlight(0, 15_000, "one", 0.9, List.of("opens with a question")),
          new Highlight(20_000, 35_000, "two", 0.8, List.of()),
          new Highlight(40_000, 55_000, "three", 0.7, List.of()));

  @Test
  void theRankersScoresAreBlendedAndReorderTheHighlights() {
    List<List<HighlightRanker.CandidateText>> asked = new ArrayList<>();
    HighlightRanker ranker =
        ranker(
            asked,
            List.of(
                new HighlightRanker.RankedCandidate(0, 0.1, "dull"),
                new HighlightRanker.RankedCandidate(2, 1.0, "a strong story")));

    List<Highlight> ranked = new RankerOrdering(ranker).rank(transcript, found);

    assertThat(asked.getFirst())
        .extracting(HighlightRanker.CandidateText::text)
        .containsExactly("First.", "Second.", "Third.");
    assertThat(ranked).extracting(Highlight::title).containsExactly("three", "two", "one");
    assertThat(ranked.getFirst().score()).isEqualTo(0.85);
    assertThat(ranked.getFirst().reasons()).containsExactly("test-ranker: a strong story");
    assertThat(ranked.get(1).score()).isEqualTo(0.8); // not scored: kept as it was
  }

  @Test
  void answersAboutUnknownCandidatesAreIgnored() {
    HighlightRanker ranker =
        ranker(new ArrayList<>(), List.of(new HighlightRanker.RankedCandidate(7, 1.0, "?")));

    assertThat(new RankerOrdering(ranker).rank(transcript, found)).isEqualTo(found);
  }

  private static HighlightRanker ranker(
      List<List<HighlightRanker.CandidateText>> asked,
      List<HighlightRanker.RankedCandidate> answer) {
    return new HighlightRanker() {
      @Override
      public String name() {
        return "test-ranker";
      }

      @Override
      public List<HighlightRanker.RankedCandidate> rank(
          List<HighlightRanker.CandidateText> candidates) {
        asked.add(candidates);
        return answer;
      }
    };
  }
}
