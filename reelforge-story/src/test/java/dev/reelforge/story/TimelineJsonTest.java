package dev.reelforge.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.timeline.AudioTrack;
import dev.reelforge.core.timeline.BrandColours;
import dev.reelforge.core.timeline.CaptionTrack;
import dev.reelforge.core.timeline.CaptionWord;
import dev.reelforge.core.timeline.Framing;
import dev.reelforge.core.timeline.Motion;
import dev.reelforge.core.timeline.MusicTrack;
import dev.reelforge.core.timeline.Overlays;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.Transition;
import dev.reelforge.core.timeline.VisualClip;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimelineJsonTest {

  @Test
  void aTimelineSurvivesTheRoundTripExactly() {
    // Every kind of part a timeline has: stills with motion, a trimmed clip that fits, both
    // transitions, voice, music, captions, the hook title and a watermark.
    Timeline timeline =
        new Timeline(
            List.of(
                Segment.of("beat-0", 1200, VisualClip.image("beat-0.png", Motion.zoomIn())),
                new Segment(
                    "clip",
                    1500,
                    VisualClip.video("clip.mp4", 2000, Optional.of(5000L))
                        .withFit(VisualClip.Fit.FIT),
                    Transition.fadeThroughWhite(300)),
                Segment.of("beat-2", 1300, VisualClip.image("beat-2.png", Motion.panLeft()))
                    .withTransitionIn(Transition.fadeThroughBlack(400))),
            Optional.of(AudioTrack.of("voice.wav")),
            Optional.of(new MusicTrack("music.wav", MusicTrack.DEFAULT_GAIN_DB, 300, 1000, true)),
            new CaptionTrack(
                List.of(new CaptionWord("Why", 100, 400), new CaptionWord("the", 400, 600)),
                "karaoke"),
            new Overlays(
                Optional.of(new Overlays.HookTitle("Why the Moon is leaving us", 0, 2500)),
                Optional.of(
                    new Overlays.Watermark("logo.png", Overlays.Corner.BOTTOM_LEFT, 0.8, 0.1)),
                Optional.of(new BrandColours("#1e3a8a", "#fbbf24", "#ffffff"))));

    String json = TimelineJson.write(timeline);

    assertThat(TimelineJson.read(json)).isEqualTo(timeline);
    assertThat(json).contains("\"startZoom\"").contains("\"FADE_WHITE\"").contains("karaoke");
    assertThat(json).contains("\"accent\" : \"#fbbf24\"");
  }

  @Test
  void aTimelineWrittenBeforeBrandColoursReadsWithout() {
    String json =
        """
        {"segments": [{"id": "a", "durationMillis": 1000,
                       "visual": {"kind": "IMAGE", "source": "a.png", "inMillis": 0}}],
         "overlays": {"hook": {"text": "Hi", "startMillis": 0, "endMillis": 900}}}
        """;

    Timeline timeline = TimelineJson.read(json);

    assertThat(timeline.overlays().hook()).isPresent();
    assertThat(timeline.overlays().brand()).isEmpty();
    assertThat(TimelineJson.write(timeline)).doesNotContain("\"primary\"");
  }

  @Test
  void aClipsFramingAndItsSoundtracksStartSurviveTheRoundTrip() {
    // What the clips feature writes: footage cropped around a speaker who moves, and the voice read
    // from the source video itself, from the clip's start.
    Timeline timeline =
        new Timeline(
            List.of(
                Segment.of(
                    "shot-1",
                    4000,
                    VisualClip.video("talk.mp4", 61_000, Optional.of(65_000L))
                        .withFraming(new Framing(0.2, 0.4, 0.35, 0.45)))),
            Optional.of(AudioTrack.from("talk.mp4", 61_000)),
            Optional.empty(),
            CaptionTrack.NONE,
            Overlays.NONE);

    String json = TimelineJson.write(timeline);

    assertThat(TimelineJson.read(json)).isEqualTo(timeline);
    assertThat(json).contains("\"sourceStartMillis\" : 61000").contains("\"endX\" : 0.35");
  }

  @Test
  void aTimelineWrittenBeforeFramingAndSourceStartReadsWithTheirDefaults() {
    String json =
        """
        {"segments": [{"id": "a", "durationMillis": 1000,
                       "visual": {"kind": "VIDEO", "source": "a.mp4", "inMillis": 500,
                                  "fit": "FILL"}}],
         "voice": {"source": "voice.wav", "offsetMillis": 200, "gainDb": -1.5}}
        """;

    Timeline timeline = TimelineJson.read(json);

    assertThat(timeline.segments().getFirst().visual().framing()).isEqualTo(Framing.CENTRE);
    assertThat(timeline.voice()).contains(new AudioTrack("voice.wav", 200, -1.5));
  }

  @Test
  void unknownFieldsAndBrokenJsonAreInputErrors() {
    assertThatThrownBy(() -> TimelineJson.read("{\"segmnts\": []}"))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.violations().getFirst().message()).contains("segmnts");
            });
    assertThatThrownBy(() -> TimelineJson.read("{\"segments\": ["))
        .isInstanceOf(ReelForgeException.class);
  }
}
