package dev.reelforge.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.script.InputKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StageMemoTest {

  private static String deciding(String text, List<String> formats, String quality, String voice) {
    StoryInput input =
        new StoryInput(
            text,
            InputKind.PARAGRAPH,
            formats,
            Optional.ofNullable(voice),
            "bold",
            "auto",
            quality);
    return StageMemo.deciding(StoryRunInputs.forFolder(Path.of("/tmp/out"), "story", input));
  }

  @Test
  void addingAFormatOrChangingHowItRendersKeepsTheScriptAndStoryboard() {
    String first = deciding("The Moon drifts away.", List.of("tiktok"), "standard", null);
    assertThat(
            deciding(
                "The Moon drifts away.", List.of("tiktok", "youtube", "square"), "draft", "en-gb"))
        .isEqualTo(first);
  }

  @Test
  void anotherInputOrAnotherShapeFirstDecidesAnew() {
    String first = deciding("The Moon drifts away.", List.of("tiktok"), "standard", null);
    assertThat(deciding("The Moon drifts closer.", List.of("tiktok"), "standard", null))
        .isNotEqualTo(first);
    // The storyboard searches pictures for the first format's orientation.
    assertThat(deciding("The Moon drifts away.", List.of("youtube", "tiktok"), "standard", null))
        .isNotEqualTo(first);
  }
}
