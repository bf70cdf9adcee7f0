package dev.reelforge.app.mediagen;

import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.mediagen.MediaMaker;
import dev.reelforge.mediagen.engines.VideoEngines;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Assembles the {@code generate} command's maker: the image engine in use, every video engine the
 * registry has (the one it selects first, the others as fallbacks, seed 001's chains, profiles and
 * breakers) and thumbnails made with FFmpeg, found only when a clip needs one.
 */
@Configuration(proxyBeanMethods = false)
class GenerateConfiguration {

  @Bean
  MediaMaker mediaMaker(
      ProviderRegistry providerRegistry, ObjectProvider<FfmpegInstallation> ffmpeg, Clock clock) {
    return new MediaMaker(
        providerRegistry.require(ProviderPort.IMAGE_GENERATOR, ImageGenerator.class),
        VideoEngines.fromRegistry(providerRegistry, clock),
        new FfmpegThumbnailer(ffmpeg::getObject),
        clock);
  }
}
