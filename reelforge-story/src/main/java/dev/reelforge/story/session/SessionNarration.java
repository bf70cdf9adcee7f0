package dev.reelforge.story.session;

import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.speech.WordTiming;
import dev.reelforge.core.story.BeatSpans;
import dev.reelforge.core.visuals.VisualCandidate;
import dev.reelforge.story.BeatNarration;
import dev.reelforge.story.BeatVisuals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The narration behind the captions and timeline routes: made beat by beat into the same cache the
 * pipeline's voice stage uses, so a finalize after them narrates nothing again.
 */
final class SessionNarration {

  /** Every word's time, and where each beat sits in the video. */
  record Narrated(StorySession.Captions captions, StorySession.TimelineSummary timeline) {}

  private final ProviderRegistry providers;

  SessionNarration(ProviderRegistry providers) {
    this.providers = providers;
  }

  Narrated narrate(StorySession session, Path work) {
    SpeechSynthesizer speech = providers.require(ProviderPort.SPEECH, SpeechSynthesizer.class);
    BeatNarration.Spoken spoken =
        BeatNarration.speak(
            speech,
            session.story().sentences(),
            Optional.ofNullable(session.settings().voice()),
            work.resolve("voice-cache"),
            // Not voice.wav: a run of the same session may be reading that one.
            work.resolve("preview-voice.wav"),
            () -> false);
    List<StorySession.Word> words = new ArrayList<>();
    int w = 0;
    for (int beat = 0; beat < spoken.wordsPerBeat().size(); beat++) {
      for (int i = 0; i < spoken.wordsPerBeat().get(beat); i++, w++) {
        WordTiming word = spoken.words().get(w);
        words.add(new StorySession.Word(word.text(), word.startMillis(), word.endMillis(), beat));
      }
    }
    List<long[]> spans =
        BeatSpans.of(spoken.wordsPerBeat(), spoken.words(), spoken.durationMillis());
    List<StorySession.Segment> segments = new ArrayList<>();
    for (int beat = 0; beat < spans.size(); beat++) {
      VisualCandidate clip =
          session.shots() != null && beat < session.shots().size()
              ? session.shots().get(beat).selectedClip()
              : null;
      segments.add(
          new StorySession.Segment(
              beat,
              spans.get(beat)[0],
              spans.get(beat)[1],
              clip == null ? null : BeatVisuals.key(clip)));
    }
    long duration = spans.isEmpty() ? 0 : spans.getLast()[1];
    return new Narrated(
        new StorySession.Captions(words, spoken.durationMillis(), spoken.engine()),
        new StorySession.TimelineSummary(segments, duration));
  }
}
