package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderListener;
import dev.reelforge.core.render.RenderPreset;
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
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes the frame grabs in docs/rendering.md: one per caption style, plus right-to-left and CJK
 * samples, each taken from a real render. Run with {@code -Dreelforge.docs.write=true}; otherwise
 * it only checks that the grabs exist.
 */
class CaptionStyleGrabsTest {

  private static final Path IMAGES = Path.of("..", "docs", "images");

  @Test
  void grabsExistForEveryStyle(@TempDir Path dir) throws Exception {
    boolean write = Boolean.getBoolean("reelforge.docs.write");
    if (!write) {
      for (String style : CaptionStyle.names()) {
        assertThat(IMAGES.resolve("caption-" + style + ".png"))
            .as("run with -Dreelforge.docs.write=true to draw it")
            .exists();
      }
      return;
    }
    FfmpegInstallation ffmpeg = TestFfmpeg.any();
    Files.createDirectories(IMAGES);
    Fixtures.picture(dir.resolve("bg.png"), 1600, 1200, 3);
    List<String> english = List.of("The", "moon", "is", "slowly", "drifting", "away.");
    for (String style : CaptionStyle.names()) {
      grab(ffmpeg, dir, english, style, "caption-" + style);
    }
    FontLibrary fonts = FontLibrary.shared();
    List<String> arabic = List.of("القمر", "يبتعد", "ببطء", "عن", "الأرض");
    if (fonts.canDraw(String.join(" ", arabic), fonts.body())) {
      grab(ffmpeg, dir, arabic, "boxed", "caption-arabic");
    }
    List<String> chinese = List.of("月亮", "正在", "慢慢", "远离", "地球");
    assumeTrue(fonts.canDraw(String.join("", chinese), fonts.display()), "no CJK font here");
    grab(ffmpeg, dir, chinese, "bold-pop", "caption-chinese");
  }

  private static void grab(
      FfmpegInstallation ffmpeg, Path dir, List<String> words, String style, String name)
      throws Exception {
    List<CaptionWord> timed =
        java.util.stream.IntStream.range(0, words.size())
            .mapToObj(i -> new CaptionWord(words.get(i), 200 + i * 300L, 450 + i * 300L))
            .toList();
    Timeline timeline =
        new Timeline(
            List.of(Segment.of("s", 2200, VisualClip.image("bg.png", Motion.NONE))),
            Optional.empty(),
            Optional.empty(),
            new CaptionTrack(timed, style),
            Overlays.NONE);
    RenderPreset preset = RenderPreset.TIKTOK;
    Path video =
        new RenderEngine(ffmpeg, RenderSettings.in(dir.resolve("work")), FontLibrary.shared())
            .render(
                new RenderJob(timeline, dir, List.of(preset), QualityTier.HIGH, dir, name),
                RenderListener.NONE,
                Cancellation.none())
            .output(preset)
            .video();
    // The third word is being spoken at 0.8 s.
    BufferedImage frame = MediaChecks.frame(ffmpeg, video, 24, preset.fps());
    BufferedImage crop = frame.getSubimage(0, 1050, 1080, 500);
    BufferedImage small = new BufferedImage(540, 250, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(crop, 0, 0, 540, 250, null);
    g.dispose();
    ImageIO.write(small, "png", IMAGES.resolve(name + ".png").toFile());
  }
}
