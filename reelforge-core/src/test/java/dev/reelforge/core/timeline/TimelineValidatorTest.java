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
            Optional.of(new AudioTrack("voice.wav", -1, 0, -5)),
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
                        "voice.offsetMillis",
                        "voice.sourceStartMillis",
                        "captions.words[1]",
                        "captions.words[1].startMillis"));
  }

  @Test
  void brandColoursMustBeHexTriplets() {
    Segment segment = Segment.of("a", 1000, VisualClip.image("a.png", Motion.NONE));
    Timeline branded =
        new Timeline(
            List.of(segment),
            Optional.empty(),
            Optional.empty(),
            CaptionTrack.NONE,
            Overlays.NONE.withBrand(new BrandColours("#1E3A8A", "#fbbf24", "#ffffff")));
    Timeline bad =
        new Timeline(
            List.of(segment),
            Optional.empty(),
            Optional.empty(),
            CaptionTrack.NONE,
            Overlays.NONE.withBrand(new BrandColours("blue", "#fbbf2", "#ffffffff")));

    assertThat(TimelineValidator.violations(branded)).isEmpty();
    assertThat(branded.overlays().brand().orElseThrow().primary())
        .as("kept in lower case")
        .isEqualTo("#1e3a8a");
    assertThat(BrandColours.rgb("#1e3a8a")).isEqualTo(0x1E3A8A);
    assertThat(TimelineValidator.violations(bad))
        .extracting(v -> v.field())
        .containsExactly("overlays.brand.primary", "overlays.brand.accent", "overlays.brand.text");
    assertThat(Overlays.NONE.brand()).isEmpty();
    assertThat(new Overlays(Optional.empty(), Optional.empty(), null).brand()).isEmpty();
  }
}
