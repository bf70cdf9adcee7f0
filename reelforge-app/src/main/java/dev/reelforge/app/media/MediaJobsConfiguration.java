package dev.reelforge.app.media;

import dev.reelforge.app.config.StorageSettings;
import dev.reelforge.app.security.WorkAdmission;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.jobs.api.RegisteredPipeline;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.storage.BlobCatalog;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.motion.MediaThumbnails;
import dev.reelforge.mediagen.MediaJobs;
import dev.reelforge.mediagen.MediaPipelines;
import dev.reelforge.mediagen.MediaStore;
import dev.reelforge.mediagen.MediaThumbnailer;
import dev.reelforge.mediagen.StillImageCheck;
import dev.reelforge.mediagen.engines.BreakerSettings;
import dev.reelforge.mediagen.engines.FallbackChains;
import dev.reelforge.mediagen.engines.VideoEngines;
import dev.reelforge.providers.ingest.FetchLimits;
import dev.reelforge.providers.ingest.GuardedFetcher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The media feature on the job engine: its two pipelines (every node registers them; the {@code
 * image} and {@code video} pools run them), the video engines with their chains and breakers, the
 * store over the blob catalog, and the routes' helpers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaJobsSettings.class)
public class MediaJobsConfiguration {

  @Bean
  VideoEngines videoEngines(ProviderRegistry registry, MediaJobsSettings settings, Clock clock) {
    return VideoEngines.fromRegistry(
        registry,
        FallbackChains.defaults().with(settings.getFallbackChains()),
        Map.of(),
        new BreakerSettings(
            settings.getBreakerFailures(),
            settings.getBreakerWindow(),
            settings.getBreakerOpenFor()),
        clock);
  }

  /** Media's thumbnails (Java2D for pictures, FFmpeg for a clip's first frame). */
  @Bean
  MediaThumbnailer mediaThumbnailer(ObjectProvider<FfmpegInstallation> ffmpeg) {
    MediaThumbnails thumbnails = new MediaThumbnails(ffmpeg::getObject);
    return new MediaThumbnailer() {
      @Override
      public void ofImage(Path png, Path jpg) {
        thumbnails.ofImage(png, jpg);
      }

      @Override
      public void ofClip(Path mp4, Path jpg) {
        thumbnails.ofClip(mp4, jpg);
      }
    };
  }

  @Bean
  MediaStore mediaStore(BlobCatalog catalog) {
    return new BlobMediaStore(catalog);
  }

  @Bean
  MediaPipelines mediaPipelines(
      ProviderRegistry registry,
      VideoEngines engines,
      MediaStore store,
      MediaThumbnailer thumbnails,
      StorageSettings storage,
      Clock clock) {
    return new MediaPipelines(
        registry.require(ProviderPort.IMAGE_GENERATOR, ImageGenerator.class),
        engines,
        store,
        thumbnails,
        workRoot(storage),
        clock);
  }

  @Bean
  RegisteredPipeline imagePipeline(MediaPipelines pipelines) {
    return pipelines.image();
  }

  @Bean
  RegisteredPipeline videoPipeline(MediaPipelines pipelines) {
    return pipelines.video();
  }

  @Bean
  MediaJobs mediaJobs(JobService jobs, WorkAdmission admission) {
    return new MediaJobs(jobs, admission);
  }

  @Bean
  MediaJobViews mediaJobViews(BlobCatalog catalog, StorageSettings storage, JobService jobs) {
    return new MediaJobViews(catalog, storage.getSignedUrlTtl(), run -> jobs.tasks(run.id()));
  }

  @Bean
  FrameSources frameSources(
      MediaJobs jobs, BlobCatalog catalog, MediaJobsSettings settings, StorageSettings storage) {
    long maxBytes = settings.getMaxFrameSize().toBytes();
    GuardedFetcher pictures =
        GuardedFetcher.forUsers()
            .accepting(
                Set.of("image/png", "image/jpeg"),
                "the link is not a PNG or JPEG picture (its type is %s)",
                new FetchLimits(maxBytes, settings.getFrameFetchTimeout(), 5));
    return new FrameSources(
        jobs,
        catalog,
        pictures,
        new StillImageCheck(maxBytes, settings.getFrameProbeTimeout()),
        workRoot(storage).resolve("frames"),
        storage.getSignedUrlTtl());
  }

  private static Path workRoot(StorageSettings storage) {
    return storage.getWorkRoot().resolve("media");
  }
}
