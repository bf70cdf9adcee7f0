package dev.reelforge.media.render;

import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.ffmpeg.FfmpegLocator;
import dev.reelforge.media.probe.MediaProbe;
import dev.reelforge.media.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenderSmokeTest {
  @Test
  void smoke() throws Exception {
    Path dir = Path.of("/tmp/rf-smoke");
    Files.createDirectories(dir);
    FfmpegInstallation ffmpeg =
        FfmpegLocator.fromEnvironment(Optional.empty(), Optional.empty()).locate();
    Timeline timeline = Fixtures.story(dir, 6, 3);
    RenderEngine engine =
        new RenderEngine(ffmpeg, RenderSettings.in(dir.resolve("work")), FontLibrary.shared());
    long t0 = System.nanoTime();
    RenderResult result =
        engine.render(
            new RenderJob(
                timeline,
                dir,
                List.of(RenderPreset.TIKTOK, RenderPreset.YOUTUBE),
                QualityTier.DRAFT,
                dir.resolve("out"),
                "smoke"),
            (f, s) -> System.out.printf("%.2f %s%n", f, s),
            Cancellation.none());
    System.out.println("took " + (System.nanoTime() - t0) / 1e9 + " " + result);
    System.out.println(
        new MediaProbe(ffmpeg, Duration.ofSeconds(10)).probe(result.outputs().get(0).video()));
  }
}
