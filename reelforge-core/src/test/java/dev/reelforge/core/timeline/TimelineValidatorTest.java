package dev.reelforge.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ReelForgeException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimelineValidatorTest {

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
