package dev.reelforge.app.cli;

import dev.reelforge.app.brand.BrandConfiguration;
import dev.reelforge.app.brand.BrandDirectorSettings;
import dev.reelforge.app.config.ModerationSettings;
import dev.reelforge.brand.BrandDirector;
import dev.reelforge.brand.BrandFiles;
import dev.reelforge.brand.BrandModeration;
import dev.reelforge.brand.BrandPipelines;
import dev.reelforge.brand.BrandSettings;
import dev.reelforge.core.brand.BrandAnalyzer;
import dev.reelforge.core.brand.Director;
import dev.reelforge.core.brand.StyleReferencer;
import dev.reelforge.core.brand.memory.InMemoryBrandStore;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.LeaseReaper;
import dev.reelforge.core.jobs.engine.PipelineRegistry;
import dev.reelforge.core.jobs.engine.QueueLimits;
import dev.reelforge.core.jobs.engine.WorkerPool;
import dev.reelforge.core.jobs.engine.WorkerPoolOptions;
import dev.reelforge.core.jobs.memory.InMemoryJobStore;
import dev.reelforge.core.jobs.memory.InMemoryWorkSignal;
import dev.reelforge.core.licence.memory.InMemoryEvidenceStore;
import dev.reelforge.core.music.MusicSource;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.render.Renderer;
import dev.reelforge.mediagen.FolderMediaStore;
import dev.reelforge.mediagen.MediaPipelines;
import dev.reelforge.mediagen.MediaThumbnailer;
import dev.reelforge.mediagen.engines.VideoEngines;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * The brand director on a job engine inside this process, for the {@code brand} command: in-memory
 * job and brand stores (they pass the same contract tests as PostgreSQL's), one folder store for
 * the brand files and the media video jobs' frames and clips, the brand pipelines and the media
 * video pipeline registered as on a server, and a worker pool per queue (brand, render, video). The
 * same {@link BrandDirector} the routes and pages use drives it.
 */
final class InProcessBrand implements AutoCloseable {

  /** Who owns the work: nobody signs in to the command. */
  static final UUID LOCAL_OWNER = new UUID(0, 1);

  /** How often an idle pool looks for work: memory is cheap to ask. */
  private static final Duration POLL = Duration.ofMillis(50);

  /** The providers and engines the stages use, from the command's configuration. */
  record Parts(
      BrandAnalyzer analyzer,
      StyleReferencer referencer,
      Director director,
      ImageGenerator images,
      VideoEngines engines,
      MediaThumbnailer thumbnailer,
      Renderer renderer,
      MusicSource music,
      BrandModeration moderation,
      BrandSettings settings) {

    /** The parts a command's configuration holds (built lazily: no database, no server). */
    static Parts of(ApplicationContext context) {
      ProviderRegistry registry = context.getBean(ProviderRegistry.class);
      return new Parts(
          registry.require(ProviderPort.BRAND_ANALYZER, BrandAnalyzer.class),
          registry.require(ProviderPort.STYLE_REFERENCE, StyleReferencer.class),
          registry.require(ProviderPort.DIRECTOR, Director.class),
          registry.require(ProviderPort.IMAGE_GENERATOR, ImageGenerator.class),
          context.getBean(VideoEngines.class),
          context.getBean(MediaThumbnailer.class),
          context.getBean(Renderer.class),
          registry.require(ProviderPort.MUSIC, MusicSource.class),
          // Evidence kept for the command's run only: nothing outlives the command.
          BrandConfiguration.moderation(
              registry, context.getBean(ModerationSettings.class), new InMemoryEvidenceStore()),
          context.getBean(BrandDirectorSettings.class).toSettings());
    }
  }

  private final InMemoryJobStore jobStore;
  private final InMemoryWorkSignal signal;
  private final JobService jobs;
  private final BrandFiles files;
  private final BrandDirector director;
  private final LeaseReaper reaper;
  private final List<WorkerPool> pools;
  private final Clock clock;

  /**
   * @param folder the stores and the stages' scratch files go inside it
   */
  InProcessBrand(Parts parts, Path folder, Clock clock) {
    this.clock = clock;
    this.jobStore = new InMemoryJobStore(clock);
    this.signal = jobStore.workSignal();
    FolderMediaStore store = new FolderMediaStore(folder.resolve("store"));
    this.files = new FolderBrandFiles(store);
    PipelineRegistry registry = new PipelineRegistry();
    MediaPipelines media =
        new MediaPipelines(
            parts.images(),
            parts.engines(),
            store,
            parts.thumbnailer(),
            folder.resolve("media-work"),
            clock);
    registry.register(media.video().definition(), media.video().handlers());
    this.jobs = new JobService(jobStore.runStore(), registry, QueueLimits.DEFAULT, clock);
    LocalSceneVideos videos = new LocalSceneVideos(jobs, parts.engines());
    InMemoryBrandStore brandStore = new InMemoryBrandStore(clock);
    BrandPipelines brand =
        new BrandPipelines(
            new BrandPipelines.Parts(
                brandStore,
                files,
                parts.analyzer(),
                parts.referencer(),
                parts.director(),
                parts.images(),
                videos,
                parts.renderer(),
                parts.music()),
            parts.moderation(),
            parts.settings(),
            folder.resolve("brand-work"),
            clock);
    brand.all().forEach(p -> registry.register(p.definition(), p.handlers()));
    this.director = new BrandDirector(brandStore, jobs, files, videos, parts.settings(), clock);
    this.reaper = new LeaseReaper(jobStore.taskQueue(), LeaseReaper.DEFAULT_INTERVAL).start();
    this.pools =
        List.of(
            pool("brand", BrandPipelines.QUEUE, 2, registry),
            pool("render", BrandPipelines.RENDER_QUEUE, 1, registry),
            pool("video", MediaPipelines.VIDEO_QUEUE, MediaPipelines.VIDEO_CONCURRENCY, registry));
    pools.forEach(WorkerPool::start);
  }

  private WorkerPool pool(String name, String queue, int concurrency, PipelineRegistry registry) {
    WorkerPoolOptions options =
        WorkerPoolOptions.of("brand-" + name, Set.of(queue), concurrency)
            .withTimings(POLL, WorkerPoolOptions.DEFAULT_LEASE, WorkerPoolOptions.DEFAULT_HEARTBEAT)
            .withShutdownGrace(Duration.ofSeconds(5));
    return new WorkerPool(options, jobStore.taskQueue(), registry, Optional.of(signal), clock);
  }

  BrandDirector director() {
    return director;
  }

  JobService jobs() {
    return jobs;
  }

  BrandFiles files() {
    return files;
  }

  @Override
  public void close() {
    pools.forEach(WorkerPool::close);
    reaper.close();
    signal.close();
  }
}
