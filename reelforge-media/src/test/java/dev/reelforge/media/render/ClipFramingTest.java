package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.process.ExternalCommand;
import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderListener;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.timeline.CaptionTrack;
import dev.reelforge.core.timeline.Framing;
import dev.reelforge.core.timeline.Overlays;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.probe.MediaProbe;
import dev.reelforge.media.testing.MediaChecks;
import dev.reelforge.media.testing.TestFfmpeg;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Footage framed the way the clips feature frames it: a cover crop kept on a point of the picture
 * (still or panning), and the whole picture over a blurred copy for sources of any shape. Measured
 * on the pixels of a marker drawn at a known place in a synthetic landscape source.
 */
class ClipFramingTest {

  /** The source's size and the marker's centre, as a fraction of its width. */
  private static final int SOURCE_W = 1280;

  private static final int SOURCE_H = 720;

  /** 1280x720 cover-scaled to 1920 rows is 3413.3 px wide (FFmpeg rounds it to 3414). */
  private static final double SCALE = 1920.0 / SOURCE_H;

  @TempDir Path dir;
  FfmpegInstallation ffmpeg;

  @BeforeEach
  void ffmpeg() {
    ffmpeg = TestFfmpeg.withProbe();
  }

  @Test
  void aStillFramingKeepsItsPointAtTheCentreOfTheVerticalFrame() throws Exception {
    marker(dir.resolve("wide.mp4"), 0.2, 2);
    Path framed = render("framed", clip(1500, Framing.at(0.2, 0.5)));
    // Same work folder, same source and times, only the framing differs: a cache hit on the first
    // render's segment would put the marker where it is not.
    Path centred = render("centred", clip(1500, Framing.CENTRE));

    double[] row = MediaChecks.stripLuma(ffmpeg, framed, 1080, 900, 64).get(20);
    assertThat(centroid(row)).as("marker column").isCloseTo(540, within(3.0));
    double[] centredRow = MediaChecks.stripLuma(ffmpeg, centred, 1080, 900, 64).get(20);
    // The centred crop shows source columns 437..842: the marker at 256 is outside it.
    assertThat(max(centredRow)).isLessThan(40);
    assertThat(Files.list(dir.resolve("work/cache/segments")).count()).isEqualTo(2);
  }

  @Test
  void aFramingNearTheEdgeIsClampedInsideThePicture() throws Exception {
    marker(dir.resolve("wide.mp4"), 0.03, 1);
    // Centring on 3 % of the width would need picture left of the source: the window stops at the
    // left edge, so the marker shows at its scaled place from that edge.
    Path video = render("edge", clip(800, Framing.at(0.0, 0.5)));
    double[] row = MediaChecks.stripLuma(ffmpeg, video, 1080, 900, 64).get(10);
    assertThat(centroid(row)).isCloseTo(0.03 * SOURCE_W * SCALE, within(3.0));
  }

  @Test
  void aMovingFramingPansLinearlyFromStartToEnd() throws Exception {
    marker(dir.resolve("wide.mp4"), 0.3, 3);
    // The window's centre moves from 20 % to 40 % of the scaled picture's width over 60 frames, so
    // the marker (at 30 %) moves left by 0.2 * 3414 / 59 = 11.6 px a frame.
    Path video = render("pan", clip(2000, new Framing(0.2, 0.5, 0.4, 0.5)));

    List<double[]> frames = MediaChecks.stripLuma(ffmpeg, video, 1080, 900, 64);
    assertThat(frames).hasSize(60);
    double scaledWidth = 3414;
    double marker = 0.3 * SOURCE_W * SCALE;
    for (int i = 0; i < frames.size(); i++) {
      double windowCentre = (0.2 + 0.2 * i / 59.0) * scaledWidth;
      double expected = marker - (windowCentre - 540);
      assertThat(centroid(frames.get(i)))
          .as("marker at frame " + i)
          .isCloseTo(expected, within(2.5));
    }
  }

  static Stream<int[]> sourceShapes() {
    return Stream.of(
        new int[] {1280, 720}, // 16:9
        new int[] {720, 1280}, // already vertical: fills the frame exactly
        new int[] {1080, 1080}, // square
        new int[] {1920, 800}, // scope
        new int[] {854, 480}, // scales to an odd height
        new int[] {480, 640}); // 3:4 portrait, narrower than 9:16 is wide
  }

