package dev.reelforge.brand;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.BrandAnalysis.PaletteColour;
import dev.reelforge.core.brand.BrandAnalysis.Role;
import dev.reelforge.core.brand.SceneScript;
import dev.reelforge.core.brand.Scores;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.music.Mood;
import dev.reelforge.core.music.Music;
import dev.reelforge.core.timeline.BrandColours;
import dev.reelforge.core.timeline.CaptionWord;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.TimelineValidator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BrandCutTest {

  static BrandAnalysis analysis(double brightness, String wordmark) {
    return new BrandAnalysis(
        List.of(
            new PaletteColour("#ffffff", 0.7, Role.BACKGROUND),
            new PaletteColour("#d62828", 0.25, Role.SUBJECT),
            new PaletteColour("#003049", 0.05, Role.SUBJECT)),
        new BrandAnalysis.Look(brightness, 0.5, 0.4, 0.3),
        new BrandAnalysis.Texture(0.1, 0.1),
        wordmark == null
            ? BrandAnalysis.TextPresence.none("heuristic")
            : new BrandAnalysis.TextPresence(true, wordmark, 0.1, "tesseract"),
        new BrandAnalysis.Quality(1024, 1024, 0.9, 0.0, 1.0),
        new Scores(0.2, 0.5, 0.8, 0.9),
        "Bold crimson (#d62828) mark on white",
        List.of("crimson circle"),
        Optional.empty(),
        "test");
  }

  private static List<Scene> scenes() {
    Instant now = Instant.parse("2026-12-06T10:00:00Z");
    return List.of(
        Scene.written(UUID.randomUUID(), 0, script("The mark appears"), now)
            .produced("k0", 5.0, "local", true, 10, now),
        Scene.written(UUID.randomUUID(), 1, script("Crafted with care"), now)
            .produced("k1", 5.0, "local", true, 10, now));
  }

  private static SceneScript script(String caption) {
    return new SceneScript(
        "hero shot #d62828", "slow orbit", "soft key", "crimson circle", caption);
  }

  private static Music music() {
    return new Music(
        Path.of("music.wav"),
        10_000,
        Mood.CALM,
        90,
        new MediaLicence("procedural", "ReelForge", "CC0", ""));
  }

  @Test
  void theSubjectsColourLeadsAndTheTextReadsOnIt() {
    BrandColours colours = BrandCut.colours(analysis(0.8, null));
    assertThat(colours.primary()).isEqualTo("#d62828");
    assertThat(colours.accent()).isEqualTo("#ffffff");
    assertThat(colours.text()).isEqualTo("#ffffff");
  }

  @Test
  void aValidTimelineWithClipsCaptionsTitleMusicAndBrandColours() {
    BrandCut cut = BrandCut.of(scenes(), analysis(0.8, null));
    Timeline timeline = cut.timeline(music());
    TimelineValidator.validate(timeline);
    assertThat(timeline.durationMillis()).isEqualTo(10_000);
    assertThat(timeline.segments())
        .extracting(s -> s.visual().source())
        .containsExactly("clip-0.mp4", "clip-1.mp4");
    assertThat(timeline.overlays().hook().orElseThrow().text()).isEqualTo("The mark appears");
    assertThat(timeline.overlays().brand()).isPresent();
    // The first caption is the title, so captions start with the second scene's words.
    assertThat(timeline.captions().words())
        .extracting(CaptionWord::text)
        .containsExactly("Crafted", "with", "care");
    assertThat(timeline.captions().words().getFirst().startMillis()).isGreaterThanOrEqualTo(5000);
    assertThat(timeline.music().orElseThrow().source()).isEqualTo("music.wav");
  }

  @Test
  void aWordmarkReadInTheImageBecomesTheTitleAndEverySceneIsCaptioned() {
    Timeline timeline = BrandCut.of(scenes(), analysis(0.8, "ACME")).timeline(music());
    assertThat(timeline.overlays().hook().orElseThrow().text()).isEqualTo("ACME");
    assertThat(timeline.captions().words())
        .extracting(CaptionWord::text)
        .startsWith("The", "mark", "appears");
  }

  @Test
  void wordsAreSpreadInOrderWithinTheirSpan() {
    List<CaptionWord> words = BrandCut.spread("Made for everyday ritual", 1000, 4000);
    assertThat(words).hasSize(4);
    for (int i = 1; i < words.size(); i++) {
      assertThat(words.get(i).startMillis()).isEqualTo(words.get(i - 1).endMillis());
    }
    assertThat(words.getLast().endMillis()).isLessThanOrEqualTo(4000);
  }

  @Test
  void darkBrandsGetMysteriousMusic() {
    assertThat(BrandCut.moodOf(analysis(0.2, null))).isEqualTo(Mood.MYSTERIOUS);
    assertThat(BrandCut.moodOf(analysis(0.8, null))).isEqualTo(Mood.UPLIFTING);
  }
}
