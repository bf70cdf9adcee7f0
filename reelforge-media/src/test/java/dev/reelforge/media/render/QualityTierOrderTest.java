package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.process.ExternalCommand;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.testing.Fixtures;
import dev.reelforge.media.testing.TestFfmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tiers keep their promise on the kind of picture a story is made of (a still moving slowly):
 * draft smaller than standard, high closer to the source than standard. Draft once came out twice
 * the size of standard (x264 ultrafast drops CABAC and B-frames). Sizes and SSIM, never time.
 */
class QualityTierOrderTest {

  private static final Pattern SSIM = Pattern.compile("All:([0-9.]+)");

  @Test
  void draftIsSmallerAndHighIsCloserToTheSource(@TempDir Path dir) throws Exception {
    FfmpegInstallation ffmpeg = TestFfmpeg.bundled();
    Path picture = Fixtures.picture(dir.resolve("still.png"), 1200, 1600, 7);
    Path source = dir.resolve("source.y4m");
    // Three seconds of a slow zoom at a quarter of the vertical preset's area.
    run(
        ffmpeg,
        List.of(
            "-loop",
            "1",
            "-framerate",
            "30",
            "-i",
            picture.toString(),
            "-vf",
            "zoompan=z='1+0.0015*on':d=1:s=540x960:fps=30,format=yuv420p",
            "-frames:v",
            "90",
            source.toString()));
    Map<QualityTier, Long> bytes = new EnumMap<>(QualityTier.class);
    Map<QualityTier, Double> ssim = new EnumMap<>(QualityTier.class);
    for (QualityTier tier : QualityTier.values()) {
      Path encoded = dir.resolve(tier + ".mp4");
      List<String> args = new ArrayList<>(List.of("-i", source.toString()));
      args.addAll(EncoderSettings.choose(ffmpeg, RenderPreset.TIKTOK, tier).videoArguments());
      args.addAll(List.of("-an", encoded.toString()));
      run(ffmpeg, args);
      bytes.put(tier, Files.size(encoded));
      String report =
          run(
              ffmpeg,
              List.of(
                  "-i",
                  encoded.toString(),
                  "-i",
                  source.toString(),
                  "-lavfi",
                  "ssim",
                  "-f",
                  "null",
                  "-"));
      Matcher m = SSIM.matcher(report);
      assertThat(m.find()).as(report).isTrue();
      ssim.put(tier, Double.parseDouble(m.group(1)));
    }
    assertThat(bytes.get(QualityTier.DRAFT)).isLessThan(bytes.get(QualityTier.STANDARD));
    assertThat(ssim.get(QualityTier.HIGH)).isGreaterThan(ssim.get(QualityTier.STANDARD));
    assertThat(ssim.get(QualityTier.STANDARD)).isGreaterThan(ssim.get(QualityTier.DRAFT));
  }

  private static String run(FfmpegInstallation ffmpeg, List<String> args) {
    List<String> all = new ArrayList<>(List.of("-hide_banner", "-y"));
    all.addAll(args);
    ExternalCommand.Result result = ffmpeg.ffmpeg(all, Duration.ofMinutes(2)).run();
    assertThat(result.succeeded()).as(result.tail(20)).isTrue();
    return result.output();
  }
}
