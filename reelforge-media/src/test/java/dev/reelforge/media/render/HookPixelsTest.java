package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderListener;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.SafeZone;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook in rendered video, in every preset: while it is up, everything drawn stays inside the
 * safe zone and no caption is burned in (the narration speaks the hook's own words then); once it
 * is gone, the captions appear.
 */
class HookPixelsTest {

  private static final Color BACKGROUND = new Color(40, 60, 90);
  private static final int CHANGED = 40;
  private static final String HOOK =
      "The Moon is drifting away from Earth by about 3.8 centimetres every year";
  private static final long HOOK_END = 2000;

  @Test
  void theHookStaysInTheSafeZoneAndCaptionsWaitUntilItIsGone(@TempDir Path dir) throws Exception {
    FfmpegInstallation ffmpeg = TestFfmpeg.any();
    Fixtures.flat(dir.resolve("flat.png"), 1080, 1920, BACKGROUND);
    List<CaptionWord> words = new ArrayList<>();
    long t = 200;
    for (String word : (HOOK + ".").split(" ")) {
      words.add(new CaptionWord(word, t, t + 250));
      t += 280;
    }
    Timeline timeline =
        new Timeline(
            List.of(Segment.of("a", t + 300, VisualClip.image("flat.png", Motion.NONE))),
            Optional.empty(),
            Optional.empty(),
            CaptionTrack.of(words),
            new Overlays(Optional.of(new Overlays.HookTitle(HOOK, 0, HOOK_END)), Optional.empty()));
    List<RenderPreset> presets = List.of(RenderPreset.values());
    RenderResult result =
        new RenderEngine(ffmpeg, RenderSettings.in(dir.resolve("work")), FontLibrary.shared())
            .render(
                new RenderJob(timeline, dir, presets, QualityTier.DRAFT, dir.resolve("out"), "h")
                    .withoutThumbnails(),
                RenderListener.NONE,
                Cancellation.none());

    for (RenderPreset preset : presets) {
      Path video = result.output(preset).video();
      int fps = preset.fps();
      SafeZone zone = preset.safeZone();
      Rectangle safe =
          new Rectangle(
              zone.x(), zone.y(), zone.width(preset.width()), zone.height(preset.height()));
      int middle = preset.height() / 2;

      BufferedImage hookUp = MediaChecks.frame(ffmpeg, video, fps, fps);
      Rectangle drawn = bounds(hookUp, 0, preset.height());
      assertThat(drawn).as(preset.id()).isNotNull();
      assertThat(safe.contains(drawn)).as("%s: %s inside %s", preset.id(), drawn, safe).isTrue();
      assertThat(drawn.y + drawn.height)
          .as(preset.id() + ": the hook only, at the top")
          .isLessThan(middle);

      int after = (int) ((HOOK_END + 600) * fps / 1000);
      BufferedImage hookGone = MediaChecks.frame(ffmpeg, video, after, fps);
      Rectangle captions = bounds(hookGone, 0, preset.height());
      assertThat(captions).as(preset.id() + ": captions after the hook").isNotNull();
      assertThat(captions.y)
          .as(preset.id() + ": captions, not the hook")
          .isGreaterThan(drawn.y + drawn.height);
      assertThat(safe.contains(captions)).as(preset.id()).isTrue();
    }
  }

  /** The box around every pixel that differs from the background, or null. */
  private static Rectangle bounds(BufferedImage frame, int fromY, int toY) {
    Rectangle bounds = null;
    for (int y = fromY; y < toY; y++) {
      for (int x = 0; x < frame.getWidth(); x++) {
        if (MediaChecks.difference(frame.getRGB(x, y), BACKGROUND.getRGB()) > CHANGED) {
          Rectangle pixel = new Rectangle(x, y, 1, 1);
          bounds = bounds == null ? pixel : bounds.union(pixel);
        }
      }
    }
    return bounds;
  }
}
