package dev.reelforge.story.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session's choices are checked against core's vocabulary, with no renderer at hand. */
class SessionSettingsTest {

  @Test
  void theDefaultsAreFilledInAndNamesNormalized() {
    StorySession.Settings checked =
        SessionSettings.checked(
            new StorySession.Settings(List.of("9x16", "youtube"), " alloy ", null, null, null));

    assertThat(checked)
        .isEqualTo(
            new StorySession.Settings(
                List.of("tiktok", "youtube"), "alloy", "bold-pop", "auto", "standard"));
  }

  @Test
  void everyCaptionStyleOffered() {
    assertThat(SessionSettings.captionStyles()).contains("bold-pop", "boxed", "minimal", "karaoke");
    for (String style : SessionSettings.captionStyles()) {
      assertThat(SessionSettings.checked(settings(style, "high")).captionStyle()).isEqualTo(style);
    }
  }

  @Test
  void anUnknownCaptionStyleIsRefusedNamingTheKnownOnes() {
    assertThatThrownBy(() -> SessionSettings.checked(settings("comic-sans", "standard")))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              FieldViolation violation = e.violations().getFirst();
              assertThat(violation.field()).isEqualTo("captionStyle");
              assertThat(violation.message()).contains("bold-pop").contains("karaoke");
            });
  }

  @Test
  void anUnknownQualityIsRefused() {
    assertThatThrownBy(() -> SessionSettings.checked(settings("boxed", "ultra")))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.violations().getFirst().field()).isEqualTo("quality"));
  }

  private static StorySession.Settings settings(String captionStyle, String quality) {
    return new StorySession.Settings(List.of("tiktok"), null, captionStyle, "none", quality);
  }
}
