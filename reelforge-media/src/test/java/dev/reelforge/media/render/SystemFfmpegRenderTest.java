package dev.reelforge.media.render;

import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.testing.TestFfmpeg;

/** The render checks with the distribution's FFmpeg (Debian's 5.1 in CI). */
class SystemFfmpegRenderTest extends RenderedVideoContract {
  @Override
  FfmpegInstallation installation() {
    return TestFfmpeg.system();
  }
}
