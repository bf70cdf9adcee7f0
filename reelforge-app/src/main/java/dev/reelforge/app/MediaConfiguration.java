package dev.reelforge.app;

import dev.reelforge.app.config.MediaSettings;
import dev.reelforge.media.captions.FontLibrary;
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

  /** The render engine, on the FFmpeg found once (finding it probes the build's encoders). */
  @Bean
  RenderEngine renderEngine(FfmpegLocator locator, MediaSettings settings) {
    return new RenderEngine(
        locator.locate(),
        new RenderSettings(settings.getRenderWorkDir(), settings.getRenderTimeout()),
        FontLibrary.shared());
  }
}
