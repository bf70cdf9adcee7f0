package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderListener;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.timeline.CaptionTrack;
import dev.reelforge.core.timeline.Motion;
import dev.reelforge.core.timeline.Overlays;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.Transition;
import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.probe.MediaProbe;
import dev.reelforge.media.testing.Fixtures;
import dev.reelforge.media.testing.MediaChecks;
import dev.reelforge.media.testing.TestFfmpeg;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ken Burns motion, framing of off-aspect footage, and transitions, measured on the pixels. */
class MotionAndFramingTest {

  @TempDir Path dir;
  FfmpegInstallation ffmpeg;

  @BeforeEach
  void ffmpeg() {
    ffmpeg = TestFfmpeg.withProbe();
  }

  private Path render(List<Segment> segments, QualityTier tier) {
    Timeline timeline =
        new Timeline(
            segments, Optional.empty(), Optional.empty(), CaptionTrack.NONE, Overlays.NONE);
    return new RenderEngine(ffmpeg, RenderSettings.in(dir.resolve("work")), FontLibrary.shared())
        .render(
            new RenderJob(
                timeline, dir, List.of(RenderPreset.TIKTOK), tier, dir.resolve("out"), "m"),
            RenderListener.NONE,
            Cancellation.none())
        .output(RenderPreset.TIKTOK)
        .video();
  }

  @Test
  void kenBurnsPanMovesAtAnEvenSubPixelPace() throws Exception {
    // A thin bright bar on black: its centroid, tracked frame by frame, shows any jitter.
    BufferedImage bar = new BufferedImage(1080, 1920, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = bar.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(537, 0, 6, 1920);
    g.dispose();
    ImageIO.write(bar, "png", dir.resolve("bar.png").toFile());
    Motion pan = new Motion(1.15, 0.45, 0.5, 1.15, 0.55, 0.5);
    Path video =
        render(
            List.of(Segment.of("pan", 2000, VisualClip.image("bar.png", pan))),
            QualityTier.STANDARD);

    List<double[]> frames = MediaChecks.stripLuma(ffmpeg, video, 1080, 900, 64);
    assertThat(frames).hasSize(60);
    double[] centroid = frames.stream().mapToDouble(MotionAndFramingTest::centroid).toArray();
    double expectedStep = (centroid[59] - centroid[0]) / 59;
    // The window moves right, so the bar moves left by about 2.1 output pixels a frame.
    assertThat(expectedStep).isCloseTo(-(0.10 * 1080 * 1.15) / 59, within(0.2));
    double worst = 0;
    for (int i = 1; i < centroid.length; i++) {
      worst = Math.max(worst, Math.abs(centroid[i] - centroid[i - 1] - expectedStep));
    }
    // Whole-pixel motion (zoompan) would be off by up to half a pixel every other frame.
    assertThat(worst).as("largest deviation from an even step, in pixels").isLessThan(0.25);
  }

  @Test
  void widescreenFootageIsCoverCroppedToVerticalWithoutBars() throws Exception {
    MediaChecks.testVideo(ffmpeg, dir.resolve("wide.mp4"), 1280, 720, 3);
    Path video =
        render(
            List.of(Segment.of("wide", 1500, VisualClip.video("wide.mp4", 500, Optional.empty()))),
            QualityTier.STANDARD);
    var info = new MediaProbe(ffmpeg, Duration.ofSeconds(20)).probe(video);
    assertThat(info.video().orElseThrow().width()).isEqualTo(1080);
    assertThat(info.video().orElseThrow().height()).isEqualTo(1920);
    BufferedImage frame = MediaChecks.frame(ffmpeg, video, 10, 30);
    assertThat(MediaChecks.meanLuma(frame.getSubimage(0, 0, 1080, 40))).isGreaterThan(20);
    assertThat(MediaChecks.meanLuma(frame.getSubimage(0, 1880, 1080, 40))).isGreaterThan(20);
  }

  @Test
  void fittedFootageSitsOverABlurredCopyAndAShortClipHoldsItsLastFrame() throws Exception {
    MediaChecks.testVideo(ffmpeg, dir.resolve("wide.mp4"), 1280, 720, 1);
    Path video =
        render(
            List.of(
                Segment.of(
                    "fit",
                    2000,
                    VisualClip.video("wide.mp4", 0, Optional.of(800L))
                        .withFit(VisualClip.Fit.FIT))),
            QualityTier.STANDARD);
    var info = new MediaProbe(ffmpeg, Duration.ofSeconds(20)).probe(video);
    assertThat(info.durationSeconds()).isCloseTo(2.0, within(0.05));
    BufferedImage late = MediaChecks.frame(ffmpeg, video, 55, 30);
    // The fitted picture is 1080x608 in the middle; above it, the blurred copy (not black).
    assertThat(MediaChecks.meanLuma(late.getSubimage(0, 100, 1080, 200))).isGreaterThan(15);
    BufferedImage held = MediaChecks.frame(ffmpeg, video, 40, 30);
    assertThat(MediaChecks.meanLuma(held)).isCloseTo(MediaChecks.meanLuma(late), within(3.0));
  }

  @Test
  void aFadeThroughBlackDarkensTheCutBetweenSegments() throws Exception {
    Fixtures.flat(dir.resolve("red.png"), 1080, 1920, new Color(220, 60, 60));
    Fixtures.flat(dir.resolve("green.png"), 1080, 1920, new Color(60, 200, 90));
    Path video =
        render(
            List.of(
                Segment.of("red", 2000, VisualClip.image("red.png", Motion.NONE)),
                Segment.of("green", 2000, VisualClip.image("green.png", Motion.NONE))
                    .withTransitionIn(Transition.fadeThroughBlack(600))),
            QualityTier.STANDARD);
    double middleOfRed = MediaChecks.meanLuma(MediaChecks.frame(ffmpeg, video, 30, 30));
    double lastOfRed = MediaChecks.meanLuma(MediaChecks.frame(ffmpeg, video, 59, 30));
    double firstOfGreen = MediaChecks.meanLuma(MediaChecks.frame(ffmpeg, video, 60, 30));
    double middleOfGreen = MediaChecks.meanLuma(MediaChecks.frame(ffmpeg, video, 100, 30));
    assertThat(lastOfRed).isLessThan(middleOfRed * 0.2);
    assertThat(firstOfGreen).isLessThan(middleOfGreen * 0.2);
    assertThat(middleOfGreen).isGreaterThan(100);
  }

  private static double centroid(double[] columns) {
    double sum = 0;
    double weighted = 0;
    for (int x = 0; x < columns.length; x++) {
      double v = Math.max(0, columns[x] - 30);
      sum += v;
      weighted += v * x;
    }
    return weighted / sum;
  }
}
