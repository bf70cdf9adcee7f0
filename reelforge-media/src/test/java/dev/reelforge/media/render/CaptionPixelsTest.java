package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderListener;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.timeline.CaptionTrack;
import dev.reelforge.core.timeline.CaptionWord;
import dev.reelforge.core.timeline.Motion;
import dev.reelforge.core.timeline.Overlays;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.testing.Fixtures;
import dev.reelforge.media.testing.MediaChecks;
import dev.reelforge.media.testing.TestFfmpeg;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captions over a flat background, so that every pixel that differs from the background is caption:
 * it must lie inside the preset's safe zone, and the caption must change at word boundaries (the
 * active word moves) and not in between.
 */
class CaptionPixelsTest {

  private static final Color BACKGROUND = new Color(40, 60, 90);
  private static final int CHANGED = 40;

  @Test
  void captionsStayInTheSafeZoneAndChangeAtWordBoundaries(@TempDir Path dir) throws Exception {
    FfmpegInstallation ffmpeg = TestFfmpeg.any();
    Fixtures.flat(dir.resolve("flat.png"), 1080, 1920, BACKGROUND);
    List<CaptionWord> words = Fixtures.words(4, 500);
    Timeline timeline =
        new Timeline(
            List.of(
                Segment.of("a", 2000, VisualClip.image("flat.png", Motion.NONE)),
                Segment.of("b", 2000, VisualClip.image("flat.png", Motion.NONE))),
            Optional.empty(),
            Optional.empty(),
            CaptionTrack.of(words),
            Overlays.NONE);
    RenderPreset preset = RenderPreset.TIKTOK;
    RenderResult result =
        new RenderEngine(ffmpeg, RenderSettings.in(dir.resolve("work")), FontLibrary.shared())
            .render(
                // Standard, not draft: a draft's coarser encoding flickers more between frames
                // than the steadiness this measures allows.
                new RenderJob(
                    timeline,
                    dir,
                    List.of(preset),
                    QualityTier.STANDARD,
                    dir.resolve("out"),
                    "caps"),
                RenderListener.NONE,
                Cancellation.none());
    Path video = result.output(preset).video();
    int fps = preset.fps();
    Rectangle safe =
        new Rectangle(
            preset.safeZone().x(),
            preset.safeZone().y(),
            preset.safeZone().width(preset.width()),
            preset.safeZone().height(preset.height()));

    BufferedImage beforeSpeech = MediaChecks.frame(ffmpeg, video, 5, fps);
    assertThat(changedPixels(beforeSpeech, new Rectangle(0, 0, 1080, 1920))).isZero();

    for (int w = 0; w + 1 < words.size(); w++) {
      int boundary = (int) Math.round(words.get(w + 1).startMillis() * fps / 1000.0);
      BufferedImage before = MediaChecks.frame(ffmpeg, video, boundary - 2, fps);
      BufferedImage after = MediaChecks.frame(ffmpeg, video, boundary + 1, fps);
      Rectangle drawn = bounds(before);
      assertThat(drawn).as("caption drawn before word %d", w + 1).isNotNull();
      assertThat(safe.contains(drawn)).as("%s inside the safe zone %s", drawn, safe).isTrue();
      assertThat(safe.contains(bounds(after))).isTrue();
      assertThat(differingPixels(before, after))
          .as("caption changes at the start of word %d (%s)", w + 1, words.get(w + 1).text())
          .isGreaterThan(150);
      if (words.get(w + 1).startMillis() - words.get(w).startMillis() > 200) {
        BufferedImage within = MediaChecks.frame(ffmpeg, video, boundary - 4, fps);
        assertThat(differingPixels(before, within))
            .as("caption steady while word %d is spoken", w)
            .isLessThan(40);
      }
    }
  }

  private static int changedPixels(BufferedImage frame, Rectangle area) {
    int count = 0;
    for (int y = area.y; y < area.y + area.height; y += 2) {
      for (int x = area.x; x < area.x + area.width; x += 2) {
        if (MediaChecks.difference(frame.getRGB(x, y), BACKGROUND.getRGB()) > CHANGED) {
          count++;
        }
      }
    }
    return count;
  }

  private static Rectangle bounds(BufferedImage frame) {
    Rectangle bounds = null;
    for (int y = 0; y < frame.getHeight(); y++) {
      for (int x = 0; x < frame.getWidth(); x++) {
        if (MediaChecks.difference(frame.getRGB(x, y), BACKGROUND.getRGB()) > CHANGED) {
          Rectangle pixel = new Rectangle(x, y, 1, 1);
          bounds = bounds == null ? pixel : bounds.union(pixel);
        }
      }
    }
    return bounds;
  }

  private static int differingPixels(BufferedImage a, BufferedImage b) {
    int count = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        if (MediaChecks.difference(a.getRGB(x, y), b.getRGB(x, y)) > CHANGED) {
          count++;
        }
      }
    }
    return count;
  }
}
