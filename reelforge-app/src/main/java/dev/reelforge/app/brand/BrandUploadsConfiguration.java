package dev.reelforge.app.brand;

import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The brand director's upload checks, decoding with the application's FFmpeg. */
@Configuration(proxyBeanMethods = false)
public class BrandUploadsConfiguration {

  /**
   * FFmpeg is asked for on the first upload, not at startup: a server whose FFmpeg is missing still
   * starts, and says so when a picture needs it.
   */
  @Bean
  BrandUploads brandUploads(ObjectProvider<FfmpegInstallation> ffmpeg) {
    return new BrandUploads(ffmpeg::getObject, BrandUploads.DEFAULT_DECODE_TIMEOUT);
  }
}
