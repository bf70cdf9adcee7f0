package dev.reelforge.providers.brandvision;

import static dev.reelforge.providers.videogen.VideoVendorContext.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.BrandAnalysis.Role;
import dev.reelforge.core.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrandAnswerTest {

  private static final String ANSWER =
      """
      {"palette": ["#FF6600", "fff", "#ff6600", "not a colour", "ffffff"],
       "scores": {"physics": 0.824, "vibe": 0.5, "logic": 0.3, "integrity": 0.35},
       "integrity_reason": "The logo is cropped off at the edge.",
       "brand_essence_prompt": "An orange disc on white, flat and bold.",
       "invariant_elements": ["the orange disc", " ", "white space"],
       "text_seen": "",
       "mood": "bold, playful"}
      """;

  @Test
  void coloursAreNormalisedAndDeduplicatedAndScoresRounded() {
    BrandAnswer answer = BrandAnswer.parse("```json\n" + ANSWER + "\n```", "Test");
    assertThat(answer.palette()).containsExactly("#ff6600", "#ffffff");
    assertThat(answer.scores().physics()).isEqualTo(0.82);
    assertThat(answer.invariantElements()).containsExactly("the orange disc", "white space");
  }

  @Test
  void theAnalysisMeasuresSharesAndRolesOnTheImageAndFlagsLowIntegrity(@TempDir Path dir)
      throws IOException {
    BrandImage image = BrandImage.read(BrandPictures.logo(dir));
    BrandAnalysis analysis = BrandAnswer.parse(ANSWER, "Test").toAnalysis(image, "test/model");

    assertThat(analysis.palette().get(0).hex()).isEqualTo("#ff6600");
    assertThat(analysis.palette().get(0).role()).isEqualTo(Role.SUBJECT);
    assertThat(analysis.palette().get(0).share())
        .isCloseTo(BrandPictures.discShare(), within(0.02));
    assertThat(analysis.palette().get(1).role()).isEqualTo(Role.BACKGROUND);
    assertThat(analysis.palette().get(1).share())
        .isCloseTo(1 - BrandPictures.discShare(), within(0.02));
    assertThat(analysis.quality().width()).isEqualTo(BrandPictures.WIDTH);
    assertThat(analysis.quality().resolution()).isCloseTo(300 / 1024.0, within(1e-9));
    assertThat(analysis.look().brightness()).isEqualTo(BrandAnswer.NEUTRAL);
    assertThat(analysis.flaggedReason())
        .hasValue("integrity 0.35 is below 0.4: The logo is cropped off at the edge.");
    assertThat(analysis.brandEssencePrompt())
        .isEqualTo("An orange disc on white, flat and bold. Mood: bold, playful.");
    assertThat(analysis.text().present()).isFalse();
  }

  @Test
  void anAnswerThatDoesNotFitSaysWhyAndMayBeRetried() {
    failsWith(
        () -> BrandAnswer.parse("the brand is orange", "Test"),
        ErrorCode.EXTERNAL_API_ERROR,
        true,
        "Test's brand analysis",
        "not JSON");
    failsWith(
        () -> BrandAnswer.parse(ANSWER.replace("0.824", "7"), "Test"),
        ErrorCode.EXTERNAL_API_ERROR,
        true,
        "scores.physics is 7.0, not within [0, 1]");
    failsWith(
        () ->
            BrandAnswer.parse(
                ANSWER.replace("\"integrity\": 0.35", "\"integrity\": \"high\""), "Test"),
        ErrorCode.EXTERNAL_API_ERROR,
        true,
        "scores.integrity is missing or not a number");
    failsWith(
        () ->
            BrandAnswer.parse(
                "{\"palette\": [\"orange\"], \"scores\": {}, \"brand_essence_prompt\": \"x\"}",
                "Test"),
        ErrorCode.EXTERNAL_API_ERROR,
        true,
        "palette names no #rrggbb colour");
  }
}
