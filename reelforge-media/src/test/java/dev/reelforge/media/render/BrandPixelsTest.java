package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderListener;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.render.RenderedOutput;
import dev.reelforge.core.render.SafeZone;
import dev.reelforge.core.timeline.BrandColours;
import dev.reelforge.core.timeline.CaptionTrack;
import dev.reelforge.core.timeline.CaptionWord;
import dev.reelforge.core.timeline.Motion;
import dev.reelforge.core.timeline.Overlays;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.media.captions.CaptionStyle;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.testing.Fixtures;
import dev.reelforge.media.testing.MediaChecks;
import dev.reelforge.media.testing.TestFfmpeg;
import java.awt.Color;
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
 * Brand colours in rendered video, over a flat grey so that every colour drawn can be told apart:
 * the hook sits on a panel of the primary colour, the spoken word is in the accent and the other
 * words in the brand's text colour; the thumbnail's title is on the primary too. The same timeline
 * without brand colours keeps the renderer's own look (white words, the spoken one yellow, an
 * outlined hook with no panel).
 */
class BrandPixelsTest {

  private static final Color BACKGROUND = new Color(128, 128, 128);
  private static final BrandColours BRAND = new BrandColours("#1e3a8a", "#ff5fa2", "#a7f3d0");
  private static final Color PRIMARY = new Color(0x1e3a8a);
  private static final Color ACCENT = new Color(0xff5fa2);
  private static final Color TEXT = new Color(0xa7f3d0);
  private static final Color YELLOW = CaptionStyle.BOLD_POP.highlight();

  /** How far a decoded pixel may stray from the colour drawn (4:2:0 chroma and H.264 aside). */
  private static final int NEAR = 28;

  private static final long HOOK_END = 1500;
  private static final long FIRST_WORD = 1600;
  private static final long WORD_STEP = 400;

  @Test
  void brandColoursColourTheHookPanelTheSpokenWordAndTheCaptions(@TempDir Path dir)
      throws Exception {
    FfmpegInstallation ffmpeg = TestFfmpeg.any();
    Fixtures.flat(dir.resolve("flat.png"), 1080, 1920, BACKGROUND);
    RenderPreset preset = RenderPreset.TIKTOK;
    RenderedOutput branded = render(ffmpeg, dir, Optional.of(BRAND), "branded");
    RenderedOutput plain = render(ffmpeg, dir, Optional.empty(), "plain");
    int fps = preset.fps();
    SafeZone zone = preset.safeZone();
    Rectangle safe =
        new Rectangle(zone.x(), zone.y(), zone.width(preset.width()), zone.height(preset.height()));
    Rectangle top = new Rectangle(0, 0, preset.width(), preset.height() / 2);
    Rectangle bottom = new Rectangle(0, preset.height() / 2, preset.width(), preset.height() / 2);

    // The hook, half a second in.
    BufferedImage brandedHook = MediaChecks.frame(ffmpeg, branded.video(), fps / 2, fps);
    BufferedImage plainHook = MediaChecks.frame(ffmpeg, plain.video(), fps / 2, fps);
    int panel = near(brandedHook, top, PRIMARY).count();
    assertThat(panel).as("the hook's panel is the primary colour").isGreaterThan(60_000);
    assertThat(near(brandedHook, top, TEXT).count())
        .as("its letters are the brand's text colour")
        .isGreaterThan(3_000);
    assertThat(safe.contains(changed(brandedHook))).as("the panel stays in the safe zone").isTrue();
    assertThat(near(plainHook, top, PRIMARY).count()).as("no panel without a brand").isLessThan(50);
    assertThat(near(plainHook, top, Color.WHITE).count())
        .as("white outlined letters without a brand")
        .isGreaterThan(3_000);

    // Captions: the first word is spoken, then the second (both on the first line).
    int[] frames = {activeFrame(0, fps), activeFrame(1, fps)};
    List<Rectangle> accentWhere = new ArrayList<>();
    for (int frame : frames) {
      BufferedImage b = MediaChecks.frame(ffmpeg, branded.video(), frame, fps);
      BufferedImage p = MediaChecks.frame(ffmpeg, plain.video(), frame, fps);
      Near accent = near(b, bottom, ACCENT);
      Rectangle caption = changed(b);
      assertThat(accent.count()).as("the spoken word is in the accent").isGreaterThan(1_000);
      assertThat(near(b, bottom, TEXT).count())
          .as("the other words are in the brand's text colour")
          .isGreaterThan(2_000);
      assertThat(caption.contains(accent.bounds())).isTrue();
      assertThat(accent.bounds().width)
          .as("only one word is in the accent")
          .isLessThan(caption.width / 2);
      assertThat(safe.contains(caption)).isTrue();
      accentWhere.add(accent.bounds());

      assertThat(near(p, bottom, YELLOW).count())
          .as("without a brand the spoken word is bold-pop's yellow")
          .isGreaterThan(1_000);
      assertThat(near(p, bottom, ACCENT).count()).isLessThan(50);
      assertThat(near(p, bottom, TEXT).count()).isLessThan(50);
    }
    assertThat(accentWhere.get(1).x)
        .as("the accent moves with the spoken word")
        .isGreaterThan(accentWhere.get(0).x + accentWhere.get(0).width / 2);

    // The thumbnail's title sits on the primary colour too.
    BufferedImage thumbnail = ImageIO.read(branded.thumbnail().toFile());
    BufferedImage plainThumbnail = ImageIO.read(plain.thumbnail().toFile());
    int thumbnailPanel = near(thumbnail, top, PRIMARY).count();
    assertThat(thumbnailPanel).isGreaterThan(60_000);
    assertThat(near(plainThumbnail, top, PRIMARY).count()).isLessThan(50);
  }

