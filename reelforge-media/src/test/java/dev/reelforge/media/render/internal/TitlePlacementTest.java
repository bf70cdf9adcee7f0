package dev.reelforge.media.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.render.SafeZone;
import dev.reelforge.core.timeline.BrandColours;
import dev.reelforge.core.timeline.CaptionTrack;
import dev.reelforge.core.timeline.CaptionWord;
import dev.reelforge.core.timeline.Overlays;
import dev.reelforge.media.captions.FontLibrary;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook as the render overlays it (the band picture and where it goes), in every preset: its
 * pixels stay inside the safe zone and above the captions; and burned-in captions stay hidden while
 * it is up.
 */
class TitlePlacementTest {

  private static final List<String> HOOKS =
      List.of(
          "The Moon is drifting away from Earth by about 3.8 centimetres every year",
          "The cause is the tide: Earth's oceans bulge toward the Moon, and because Earth spins"
              + " faster than the Moon orbits, that…",
          "In 2010, scientists found that the deepest part of the ocean is 10,994 m below the"
              + " surface, deeper than Everest is tall",
          "Octopuses have three hearts",
          "Pneumonoultramicroscopicsilicovolcanoconiosis explained");

  private static final Optional<BrandColours> BRAND =
      Optional.of(new BrandColours("#1e3a8a", "#ff5fa2", "#a7f3d0"));

  @Test
  void everyHookStaysInsideTheSafeZoneAndAboveTheCaptionsInEveryPreset(@TempDir Path dir)
      throws Exception {
    for (RenderPreset preset : RenderPreset.values()) {
      Canvas canvas = Canvas.of(preset);
      OverlayPictures pictures =
          new OverlayPictures(FontLibrary.shared(), canvas, dir.resolve("cache"), dir);
      int captionTop =
          new CaptionOverlay(FontLibrary.shared(), CaptionTrack.of(words("a b c")), canvas).bandY();
      for (String hook : HOOKS) {
        for (Optional<BrandColours> brand : List.of(Optional.<BrandColours>empty(), BRAND)) {
          checkHook(pictures.hook(hook, brand, 0, 30), preset, captionTop, hook, brand);
        }
      }
    }
  }

  private static void checkHook(
      TimedImage placed,
      RenderPreset preset,
      int captionTop,
      String hook,
      Optional<BrandColours> brand)
      throws Exception {
    Canvas canvas = Canvas.of(preset);
    SafeZone zone = canvas.safeZone();
    BufferedImage band = ImageIO.read(placed.file().toFile());
    Rectangle ink = Ink.bounds(band);
    String where = preset.id() + (brand.isPresent() ? " (branded): " : ": ") + hook;
    assertThat(ink).as(where).isNotNull();
    int left = placed.x() + ink.x;
    int top = placed.y() + ink.y;
    assertThat(left).as(where).isGreaterThanOrEqualTo(zone.x());
    assertThat(left + ink.width).as(where).isLessThanOrEqualTo(preset.width() - zone.right());
    assertThat(top).as(where).isGreaterThanOrEqualTo(zone.top());
    assertThat(top + ink.height)
        .as(where)
        .isLessThanOrEqualTo(
            (int) Math.ceil(TitleBoxes.hookTop(canvas) + TitleBoxes.hook(canvas).maxHeight()))
        .isLessThan(captionTop);
    // The title is set large: its ink takes a real share of the safe zone's width.
    assertThat(ink.width).as(where).isGreaterThan(zone.width(preset.width()) / 3);
    // A branded hook sits on its primary panel: the band's centre is the primary colour.
    brand.ifPresent(
        b ->
            assertThat(band.getRGB(band.getWidth() / 2, 2) & 0xffffff)
                .as(where)
                .isEqualTo(BrandColours.rgb(b.primary())));
  }

  @Test
  void noBurnedInCaptionShowsWhileTheHookIsUpButTheSubtitlesKeepEveryWord() {
    String hook = "The Moon is drifting away from Earth by about 3.8 centimetres every year";
    List<CaptionWord> words =
        words(hook + ". Lasers fired from observatories bounce off mirrors on the surface.");
    // The hook is up while its own words are spoken, as StoryTimeline times it.
    long hookEnd = words.get(13).startMillis();
    CaptionOverlay overlay =
        new CaptionOverlay(
            FontLibrary.shared(),
            CaptionTrack.of(words),
            Canvas.of(RenderPreset.TIKTOK),
            Optional.of(new Overlays.HookTitle(hook, 0, hookEnd)));

    assertThat(overlay.states()).isNotEmpty();
    for (CaptionOverlay.State state : overlay.states()) {
      assertThat(state.startMillis()).isGreaterThanOrEqualTo(hookEnd);
      assertThat(words.get(state.activeWord()).startMillis()).isGreaterThanOrEqualTo(hookEnd);
    }
    assertThat(words.get(overlay.states().getFirst().activeWord()).text()).isEqualTo("Lasers");
    // The pages, which the SRT and WebVTT files are written from, still hold every word, and the
    // first page after the hook starts with its first word.
    List<Integer> paged = new ArrayList<>();
    overlay.pages().forEach(p -> p.lines().forEach(l -> paged.addAll(l.wordIndexes())));
    assertThat(paged).hasSize(words.size());
    assertThat(overlay.pages()).anySatisfy(p -> assertThat(p.firstWord()).isEqualTo(13));

    // Without a hook every word is burned in.
    CaptionOverlay plain =
        new CaptionOverlay(
            FontLibrary.shared(), CaptionTrack.of(words), Canvas.of(RenderPreset.TIKTOK));
    assertThat(plain.states().getFirst().startMillis()).isEqualTo(words.getFirst().startMillis());
  }

  private static List<CaptionWord> words(String text) {
    List<CaptionWord> words = new ArrayList<>();
    long t = 200;
    for (String word : text.split(" ")) {
      words.add(new CaptionWord(word, t, t + 250));
      t += word.endsWith(".") ? 600 : 300;
    }
    return words;
  }
}
