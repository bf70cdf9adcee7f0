package dev.reelforge.media.render;

import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.testing.TestFfmpeg;

/** The render checks with the FFmpeg 8 build bundled in the jar (no libass, no system FFmpeg). */
class BundledFfmpegRenderTest extends RenderedVideoContract {
  @Override
  FfmpegInstallation installation() {
    return TestFfmpeg.bundled();
  }
}
