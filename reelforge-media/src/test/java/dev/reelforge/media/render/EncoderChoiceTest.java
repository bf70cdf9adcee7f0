package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderListener;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.ffmpeg.BundledFfmpeg;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.ffmpeg.FfmpegNotUsableException;
import dev.reelforge.media.probe.MediaInfo;
import dev.reelforge.media.probe.MediaProbe;
import dev.reelforge.media.probe.Mp4Boxes;
import dev.reelforge.media.testing.Fixtures;
import dev.reelforge.media.testing.TestFfmpeg;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncoderChoiceTest {

  private static FfmpegInstallation withEncoders(FfmpegInstallation base, Set<String> encoders) {
    return new FfmpegInstallation(
        base.ffmpeg(),
        base.ffprobe(),
        base.source(),
        base.origin(),
        base.version(),
        base.environment(),
        encoders,
        base.filters());
  }

  @Test
  void x264IsPreferredAndOpenh264IsTheFallback() {
    FfmpegInstallation bundled = TestFfmpeg.bundled();
    EncoderSettings x264 =
        EncoderSettings.choose(bundled, RenderPreset.TIKTOK, QualityTier.STANDARD);
    assertThat(x264.encoder()).isEqualTo("libx264");
    assertThat(x264.videoArguments())
        .containsSequence("-crf", "20")
        .containsSequence("-x264-params", "me=dia:subme=1");
    assertThat(
            EncoderSettings.choose(bundled, RenderPreset.TIKTOK, QualityTier.HIGH).videoArguments())
        .doesNotContain("-x264-params");
    FfmpegInstallation lgpl = withEncoders(bundled, Set.of("libopenh264", "aac"));
    EncoderSettings openh264 = EncoderSettings.choose(lgpl, RenderPreset.TIKTOK, QualityTier.HIGH);
    assertThat(openh264.encoder()).isEqualTo("libopenh264");
    assertThat(openh264.videoArguments()).contains("-b:v").doesNotContain("-crf");
    assertThatThrownBy(
            () ->
                EncoderSettings.choose(
                    withEncoders(bundled, Set.of("aac")), RenderPreset.TIKTOK, QualityTier.HIGH))
        .isInstanceOf(FfmpegNotUsableException.class)
        .hasMessageContaining("neither libx264 nor libopenh264");
  }

  @Test
  void theStaticLastResortBuildRendersToo(@TempDir Path dir) throws Exception {
    // FFmpeg 4.4 without ffprobe, used when neither a system FFmpeg nor the FFmpeg 8 build runs.
    FfmpegInstallation statically = BundledFfmpeg.staticBuild();
    Timeline timeline = Fixtures.story(dir, 3, 2);
    RenderResult result =
        new RenderEngine(statically, RenderSettings.in(dir.resolve("work")), FontLibrary.shared())
            .render(
                new RenderJob(
                    timeline,
                    dir,
                    List.of(RenderPreset.TIKTOK),
                    QualityTier.DRAFT,
                    dir.resolve("out"),
                    "static"),
                RenderListener.NONE,
                Cancellation.none());
    MediaInfo info =
        new MediaProbe(TestFfmpeg.withProbe(), Duration.ofSeconds(20))
            .probe(result.output(RenderPreset.TIKTOK).video());
    assertThat(info.streams()).hasSize(2);
    assertThat(info.durationSeconds()).isCloseTo(3, within(0.03));
  }

  @Test
  void aBuildWithOnlyOpenh264RendersAValidVideo(@TempDir Path dir) throws Exception {
    FfmpegInstallation bundled = TestFfmpeg.bundled();
    Set<String> encoders = new HashSet<>(bundled.encoders());
    encoders.remove("libx264");
    FfmpegInstallation lgpl = withEncoders(bundled, encoders);
    Timeline timeline = Fixtures.story(dir, 3, 2);
    RenderResult result =
        new RenderEngine(lgpl, RenderSettings.in(dir.resolve("work")), FontLibrary.shared())
            .render(
                new RenderJob(
                    timeline,
                    dir,
                    List.of(RenderPreset.SQUARE),
                    QualityTier.DRAFT,
                    dir.resolve("out"),
                    "lgpl"),
                RenderListener.NONE,
                Cancellation.none());
    Path video = result.output(RenderPreset.SQUARE).video();
    MediaInfo info = new MediaProbe(bundled, Duration.ofSeconds(20)).probe(video);
    assertThat(info.video().orElseThrow().codec()).isEqualTo("h264");
    assertThat(info.video().orElseThrow().width()).isEqualTo(1080);
    assertThat(info.video().orElseThrow().height()).isEqualTo(1080);
    assertThat(info.durationSeconds()).isCloseTo(3, within(0.03));
    assertThat(Mp4Boxes.fastStart(video)).isTrue();
  }
}