  private static RenderedOutput render(
      FfmpegInstallation ffmpeg, Path dir, Optional<BrandColours> brand, String name)
      throws Exception {
    List<CaptionWord> words = new ArrayList<>();
    String[] text = {"one", "two", "three", "four"};
    for (int i = 0; i < text.length; i++) {
      long start = FIRST_WORD + i * WORD_STEP;
      words.add(new CaptionWord(text[i], start, start + WORD_STEP - 50));
    }
    Timeline timeline =
        new Timeline(
            List.of(
                Segment.of(
                    "a",
                    FIRST_WORD + text.length * WORD_STEP + 300,
                    VisualClip.image("flat.png", Motion.NONE))),
            Optional.empty(),
            Optional.empty(),
            CaptionTrack.of(words),
            new Overlays(
                Optional.of(new Overlays.HookTitle("Brand colours on the hook", 0, HOOK_END)),
                Optional.empty(),
                brand));
    RenderPreset preset = RenderPreset.TIKTOK;
    return new RenderEngine(ffmpeg, RenderSettings.in(dir.resolve("work")), FontLibrary.shared())
        .render(
            new RenderJob(
                timeline, dir, List.of(preset), QualityTier.STANDARD, dir.resolve(name), name),
            RenderListener.NONE,
            Cancellation.none())
        .output(preset);
  }

  /** The middle of word {@code index}'s time. */
  private static int activeFrame(int index, int fps) {
    return (int) ((FIRST_WORD + index * WORD_STEP + WORD_STEP / 2) * fps / 1000);
  }

  /** How many pixels of {@code area} are near {@code colour}, and the box around them. */
  private static Near near(BufferedImage frame, Rectangle area, Color colour) {
    int count = 0;
    Rectangle bounds = null;
    for (int y = area.y; y < area.y + area.height; y++) {
      for (int x = area.x; x < area.x + area.width; x++) {
        if (MediaChecks.difference(frame.getRGB(x, y), colour.getRGB()) <= NEAR) {
          count++;
          Rectangle pixel = new Rectangle(x, y, 1, 1);
          bounds = bounds == null ? pixel : bounds.union(pixel);
        }
      }
    }
    return new Near(count, bounds);
  }

  private record Near(int count, Rectangle bounds) {}

  /** The box around every pixel that differs from the background. */
  private static Rectangle changed(BufferedImage frame) {
    Rectangle bounds = null;
    for (int y = 0; y < frame.getHeight(); y++) {
      for (int x = 0; x < frame.getWidth(); x++) {
        if (MediaChecks.difference(frame.getRGB(x, y), BACKGROUND.getRGB()) > 40) {
          Rectangle pixel = new Rectangle(x, y, 1, 1);
          bounds = bounds == null ? pixel : bounds.union(pixel);
        }
      }
    }
    return bounds;
  }
}
