package dev.reelforge.story.session;

import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.script.Beat;
import dev.reelforge.core.script.Keywords;
import dev.reelforge.core.visuals.VisualCandidate;
import dev.reelforge.core.visuals.VisualSource;
import dev.reelforge.story.BeatVisuals;
import java.util.ArrayList;
import java.util.List;

/** A session's shots: one per beat, its search query and duration, and its visual's search. */
final class ShotPlanner {

  private static final int RESULTS_PER_PAGE = 6;

  private final ProviderRegistry providers;

  ShotPlanner(ProviderRegistry providers) {
    this.providers = providers;
  }

  /** Shots for a freshly written script, from the writer's keywords and shot descriptions. */
  static List<StorySession.Shot> plan(List<Beat> beats) {
    List<StorySession.Shot> shots = new ArrayList<>();
    for (int i = 0; i < beats.size(); i++) {
      Beat beat = beats.get(i);
      shots.add(shot(i, String.join(" ", beat.keywords()), beat.shot(), beat.text()));
    }
    return shots;
  }

  /** The session with a shot for every beat, keeping the shots it has. */
  static StorySession withAllShots(StorySession s) {
    List<StorySession.Shot> shots = new ArrayList<>();
    for (int i = 0; i < s.beatCount(); i++) {
      StorySession.Shot old = s.shots() != null && i < s.shots().size() ? s.shots().get(i) : null;
      shots.add(old != null ? old.at(i) : shotFor(s.story().sentences().get(i), i));
    }
    return s.withShots(shots, s.status());
  }

  /** A shot for a beat the user wrote: its query from the beat's own words. */
  static StorySession.Shot shotFor(String sentence, int index) {
    return shot(index, String.join(" ", keywordsOf(sentence, sentence)), "", sentence);
  }

  /** A beat's keywords, else the fallback text's, else "abstract". */
  static List<String> keywordsOf(String text, String fallback) {
    List<String> keywords = Keywords.of(text, 4);
    if (keywords.isEmpty()) {
      keywords = Keywords.of(fallback, 2);
    }
    return keywords.isEmpty() ? List.of("abstract") : keywords;
  }

  /** The shots renumbered after a beat was inserted or removed. */
  static List<StorySession.Shot> reindexed(List<StorySession.Shot> shots) {
    List<StorySession.Shot> out = new ArrayList<>();
    for (int i = 0; i < shots.size(); i++) {
      out.add(shots.get(i).at(i));
    }
    return out;
  }

  /**
   * The shot with page {@code page} of the results for {@code query}; when it has no visual yet,
   * the first result not in {@code used} is chosen.
   */
  StorySession.Shot searched(
      StorySession session, StorySession.Shot shot, String query, int page, List<String> used) {
    VisualSource source = providers.require(ProviderPort.VISUALS, VisualSource.class);
    List<String> keywords = List.of(query.split("\\s+"));
    int wanted = Math.min(page * RESULTS_PER_PAGE + 1, 50);
    List<String> sentences = session.story() == null ? List.of() : session.story().sentences();
    int index = shot.sentenceIndex();
    String text =
        sentences != null && index >= 0 && index < sentences.size() ? sentences.get(index) : "";
    List<VisualCandidate> found =
        source.search(
            BeatVisuals.query(
                keywords,
                text,
                SessionFormats.orientation(session.settings()),
                Math.round(shot.durationSec() * 1000),
                shot.sentenceIndex(),
                wanted));
    int from = Math.min(found.size(), (page - 1) * RESULTS_PER_PAGE);
    int to = Math.min(found.size(), page * RESULTS_PER_PAGE);
    List<VisualCandidate> results = List.copyOf(found.subList(from, to));
    VisualCandidate chosen =
        shot.selectedClip() != null
            ? shot.selectedClip()
            : results.stream()
                .filter(c -> !used.contains(BeatVisuals.key(c)))
                .findFirst()
                .orElse(results.isEmpty() ? null : results.getFirst());
    return shot.withResults(results, page, found.size() > to, chosen);
  }

  private static StorySession.Shot shot(int index, String query, String description, String text) {
    return new StorySession.Shot(
        index, query, description, BeatVisuals.beatMillis(text) / 1000.0, null, 0, false, null);
  }
}
