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
}
