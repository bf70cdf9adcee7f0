package dev.reelforge.media.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.timeline.CaptionTrack;
import dev.reelforge.core.timeline.CaptionWord;
import dev.reelforge.core.timeline.Motion;
import dev.reelforge.core.timeline.Overlays;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.TimelineValidator;
import dev.reelforge.core.timeline.Transition;
import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.media.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineJsonTest {

  @Test
  void aTimelineSurvivesTheRoundTripExactly(@TempDir Path dir) throws Exception {
    Timeline timeline =
        Fixtures.story(dir, 5, 3)
            .withSegment(
                1,
                new Segment(
                    "clip",
                    1500,
                    VisualClip.video("clip.mp4", 2000, Optional.of(5000L))
                        .withFit(VisualClip.Fit.FIT),
                    Transition.fadeThroughWhite(300)));
    Timeline withWatermark =
        new Timeline(
            timeline.segments(),
            timeline.voice(),
            timeline.music(),
            timeline.captions(),
            new Overlays(
                timeline.overlays().hook(),
                Optional.of(
                    new Overlays.Watermark("logo.png", Overlays.Corner.BOTTOM_LEFT, 0.8, 0.1))));

    String json = TimelineJson.write(withWatermark);

    assertThat(TimelineJson.read(json)).isEqualTo(withWatermark);
    assertThat(json).contains("\"startZoom\"").contains("\"FADE_WHITE\"");
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

  @Test
  void theValidatorNamesEveryBadField() {
    Timeline bad =
        new Timeline(
            List.of(
                Segment.of("a", 50, VisualClip.image("", new Motion(0.5, 0.5, 0.5, 1, 0.5, 2))),
                new Segment(
                    "b",
                    1000,
                    VisualClip.image("b.png", Motion.NONE),
                    Transition.fadeThroughBlack(5000))),
            Optional.empty(),
            Optional.empty(),
            CaptionTrack.of(
                List.of(new CaptionWord("late", 900, 1000), new CaptionWord("early", 100, 50))),
            Overlays.NONE);

    assertThatThrownBy(() -> TimelineValidator.validate(bad))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field())
                    .contains(
                        "segments[0].durationMillis",
                        "segments[0].visual.source",
                        "segments[0].visual.motion",
                        "segments[1].transitionIn.durationMillis",
                        "captions.words[1]",
                        "captions.words[1].startMillis"));
  }
}