  @ParameterizedTest
  @MethodSource("sourceShapes")
  void fittedFootageOfAnyShapeShowsWholeOverItsBlurredCopy(int[] shape) throws Exception {
    int w = shape[0];
    int h = shape[1];
    bordered(dir.resolve("src.mp4"), w, h);
    Segment segment =
        Segment.of(
            "fit",
            800,
            VisualClip.video("src.mp4", 0, Optional.empty()).withFit(VisualClip.Fit.FIT));
    for (RenderPreset preset : List.of(RenderPreset.TIKTOK, RenderPreset.YOUTUBE)) {
      Path video = render("fit-" + w + "x" + h, preset, segment);
      var info = new MediaProbe(ffmpeg, Duration.ofSeconds(20)).probe(video);
      assertThat(info.video().orElseThrow().width()).isEqualTo(preset.width());
      assertThat(info.video().orElseThrow().height()).isEqualTo(preset.height());
      BufferedImage frame = MediaChecks.frame(ffmpeg, video, 10, preset.fps());
      // The whole picture, scaled to fit: its white border is just inside the fitted box, its blue
      // inside, and outside it (where there is room) the darker blurred copy.
      double scale = Math.min((double) preset.width() / w, (double) preset.height() / h);
      int fw = (int) Math.round(w * scale);
      int fh = (int) Math.round(h * scale);
      int left = (preset.width() - fw) / 2;
      int top = (preset.height() - fh) / 2;
      int cx = preset.width() / 2;
      int cy = preset.height() / 2;
      String where = w + "x" + h + " in " + preset.id();
      assertThat(luma(frame.getRGB(cx, top + 4))).as("top border, " + where).isGreaterThan(200);
      assertThat(luma(frame.getRGB(left + 4, cy))).as("left border, " + where).isGreaterThan(200);
      assertThat(blue(frame.getRGB(cx, cy))).as("inside, " + where).isGreaterThan(150);
      if (top > 30) {
        assertThat(luma(frame.getRGB(cx, top - 20))).as("above, " + where).isBetween(10.0, 180.0);
      }
      if (left > 30) {
        assertThat(luma(frame.getRGB(left - 20, cy))).as("beside, " + where).isBetween(10.0, 180.0);
      }
    }
  }

  private Path render(String name, Segment segment) {
    return render(name, RenderPreset.TIKTOK, segment);
  }

  private Path render(String name, RenderPreset preset, Segment segment) {
    return new RenderEngine(ffmpeg, RenderSettings.in(dir.resolve("work")), FontLibrary.shared())
        .render(
            new RenderJob(
                timeline(segment),
                dir,
                List.of(preset),
                QualityTier.DRAFT,
                dir.resolve("out"),
                name),
            RenderListener.NONE,
            Cancellation.none())
        .output(preset)
        .video();
  }

  private static Timeline timeline(Segment segment) {
    return new Timeline(
        List.of(segment), Optional.empty(), Optional.empty(), CaptionTrack.NONE, Overlays.NONE);
  }

  private static Segment clip(long millis, Framing framing) {
    return Segment.of(
        "clip", millis, VisualClip.video("wide.mp4", 500, Optional.empty()).withFraming(framing));
  }

  /** A black 1280x720 video with a 16 px white bar centred at {@code fraction} of its width. */
  private void marker(Path file, double fraction, double seconds) {
    int x = (int) Math.round(fraction * SOURCE_W) - 8;
    ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "color=c=black:s=" + SOURCE_W + "x" + SOURCE_H + ":r=30:d=" + (seconds + 0.5),
        "-vf",
        "drawbox=x=" + x + ":y=0:w=16:h=" + SOURCE_H + ":color=white:t=fill",
        "-pix_fmt",
        "yuv420p",
        "-c:v",
        "mpeg4",
        "-q:v",
        "2",
        file.toString());
  }

  /** A blue picture with an 8 % white border, so that its edges can be found after fitting. */
  private void bordered(Path file, int w, int h) {
    int t = Math.max(4, Math.min(w, h) / 12);
    ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "color=c=0x2040e0:s=" + w + "x" + h + ":r=30:d=1",
        "-vf",
        "drawbox=x=0:y=0:w=iw:h=ih:color=white:t=" + t,
        "-pix_fmt",
        "yuv420p",
        "-c:v",
        "mpeg4",
        "-q:v",
        "2",
        file.toString());
  }

  private void ffmpeg(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("-hide_banner", "-nostdin", "-y"));
    all.addAll(List.of(args));
    ExternalCommand.Result result = ffmpeg.ffmpeg(all, Duration.ofMinutes(1)).run();
    assertThat(result.succeeded()).as(result.tail(5)).isTrue();
  }

  private static double centroid(double[] columns) {
    double sum = 0;
    double weighted = 0;
    for (int x = 0; x < columns.length; x++) {
      double v = Math.max(0, columns[x] - 40);
      sum += v;
      weighted += v * x;
    }
    assertThat(sum).as("the marker is in the frame").isGreaterThan(100);
    return weighted / sum;
  }

  private static double max(double[] values) {
    return java.util.Arrays.stream(values).max().orElse(0);
  }

  private static double luma(int rgb) {
    return 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
  }

  private static int blue(int rgb) {
    return rgb & 0xff;
  }
}
