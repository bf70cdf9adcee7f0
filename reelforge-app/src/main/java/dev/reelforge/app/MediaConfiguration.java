package dev.reelforge.app;

import dev.reelforge.app.config.MediaSettings;
import dev.reelforge.media.ffmpeg.FfmpegLocator;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Media tools: where FFmpeg comes from. */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

  @Bean
  FfmpegLocator ffmpegLocator(MediaSettings settings) {
    return FfmpegLocator.fromEnvironment(
        Optional.ofNullable(settings.getFfmpegPath()),
        Optional.ofNullable(settings.getFfprobePath()));
  }
}
