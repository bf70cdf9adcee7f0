package dev.reelforge.media.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelforge.media.ffmpeg.BundledFfmpeg;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.ffmpeg.FfmpegLocator;
import dev.reelforge.media.ffmpeg.FfmpegNotUsableException;
import java.util.Optional;

/** The FFmpeg builds render tests run against. */
public final class TestFfmpeg {

  private static FfmpegInstallation system;
  private static FfmpegInstallation bundled;

  private TestFfmpeg() {}

  /** The distribution's FFmpeg on the PATH; the test is skipped where there is none. */
  public static synchronized FfmpegInstallation system() {
    if (system == null) {
      FfmpegInstallation found =
          FfmpegLocator.fromEnvironment(Optional.empty(), Optional.empty()).locate();
      assumeTrue(
          found.source() == FfmpegInstallation.Source.PATH,
          "skipped: no ffmpeg/ffprobe on the PATH (.ci/run installs Debian's ffmpeg)");
      system = found;
    }
    return system;
  }

  /** The FFmpeg 8 build bundled from org.bytedeco (needs libpulse0, which .ci/run installs). */
  public static synchronized FfmpegInstallation bundled() {
    if (bundled == null) {
      try {
        bundled = BundledFfmpeg.bytedeco();
      } catch (FfmpegNotUsableException e) {
        assumeTrue(false, "skipped: " + e.getMessage() + " (.ci/run installs libpulse0)");
      }
    }
    return bundled;
  }

  /** Whatever the renderer would use here: the system build when present, else the bundled. */
  public static FfmpegInstallation any() {
    return FfmpegLocator.fromEnvironment(Optional.empty(), Optional.empty()).locate();
  }

  /** A build with ffprobe, for measuring outputs. */
  public static FfmpegInstallation withProbe() {
    FfmpegInstallation located = any();
    return located.ffprobe().isPresent() ? located : bundled();
  }
}
