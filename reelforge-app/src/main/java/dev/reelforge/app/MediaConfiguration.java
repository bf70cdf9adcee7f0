package dev.reelforge.app;

import dev.reelforge.app.config.MediaSettings;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.ffmpeg.FfmpegLocator;
import dev.reelforge.media.render.RenderEngine;
import dev.reelforge.media.render.RenderSettings;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Media tools: where FFmpeg comes from, and the render engine on it. */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

  @Bean
  FfmpegLocator ffmpegLocator(MediaSettings settings) {
    return FfmpegLocator.fromEnvironment(
        Optional.ofNullable(settings.getFfmpegPath()),
        Optional.ofNullable(settings.getFfprobePath()));
  }

  /** The FFmpeg build in use, found once: finding it runs the build to list its encoders. */
  @Bean
  FfmpegInstallation ffmpegInstallation(FfmpegLocator locator) {
    return locator.locate();
  }

  @Bean
  RenderEngine renderEngine(FfmpegInstallation ffmpeg, MediaSettings settings) {
    return new RenderEngine(
        ffmpeg,
        new RenderSettings(settings.getRenderWorkDir(), settings.getRenderTimeout()),
        FontLibrary.shared());
  }
}
