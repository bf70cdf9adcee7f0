package dev.reelforge.app.brand;

import dev.reelforge.app.config.ModerationSettings;
import dev.reelforge.app.config.StorageSettings;
import dev.reelforge.app.events.EventsSettings;
import dev.reelforge.app.security.LimitsSettings;
import dev.reelforge.brand.BrandDirector;
import dev.reelforge.brand.BrandModeration;
import dev.reelforge.brand.BrandPipelines;
import dev.reelforge.brand.SceneVideos;
import dev.reelforge.core.accounts.CreditLedger;
import dev.reelforge.core.brand.BrandAnalyzer;
import dev.reelforge.core.brand.BrandStore;
import dev.reelforge.core.brand.Director;
import dev.reelforge.core.brand.StyleReferencer;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.jobs.api.RegisteredPipeline;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.RunEndFollower;
import dev.reelforge.core.jobs.spi.RunEventFeed;
import dev.reelforge.core.jobs.spi.RunStore;
import dev.reelforge.core.licence.EvidenceStore;
import dev.reelforge.core.moderation.ImageModerator;
import dev.reelforge.core.moderation.Moderator;
import dev.reelforge.core.music.MusicSource;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.render.Renderer;
import dev.reelforge.core.storage.BlobCatalog;
import dev.reelforge.mediagen.MediaJobs;
import dev.reelforge.mediagen.MediaStore;
import dev.reelforge.mediagen.engines.VideoEngines;
import dev.reelforge.postgres.brand.PostgresBrandStore;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The brand director on the job engine: its two pipelines (every node registers them; the {@code
 * brand} pool runs them, assembly waits in the {@code render} pool), its files in the blob catalog,
 * scene production through the media feature's video jobs, and the followers that tell a vision job
 * or storyboard its run failed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BrandDirectorSettings.class)
public class BrandConfiguration {

  /** How many recently ended brand runs a starting node settles. */
  static final int SETTLED_AT_START = 200;

  @Bean
  BrandStore brandStore(DataSource dataSource, Clock clock) {
    return new PostgresBrandStore(dataSource, clock);
  }

  @Bean
  BlobBrandFiles brandFiles(BlobCatalog catalog, StorageSettings storage) {
    return new BlobBrandFiles(catalog, storage.getSignedUrlTtl());
  }

  @Bean
  SceneVideos sceneVideos(
      ObjectProvider<MediaJobs> media,
      MediaStore mediaStore,
      BlobBrandFiles files,
      VideoEngines engines,
      ObjectProvider<JobService> jobs,
      CreditLedger credits,
      LimitsSettings limits,
      StorageSettings storage) {
    return new MediaSceneVideos(
        media::getObject,
        mediaStore,
        files,
        engines,
        jobs::getObject,
        credits,
        limits::getVideoCreditsPerSecond,
        workRoot(storage).resolve("frames"));
  }

  @Bean
  BrandPipelines brandPipelines(
      ProviderRegistry registry,
      BrandStore store,
      BlobBrandFiles files,
      SceneVideos videos,
      Renderer renderer,
      BrandDirectorSettings settings,
      ModerationSettings moderation,
      EvidenceStore evidence,
      StorageSettings storage,
      Clock clock) {
    return new BrandPipelines(
        new BrandPipelines.Parts(
            store,
            files,
            registry.require(ProviderPort.BRAND_ANALYZER, BrandAnalyzer.class),
            registry.require(ProviderPort.STYLE_REFERENCE, StyleReferencer.class),
            registry.require(ProviderPort.DIRECTOR, Director.class),
            registry.require(ProviderPort.IMAGE_GENERATOR, ImageGenerator.class),
            videos,
            renderer,
            registry.require(ProviderPort.MUSIC, MusicSource.class)),
        moderation(registry, moderation, evidence),
        settings.toSettings(),
        workRoot(storage),
        clock);
  }

  /**
   * The storyboard's moderation gate: the configured text and image moderators, the policy of
   * {@code reelforge.moderation.*} and the evidence store the story gate writes to.
   */
  public static BrandModeration moderation(
      ProviderRegistry registry, ModerationSettings settings, EvidenceStore evidence) {
    return new BrandModeration(
        registry
            .active(ProviderPort.MODERATOR)
            .map(c -> (Moderator) c.implementation())
            .orElse(BrandModeration.UNMODERATED),
        registry.active(ProviderPort.IMAGE_MODERATOR).map(c -> (ImageModerator) c.implementation()),
        settings.defaultChoice(),
        settings.toggles(),
        evidence);
  }

  @Bean
  RegisteredPipeline brandAnalysisPipeline(BrandPipelines pipelines) {
    return pipelines.analysis();
  }

  @Bean
  RegisteredPipeline brandStoryboardPipeline(BrandPipelines pipelines) {
    return pipelines.storyboard();
  }

  @Bean
  BrandDirector brandDirector(
      BrandStore store,
      JobService jobs,
      BlobBrandFiles files,
      SceneVideos videos,
      BrandDirectorSettings settings,
      Clock clock) {
    return new BrandDirector(store, jobs, files, videos, settings.toSettings(), clock);
  }

  @Bean(destroyMethod = "close")
  RunEndFollower brandAnalysisRunEnds(
      RunEventFeed feed, RunStore runs, BrandDirector director, EventsSettings events) {
    return follower(feed, runs, director, events, BrandPipelines.ANALYSIS_KIND);
  }

  @Bean(destroyMethod = "close")
  RunEndFollower brandStoryboardRunEnds(
      RunEventFeed feed, RunStore runs, BrandDirector director, EventsSettings events) {
    return follower(feed, runs, director, events, BrandPipelines.STORYBOARD_KIND);
  }

  private static RunEndFollower follower(
      RunEventFeed feed,
      RunStore runs,
      BrandDirector director,
      EventsSettings events,
      String kind) {
    return new RunEndFollower(
            feed, runs, kind, director::runEnded, events.getPollInterval(), SETTLED_AT_START)
        .start();
  }

  private static Path workRoot(StorageSettings storage) {
    return storage.getWorkRoot().resolve("brand");
  }
}
