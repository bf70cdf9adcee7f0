package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderEstimate;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderListener;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.testing.Fixtures;
import dev.reelforge.media.testing.TestFfmpeg;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderEstimatorTest {

  @Test
  void estimatesAreInTheRightRangeOfWhatTheRenderThenTakes(@TempDir Path dir) throws Exception {
    FfmpegInstallation ffmpeg = TestFfmpeg.any();
    Timeline timeline = Fixtures.story(dir, 6, 3);
    List<RenderPreset> presets = List.of(RenderPreset.SHORTS);
    RenderEstimate estimate =
        new RenderEstimator(ffmpeg, dir.resolve("calibration"))
            .estimate(timeline, presets, QualityTier.STANDARD);

    long start = System.nanoTime();
    RenderResult result =
        new RenderEngine(ffmpeg, RenderSettings.in(dir.resolve("work")), FontLibrary.shared())
            .render(
                new RenderJob(
                    timeline, dir, presets, QualityTier.STANDARD, dir.resolve("out"), "e"),
                RenderListener.NONE,
                Cancellation.none());
    double actualSeconds = (System.nanoTime() - start) / 1e9;
    long actualBytes = result.output(RenderPreset.SHORTS).bytes();

    assertThat(estimate.presets()).hasSize(1);
    assertThat(estimate.presets().getFirst().encoderFps()).isPositive();
    // Shared, noisy machines: an estimate is useful when it is the right order of magnitude.
    double timeRatio = estimate.time().toMillis() / 1000.0 / actualSeconds;
    double sizeRatio = (double) estimate.bytes() / actualBytes;
    assertThat(timeRatio).as("estimated/actual time").isBetween(0.25, 4.0);
    assertThat(sizeRatio).as("estimated/actual size").isBetween(0.2, 5.0);
  }
}
