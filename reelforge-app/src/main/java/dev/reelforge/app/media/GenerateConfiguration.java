package dev.reelforge.app.media;

import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.mediagen.MediaMaker;
import dev.reelforge.mediagen.MediaThumbnailer;
import dev.reelforge.mediagen.engines.VideoEngines;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Assembles the {@code generate} command's maker from the same parts as the server's jobs: the
 * image engine in use, the video engines with their configured chains, profiles and breakers, and
 * media's thumbnails (FFmpeg is found only when a clip needs one).
 */
@Configuration(proxyBeanMethods = false)
class GenerateConfiguration {

  @Bean
  MediaMaker mediaMaker(
      ProviderRegistry providerRegistry,
      VideoEngines videoEngines,
      MediaThumbnailer mediaThumbnailer,
      Clock clock) {
    return new MediaMaker(
        providerRegistry.require(ProviderPort.IMAGE_GENERATOR, ImageGenerator.class),
        videoEngines,
        mediaThumbnailer,
        clock);
  }
}
