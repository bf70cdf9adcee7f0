package dev.reelforge.app.clips;

import dev.reelforge.app.cluster.UpkeepTask;
import dev.reelforge.app.config.StorageSettings;
import dev.reelforge.app.events.EventsSettings;
import dev.reelforge.clips.ClipFiles;
import dev.reelforge.clips.ClipMaker;
import dev.reelforge.clips.ClipPipelines;
import dev.reelforge.clips.Clips;
import dev.reelforge.clips.HighlightRanking;
import dev.reelforge.clips.RankerOrdering;
import dev.reelforge.core.clips.ClipMedia;
import dev.reelforge.core.clips.ClipStore;
import dev.reelforge.core.clips.HighlightRanker;
import dev.reelforge.core.jobs.api.RegisteredPipeline;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.RunEndFollower;
import dev.reelforge.core.jobs.spi.RunEventFeed;
import dev.reelforge.core.jobs.spi.RunStore;
import dev.reelforge.core.render.Renderer;
import dev.reelforge.core.storage.BlobCatalog;
import dev.reelforge.core.transcript.Transcriber;
import dev.reelforge.core.vision.FaceDetector;
import dev.reelforge.media.clips.FfmpegClipMedia;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.vision.OpenCvFaceDetector;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Long video → clips on the job engine: the two pipelines (every node registers them; the
 * clips-ingest, clips-analysis and clips-export pools run them), the files in the blob catalog, the
 * feature the routes, pages and command line call, and the follower that tells a source how its
 * analysis ended.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClipsSettings.class)
public class ClipsConfiguration {

  /** How many recently ended analysis runs a starting node settles. */
  static final int SETTLED_AT_START = 200;

  /** FFmpeg's side: probes, the speech track, scene changes, loudness and frames. */
  @Bean
  ClipMedia clipMedia(ObjectProvider<FfmpegInstallation> ffmpeg) {
    // Resolved when first used: a server may start before FFmpeg is found (the doctor says so).
    return new FfmpegClipMedia(ffmpeg::getObject);
  }

  /**
   * The offline face detector: OpenCV's frontal-face cascade (the model registry warms it up). The
   * pipelines' detector, whatever other detectors the registry lists.
   */
  @Bean
  @Primary
  FaceDetector faceDetector() {
    return new OpenCvFaceDetector();
  }

  /** The finder's own order, or a configured ranker's second opinion folded into it. */
  private static HighlightRanking ranking(ObjectProvider<HighlightRanker> ranker) {
    HighlightRanker configured = ranker.getIfAvailable();
    return configured == null ? HighlightRanking.NONE : new RankerOrdering(configured);
  }

  @Bean
  ClipFiles clipFiles(BlobCatalog catalog) {
    return new BlobClipFiles(catalog);
  }

  @Bean
  ClipPipelines clipPipelines(
      ClipFiles files,
      ClipMedia media,
      Transcriber transcriber,
      FaceDetector faces,
      Renderer renderer,
      ClipStore store,
      ObjectProvider<HighlightRanker> ranker,
      StorageSettings storage,
      ClipsSettings settings,
      Clock clock) {
    return new ClipPipelines(
        files,
        media,
        transcriber,
        faces,
        renderer,
        store,
        ranking(ranker),
        storage.getWorkRoot().resolve("clips"),
        clock,
        settings.pipelineOptions());
  }

  /** Every machine drops the clips' work folders left behind, idle past the work cache's TTL. */
  @Bean
  UpkeepTask clipsWorkPrune(ClipPipelines pipelines, StorageSettings storage, Clock clock) {
    return new UpkeepTask(
        "clips-work-prune",
        Duration.ofMinutes(5),
        Duration.ofHours(1),
        () -> pipelines.pruneIdleWork(clock.instant().minus(storage.getWorkCacheTtl())),
        true);
  }

  @Bean
  RegisteredPipeline clipsAnalysisPipeline(ClipPipelines pipelines) {
    return pipelines.analysis();
  }

  @Bean
  RegisteredPipeline clipsExportPipeline(ClipPipelines pipelines) {
    return pipelines.export();
  }

  @Bean
  Clips clips(
      ClipStore store,
      ClipFiles files,
      ClipMedia media,
      JobService jobs,
      Clips.Admission admission,
      ClipsSettings settings,
      Clock clock) {
    return new Clips(store, files, media, jobs, admission, settings.limits(), clock);
  }

  /** The {@code clips} command's maker: the same pipelines on an in-process engine. */
  @Bean
  ClipMaker clipMaker(
      ClipMedia media,
      Transcriber transcriber,
      FaceDetector faces,
      Renderer renderer,
      ObjectProvider<HighlightRanker> ranker,
      ClipsSettings settings,
      Clock clock) {
    return new ClipMaker(
        media, transcriber, faces, renderer, ranking(ranker), settings.limits(), clock);
  }

  @Bean
  ClipViews clipViews(Clips clips, JobService jobs, BlobCatalog catalog, StorageSettings storage) {
    return new ClipViews(clips, jobs, catalog, storage.getSignedUrlTtl());
  }

  @Bean
  VideoUploads videoUploads(Clips clips, StorageSettings storage) {
    return new VideoUploads(clips, storage.getWorkRoot().resolve("clips-uploads"));
  }

  @Bean(destroyMethod = "close")
  RunEndFollower clipsRunEnds(
      RunEventFeed feed, RunStore runs, Clips clips, EventsSettings events) {
    return new RunEndFollower(
            feed,
            runs,
            ClipPipelines.ANALYSIS_KIND,
            clips::analysisEnded,
            events.getPollInterval(),
            SETTLED_AT_START)
        .start();
  }
}
