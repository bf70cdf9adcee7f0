package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.media.ffmpeg.BundledFfmpeg;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.testing.TestFfmpeg;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RenderRequirementsTest {

  @Test
  void everyStockBuildHasWhatRenderingNeeds() {
    assertThat(RenderRequirements.missing(TestFfmpeg.any())).isEmpty();
    assertThat(RenderRequirements.missing(TestFfmpeg.bundled())).isEmpty();
    assertThat(RenderRequirements.missing(BundledFfmpeg.staticBuild())).isEmpty();
  }

  @Test
  void aBuildWithoutAFilterIsNamedShort() {
    FfmpegInstallation full = TestFfmpeg.bundled();
    Set<String> filters = new HashSet<>(full.filters());
    filters.remove("sidechaincompress");
    FfmpegInstallation minimal =
        new FfmpegInstallation(
            full.ffmpeg(),
            full.ffprobe(),
            full.source(),
            full.origin(),
            full.version(),
            full.environment(),
            Set.of("aac"),
            filters);
    assertThat(RenderRequirements.missing(minimal))
        .containsExactly("sidechaincompress", "libx264 or libopenh264");
  }
}
