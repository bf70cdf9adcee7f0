package dev.reelforge.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelforge.core.process.ExternalCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegLocatorTest {

  @Test
  void someBundledBuildAlwaysRuns() {
    FfmpegInstallation bundled = BundledFfmpeg.locate();
    assertThat(bundled.source()).isEqualTo(FfmpegInstallation.Source.BUNDLED);
    assertUsableForRendering(bundled);
  }

  @Test
  void bytedecoBuildRunsWithFfprobeWhereItsLibrariesArePresent() {
    FfmpegInstallation bytedeco;
    try {
      bytedeco = BundledFfmpeg.bytedeco();
    } catch (FfmpegNotUsableException e) {
      assumeTrue(false, "skipped: " + e.getMessage() + " (.ci/run installs libpulse0)");
      return;
    }
    assertThat(bytedeco.version()).startsWith("8.");
    assertUsableForRendering(bytedeco);
    assertThat(bytedeco.ffprobe()).isPresent();
    ExternalCommand.Result probe =
        bytedeco.ffprobe(List.of("-hide_banner", "-version"), Duration.ofSeconds(20)).run();
    assertThat(probe.output()).startsWith("ffprobe version 8.");
  }

  @Test
  void staticBuildRunsWithoutSystemLibraries() {
    FfmpegInstallation statically = BundledFfmpeg.staticBuild();
    assertThat(statically.version()).startsWith("4.4");
    assertUsableForRendering(statically);
    assertThat(statically.ffprobe()).isEmpty();
    assertThatThrownBy(() -> statically.ffprobe(List.of("-version"), Duration.ofSeconds(1)))
        .isInstanceOf(FfmpegNotUsableException.class)
        .hasMessageContaining("no ffprobe");
  }

  @Test
  void encodesARealH264Clip(@TempDir Path dir) throws IOException {
    FfmpegInstallation ffmpeg = BundledFfmpeg.locate();
    Path out = dir.resolve("clip.mp4");
    ExternalCommand.Result result =
        ffmpeg
            .ffmpeg(
                List.of(
                    "-hide_banner",
                    "-f",
                    "lavfi",
                    "-i",
                    "testsrc2=s=320x240:d=1:r=25",
                    "-c:v",
                    ffmpeg.h264Encoder().orElseThrow(),
                    "-pix_fmt",
                    "yuv420p",
                    "-y",
                    out.toString()),
                Duration.ofSeconds(60))
            .run();
    assertThat(result.exitCode()).as(result.tail(5)).isZero();
    // An MP4 starts with an ftyp box and holds 25 encoded frames' worth of data.
    byte[] head = Files.readAllBytes(out);
    assertThat(new String(head, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("ftyp");
    assertThat(head.length).isGreaterThan(5_000);
  }

  private static void assertUsableForRendering(FfmpegInstallation ffmpeg) {
    assertThat(ffmpeg.h264Encoder()).isPresent();
    assertThat(ffmpeg.hasEncoder("aac")).isTrue();
    for (String filter : List.of("zoompan", "sidechaincompress", "loudnorm", "overlay", "concat")) {
      assertThat(ffmpeg.hasFilter(filter)).as(filter).isTrue();
    }
  }

  @Test
  void fallsBackToTheBundledBuildWhenPathHasNone(@TempDir Path emptyDir) {
    FfmpegInstallation found =
        new FfmpegLocator(Optional.empty(), Optional.empty(), emptyDir.toString()).locate();
    assertThat(found.source()).isEqualTo(FfmpegInstallation.Source.BUNDLED);
  }

  @Test
  void prefersAnFfmpegOnThePath(@TempDir Path dir) throws IOException {
    // A wrapper script stands in for a system FFmpeg: it runs the static build.
    FfmpegInstallation statically = BundledFfmpeg.staticBuild();
    for (String name : List.of("ffmpeg", "ffprobe")) {
      Path script = dir.resolve(name);
      Files.writeString(script, "#!/bin/sh\nexec " + statically.ffmpeg() + " \"$@\"\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    FfmpegInstallation found =
        new FfmpegLocator(Optional.empty(), Optional.empty(), "/nonexistent:" + dir).locate();
    assertThat(found.source()).isEqualTo(FfmpegInstallation.Source.PATH);
    assertThat(found.ffmpeg()).isEqualTo(dir.resolve("ffmpeg"));
  }

  @Test
  void usesTheSystemBuildWhenInstalled() {
    Optional<Path> system =
        new FfmpegLocator(Optional.empty(), Optional.empty(), System.getenv("PATH"))
            .findOnPath("ffmpeg");
    assumeTrue(system.isPresent(), "no ffmpeg on PATH: the system build is not tested here");
    FfmpegInstallation found =
        FfmpegLocator.fromEnvironment(Optional.empty(), Optional.empty()).locate();
    assertThat(found.source()).isEqualTo(FfmpegInstallation.Source.PATH);
    assertThat(found.h264Encoder()).isPresent();
  }

  @Test
  void rejectsAConfiguredProgramThatIsNotFfmpeg(@TempDir Path dir) throws IOException {
    Path fake = dir.resolve("ffmpeg");
    Files.writeString(fake, "#!/bin/sh\necho 'hello from a fake'\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    FfmpegLocator locator = new FfmpegLocator(Optional.of(fake), Optional.empty(), "");
    assertThatThrownBy(locator::locate)
        .isInstanceOf(FfmpegNotUsableException.class)
        .hasMessageContaining("does not look like FFmpeg");
  }

  @Test
  void rejectsAConfiguredPathThatDoesNotExist() {
    FfmpegLocator locator =
        new FfmpegLocator(Optional.of(Path.of("/nonexistent/ffmpeg")), Optional.empty(), "");
    assertThatThrownBy(locator::locate)
        .isInstanceOf(FfmpegNotUsableException.class)
        .hasMessageContaining("not executable");
  }
}
