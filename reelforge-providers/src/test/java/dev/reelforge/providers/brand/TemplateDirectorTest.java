package dev.reelforge.providers.brand;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.Director.Revision;
import dev.reelforge.core.brand.DirectorBrief;
import dev.reelforge.core.brand.SceneScript;
import dev.reelforge.core.brand.YellowContext;
import dev.reelforge.providers.tools.LocalTool;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateDirectorTest {

  private static BrandAnalysis logo;

  private final TemplateDirector director = new TemplateDirector();

  @BeforeAll
  static void analyse(@TempDir Path dir) {
    // Without OCR, so the scenes do not depend on whether tesseract is installed.
    logo =
        new PixelBrandAnalyzer(LocalTool.onPath("reelforge-no-such-tesseract"))
            .analyze(BrandImages.png(BrandImages.logo(800, ""), dir.resolve("logo.png")));
  }

  @Test
  void threeScenesOpenWithHeroDetailAndContextInTheBrandPalette() {
    List<SceneScript> scenes = director.storyboard(brief(3, 1));

    assertThat(scenes).hasSize(3);
    assertThat(scenes.get(0).cinematographyPrompt()).startsWith("Hero shot: ");
    assertThat(scenes.get(1).cinematographyPrompt()).startsWith("Macro detail: ");
    assertThat(scenes.get(2).cinematographyPrompt()).startsWith("Lifestyle context: ");
    for (SceneScript scene : scenes) {
      assertThat(scene.cinematographyPrompt())
          .contains("Brand palette #d62828, #ffffff.")
          .contains("Style: cinematic film grain, anamorphic flare.")
          .contains("Camera: " + scene.cameraMovement() + ", ")
          .contains("Lighting: " + scene.lightingNotes() + ".")
          .contains("bold minimal brand mark in crimson (#d62828)")
          .hasSizeLessThanOrEqualTo(SceneScript.MAX_PROMPT_CHARS);
      assertThat(Shot.CAMERA_MOVES).contains(scene.cameraMovement());
      // A bright white page and a crimson (warm) lead colour.
      assertThat(scene.lightingNotes())
          .isEqualTo(
              "bright high-key softbox key, warm amber fill, crimson (#d62828) rim light, crisp"
                  + " contrast");
      assertThat(scene.invariantToken()).isEqualTo("crimson #d62828 brand colour");
      assertThat(scene.caption()).isNotBlank().hasSizeLessThanOrEqualTo(80);
    }
    assertThat(scenes.get(0).caption()).isEqualTo("Made in crimson.");
  }

  @Test
  void theSameSeedWritesTheSameStoryboard() {
    assertThat(director.storyboard(brief(6, 77))).isEqualTo(director.storyboard(brief(6, 77)));
    List<List<String>> cameras =
        java.util.stream.LongStream.range(0, 12)
            .mapToObj(
                seed ->
                    director.storyboard(brief(3, seed)).stream()
                        .map(SceneScript::cameraMovement)
                        .toList())
            .distinct()
            .toList();
    assertThat(cameras).as("the seed varies the camera moves").hasSizeGreaterThan(1);
  }

  @Test
  void makeItWarmerWarmsTheLightKeepsTheInvariantAndRecordsTheDirection() {
    SceneScript scene = director.storyboard(brief(3, 1)).get(1);

    Revision warmer = director.revise(context(scene, "Make it warmer", List.of()));

    SceneScript revised = warmer.scene();
    assertThat(revised.lightingNotes())
        .isNotEqualTo(scene.lightingNotes())
        .startsWith("warm golden-hour key")
        .contains("amber grade");
    assertThat(revised.cinematographyPrompt())
        .contains("Lighting: " + revised.lightingNotes() + ".")
        .endsWith("Direction: Make it warmer.");
    assertThat(revised.invariantToken()).isEqualTo(scene.invariantToken());
    assertThat(revised.caption()).isEqualTo(scene.caption());
    assertThat(warmer.reply()).startsWith("Warmed the light").contains("Kept the crimson #d62828");

    Revision second =
        director.revise(
            context(revised, "Slower please, closer, and add a glass of water", List.of(warmer)));
    SceneScript twice = second.scene();
    assertThat(twice.invariantToken()).isEqualTo(scene.invariantToken());
    assertThat(twice.cameraMovement())
        .isEqualTo("slow " + FeedbackEdit.base(scene.cameraMovement()));
    assertThat(twice.lightingNotes()).isEqualTo(revised.lightingNotes());
    assertThat(twice.cinematographyPrompt())
        .contains("Camera: " + twice.cameraMovement() + ", 100mm macro lens.")
        .contains("Framing: tight close-up.")
        .contains("Featuring a glass of water.")
        .contains("Direction: Make it warmer.")
        .endsWith("Direction: Slower please, closer, and add a glass of water.");
    assertThat(second.reply())
        .isEqualTo(
            "Slowed the camera to a slow "
                + FeedbackEdit.base(scene.cameraMovement())
                + ", moved in to a tight close-up and added a glass of water. Kept the crimson"
                + " #d62828 brand colour.");
  }

  @Test
  void coolerDarkerWiderAndRemovingAThingEachChangeTheShot() {
    SceneScript scene = director.storyboard(brief(3, 1)).get(0);

    SceneScript cool = director.revise(context(scene, "cooler and moodier", List.of())).scene();
    assertThat(cool.lightingNotes())
        .startsWith("cool blue key")
        .contains("teal grade", "low-key, deep shadows")
        .doesNotContain("warm", "high-key softbox");

    SceneScript withDog = director.revise(context(cool, "add a dog", List.of())).scene();
    SceneScript wide =
        director.revise(context(withDog, "Wider, remove the dog.", List.of())).scene();
    assertThat(wide.cinematographyPrompt())
        .contains("Framing: wide establishing shot.")
        .contains("Without: dog.")
        .doesNotContain("Featuring dog");
  }

  @Test
  void feedbackItCannotParseStillReachesThePromptAndTheReplySaysSo() {
    SceneScript scene = director.storyboard(brief(3, 1)).get(2);
    Revision revision =
        director.revise(context(scene, "It should feel like a Sunday morning", List.of()));

    assertThat(revision.scene().cinematographyPrompt())
        .endsWith("Direction: It should feel like a Sunday morning.");
    assertThat(revision.scene().lightingNotes()).isEqualTo(scene.lightingNotes());
    assertThat(revision.reply()).startsWith("Added your direction to the shot");
  }

  @Test
  void manyLongRevisionsStayWithinThePromptLimit() {
    SceneScript scene = director.storyboard(brief(3, 1)).get(0);
    String feedback = "Make it warmer and " + "a little more like the sea at dawn ".repeat(12);
    for (int i = 0; i < 10; i++) {
      scene = director.revise(context(scene, feedback.strip(), List.of())).scene();
      assertThat(scene.cinematographyPrompt())
          .hasSizeLessThanOrEqualTo(SceneScript.MAX_PROMPT_CHARS);
    }
    assertThat(scene.cinematographyPrompt()).contains("Direction: Make it warmer");
  }

  @Test
  void aRerollIsAnotherShotWithAnotherCameraMove() {
    DirectorBrief brief = brief(3, 5);
    for (int index = 0; index < 3; index++) {
      SceneScript previous = director.storyboard(brief).get(index);
      for (int attempt = 2; attempt <= 6; attempt++) {
        SceneScript rerolled = director.reroll(brief, index, previous, attempt);
        assertThat(Shot.of(rerolled.cinematographyPrompt()))
            .isNotEqualTo(Shot.of(previous.cinematographyPrompt()));
        assertThat(FeedbackEdit.base(rerolled.cameraMovement()))
            .isNotEqualTo(FeedbackEdit.base(previous.cameraMovement()));
        assertThat(rerolled.invariantToken()).isEqualTo(previous.invariantToken());
        // Three scenes leave three unused shots: a re-roll does not repeat a neighbour's.
        assertThat(Shot.of(rerolled.cinematographyPrompt()).orElseThrow())
            .isIn(Shot.REVEAL, Shot.FLAT_LAY, Shot.SILHOUETTE);
        previous = rerolled;
      }
    }
  }

  private static DirectorBrief brief(int scenes, long seed) {
    return new DirectorBrief(
        logo,
        Optional.empty(),
        Optional.of("cinematic film grain, anamorphic flare"),
        scenes,
        seed);
  }

  private static YellowContext context(SceneScript scene, String feedback, List<Revision> before) {
    List<YellowContext.Message> history =
        before.stream()
            .map(r -> new YellowContext.Message("assistant", r.reply(), java.time.Instant.EPOCH))
            .toList();
    return new YellowContext(
        logo.brandEssencePrompt(),
        Optional.empty(),
        scene,
        0,
        history,
        List.of(),
        List.of(),
        feedback,
        logo.paletteHex());
  }
}
