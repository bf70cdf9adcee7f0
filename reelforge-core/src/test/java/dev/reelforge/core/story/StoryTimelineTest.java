package dev.reelforge.core.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.script.Beat;
import dev.reelforge.core.script.BeatRole;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptOrigin;
import dev.reelforge.core.speech.WordTiming;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.core.visuals.VisualKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoryTimelineTest {

  @Test
  void oneSegmentPerBeatCoveringTheNarrationWithCaptionsMusicAndHook() {
    Script script =
        new Script(
            "Why the tide rises",
            List.of(
                new Beat(BeatRole.HOOK, "The tide rises.", List.of("tide")),
                new Beat(BeatRole.CLOSING, "Nobody stops it.", List.of("ocean"))),
            "About tides.",
            List.of("#tide"),
            ScriptOrigin.EXTRACTIVE,
            "extractive",
            "");
    List<WordTiming> words =
        List.of(
            new WordTiming("The", 100, 300),
            new WordTiming("tide", 300, 700),
            new WordTiming("rises.", 700, 1200),
            new WordTiming("Nobody", 1600, 2100),
            new WordTiming("stops", 2100, 2500),
            new WordTiming("it.", 2500, 2900));
    Timeline timeline =
        StoryTimeline.assemble(
            script,
            words,
            3100,
            List.of(3, 3),
            "voice.wav",
            List.of(
                new StoryTimeline.BeatVisual("visuals/1.png", VisualKind.IMAGE),
                new StoryTimeline.BeatVisual("visuals/2.mp4", VisualKind.VIDEO)),
            Optional.of("music.wav"),
            "bold-pop");
    assertThat(timeline.segments()).hasSize(2);
    assertThat(timeline.durationMillis()).isEqualTo(3100 + BeatSpans.TAIL_MILLIS);
    assertThat(timeline.segments().get(0).visual().kind()).isEqualTo(VisualClip.Kind.IMAGE);
    assertThat(timeline.segments().get(1).visual().kind()).isEqualTo(VisualClip.Kind.VIDEO);
    assertThat(timeline.captions().words()).hasSize(6);
    assertThat(timeline.music()).hasValueSatisfying(m -> assertThat(m.duckUnderVoice()).isTrue());
    assertThat(timeline.overlays().hook())
        .hasValueSatisfying(h -> assertThat(h.endMillis()).isEqualTo(1400));
  }

  @Test
  void aHookThatTheNarrationOpensWithStaysUntilItsWordsAreSpokenAndEndsAsTheNextWordStarts() {
    String title = "The Moon is drifting away from Earth by about 3.8 centimetres every year";
    List<WordTiming> words = new java.util.ArrayList<>();
    long t = 100;
    // The engine says the number its own way; the title's last word still marks the end.
    for (String word :
        ("The Moon is drifting away from Earth by about three point eight centimetres every year."
                + " Lasers fired from observatories bounce off mirrors.")
            .split(" ")) {
      words.add(new WordTiming(word, t, t + 250));
      t += word.endsWith(".") ? 700 : 300;
    }
    long end = StoryTimeline.hookEnd(title, words, 10_000);

    WordTiming year = words.get(14);
    WordTiming lasers = words.get(15);
    assertThat(year.text()).isEqualTo("year.");
    assertThat(end).isEqualTo(lasers.startMillis()).isGreaterThan(year.endMillis());
    // Every word of the title is spoken while the hook is up (so its captions, hidden under
    // the hook, never show beside it), and the captions come back with "Lasers".
    assertThat(words.subList(0, 15)).allSatisfy(w -> assertThat(w.endMillis()).isLessThan(end));
    assertThat(words.subList(15, words.size()))
        .allSatisfy(w -> assertThat(w.startMillis()).isGreaterThanOrEqualTo(end));
  }

  @Test
  void aHookTheNarrationDoesNotSpeakStaysTwoAndAHalfSecondsAndLeavesAsAWordStarts() {
    List<WordTiming> words =
        List.of(
            new WordTiming("Octopuses", 100, 900),
            new WordTiming("have", 950, 1300),
            new WordTiming("three", 1350, 1900),
            new WordTiming("hearts.", 1950, 2600),
            new WordTiming("Two", 2800, 3100));
    assertThat(StoryTimeline.hookEnd("Nature's strangest engine", words, 10_000)).isEqualTo(2800);
    // No word starts soon after: the hook leaves on time.
    assertThat(StoryTimeline.hookEnd("Nature's strangest engine", words.subList(0, 4), 10_000))
        .isEqualTo(StoryTimeline.HOOK_MILLIS);
    // Never past the first beat.
    assertThat(StoryTimeline.hookEnd("Nature's strangest engine", words, 2000)).isEqualTo(2000);
  }

  @Test
  void aHookWhoseWordsTakeTooLongLeavesAtTheLongestAndAShortOneStaysLongEnoughToRead() {
    List<WordTiming> slow = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      slow.add(new WordTiming("word" + i, i * 600L, i * 600L + 500));
    }
    // "word11" is spoken at 6.6 s, far past the opening: the hook falls back to the default and
    // leaves as the word after 2.5 s starts.
    assertThat(StoryTimeline.hookEnd("word0 word11", slow, 20_000)).isEqualTo(3000);
    List<WordTiming> quick =
        List.of(
            new WordTiming("Black", 0, 300),
            new WordTiming("holes.", 300, 700),
            new WordTiming("They", 1600, 1800));
    assertThat(StoryTimeline.hookEnd("Black holes", quick, 20_000)).isEqualTo(1600);
  }
}
