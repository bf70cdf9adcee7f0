package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderListener;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.RenderedOutput;
import dev.reelforge.core.timeline.CaptionTrack;
import dev.reelforge.core.timeline.Motion;
import dev.reelforge.core.timeline.Overlays;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.testing.Fixtures;
import dev.reelforge.media.testing.MediaChecks;
import dev.reelforge.media.testing.TestFfmpeg;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailTest {

  @Test
  void theSharpVisualIsChosenOverBlackAndBlurredOnesAndCarriesTheHook(@TempDir Path dir)
      throws Exception {
    Fixtures.flat(dir.resolve("black.png"), 1080, 1920, Color.BLACK);
    Path sharp = Fixtures.picture(dir.resolve("sharp.png"), 1080, 1920, 7);
    BufferedImage blurred = blur(ImageIO.read(sharp.toFile()));
    ImageIO.write(blurred, "png", dir.resolve("blurred.png").toFile());
    Timeline timeline =
        new Timeline(
            List.of(
                Segment.of("black", 1000, VisualClip.image("black.png", Motion.NONE)),
                Segment.of("blurred", 1000, VisualClip.image("blurred.png", Motion.NONE)),
                Segment.of("sharp", 1000, VisualClip.image("sharp.png", Motion.NONE))),
            Optional.empty(),
            Optional.empty(),
            CaptionTrack.NONE,
            new Overlays(
                Optional.of(new Overlays.HookTitle("Pick me", 0, 1000)), Optional.empty()));
    RenderedOutput output =
        new RenderEngine(
                TestFfmpeg.any(), RenderSettings.in(dir.resolve("work")), FontLibrary.shared())
            .render(
                new RenderJob(
                    timeline, dir, List.of(RenderPreset.REELS), QualityTier.DRAFT, dir, "t"),
                RenderListener.NONE,
                Cancellation.none())
            .output(RenderPreset.REELS);

    BufferedImage thumbnail = ImageIO.read(output.thumbnail().toFile());
    BufferedImage original = ImageIO.read(sharp.toFile());
    // Below the title the thumbnail is the sharp picture (JPEG aside)...
    int y = 1200;
    int differing = 0;
    for (int x = 0; x < 1080; x++) {
      if (MediaChecks.difference(thumbnail.getRGB(x, y), original.getRGB(x, y)) > 30) {
        differing++;
      }
    }
    assertThat(differing).isLessThan(20);
    // ...and the title is drawn at the top of the safe zone, over it.
    int top = RenderPreset.REELS.safeZone().top();
    int titlePixels = 0;
    for (int yy = top; yy < top + 250; yy++) {
      for (int x = 0; x < 1080; x++) {
        if (MediaChecks.difference(thumbnail.getRGB(x, yy), original.getRGB(x, yy)) > 80) {
          titlePixels++;
        }
      }
    }
    assertThat(titlePixels).isGreaterThan(5000);
  }

  @Test
  void aRenderCanLeaveTheThumbnailsToALaterCallThatMakesTheSameOnes(@TempDir Path dir)
      throws Exception {
    Timeline timeline = Fixtures.story(dir, 4, 2);
    RenderEngine engine =
        new RenderEngine(
            TestFfmpeg.any(), RenderSettings.in(dir.resolve("work")), FontLibrary.shared());
    List<RenderPreset> presets = List.of(RenderPreset.TIKTOK, RenderPreset.SQUARE);
    RenderJob together =
        new RenderJob(timeline, dir, presets, QualityTier.DRAFT, dir.resolve("together"), "t");
    engine.render(together, RenderListener.NONE, Cancellation.none());
    RenderJob apart =
        new RenderJob(timeline, dir, presets, QualityTier.DRAFT, dir.resolve("apart"), "t")
            .withoutThumbnails();

    RenderResult rendered = engine.render(apart, RenderListener.NONE, Cancellation.none());
    for (RenderPreset preset : presets) {
      assertThat(rendered.output(preset).thumbnail()).isEqualTo(apart.thumbnailFile(preset));
      assertThat(apart.thumbnailFile(preset)).doesNotExist();
    }
    List<Path> made = engine.thumbnails(apart, Cancellation.none());

    assertThat(made)
        .containsExactly(apart.thumbnailFile(presets.get(0)), apart.thumbnailFile(presets.get(1)));
    for (RenderPreset preset : presets) {
      BufferedImage image = ImageIO.read(apart.thumbnailFile(preset).toFile());
      assertThat(image.getWidth()).isEqualTo(preset.width());
      assertThat(image.getHeight()).isEqualTo(preset.height());
      assertThat(apart.thumbnailFile(preset))
          .hasSameBinaryContentAs(together.thumbnailFile(preset));
    }
  }

  private static BufferedImage blur(BufferedImage image) {
    float[] kernel = new float[21 * 21];
    Arrays.fill(kernel, 1f / kernel.length);
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    rgb.getGraphics().drawImage(image, 0, 0, null);
    return new ConvolveOp(new Kernel(21, 21, kernel), ConvolveOp.EDGE_NO_OP, null)
        .filter(rgb, null);
  }
}
