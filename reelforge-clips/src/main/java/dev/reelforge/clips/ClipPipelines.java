package dev.reelforge.clips;

import dev.reelforge.core.clips.ClipMedia;
import dev.reelforge.core.clips.ClipStore;
import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.RegisteredPipeline;
import dev.reelforge.core.jobs.api.RetryPolicy;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.render.Renderer;
import dev.reelforge.core.storage.ScratchFolders;
import dev.reelforge.core.transcript.Transcriber;
import dev.reelforge.core.vision.FaceDetector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The clips feature's two pipelines, defined once and run by the job engine for the API, the
 * workers and the {@code clips} command alike (seed 003):
 *
 * <ul>
 *   <li>kind {@value #ANALYSIS_KIND}: {@value #INGEST} (the speech track, on queue {@value
 *       #INGEST_QUEUE}) → {@value #TRANSCRIPT} and {@value #SIGNALS} side by side → {@value
 *       #HIGHLIGHTS}, on queue {@value #ANALYSIS_QUEUE};
 *   <li>kind {@value #EXPORT_KIND}: {@value #REFRAME} (queue {@value #ANALYSIS_QUEUE}) → {@value
 *       #RENDER} (queue {@value #EXPORT_QUEUE}).
 * </ul>
 *
 * Each queue is served by its own worker pool in a cluster (the Helm chart's pools), so analysis
 * and exports scale apart from story renders. The model stages ({@value #TRANSCRIPT}, {@value
 * #REFRAME}) require the worker tag {@value #GPU_TAG} when {@link Options#gpuStages()} says a
 * GPU-tagged pool exists; otherwise any worker of the queue runs them.
 */
public final class ClipPipelines {

  public static final String ANALYSIS_KIND = "clips-analysis";
  public static final String EXPORT_KIND = "clips-export";

  public static final String INGEST = "ingest";
  public static final String TRANSCRIPT = "transcript";
  public static final String SIGNALS = "signals";
  public static final String HIGHLIGHTS = "highlights";
  public static final String REFRAME = "reframe";
  public static final String RENDER = "render";

  public static final String INGEST_QUEUE = "clips-ingest";
  public static final String ANALYSIS_QUEUE = "clips-analysis";
  public static final String EXPORT_QUEUE = "clips-export";
  public static final String GPU_TAG = "gpu";

  /** Every queue the clips pipelines use. */
  public static final Set<String> QUEUES = Set.of(INGEST_QUEUE, ANALYSIS_QUEUE, EXPORT_QUEUE);

  /** Three attempts, 5 s then 30 s: FFmpeg and the models fail rarely and for passing reasons. */
  static final RetryPolicy RETRY =
      new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(30), 6.0, 0.2);

  /**
   * How the pipelines run here.
   *
   * @param gpuStages whether the model stages require GPU-tagged workers
   * @param transcriptTimeout one transcription of the longest accepted source (offline speech
   *     recognition runs near real time on two cores)
   * @param exportTimeout one execution of the reframe or render stage
   */
  public record Options(boolean gpuStages, Duration transcriptTimeout, Duration exportTimeout) {

    public static final Options DEFAULT =
        new Options(false, Duration.ofHours(4), Duration.ofHours(2));
  }

  private final AnalysisStages analysis;
  private final ExportStages export;
  private final Options options;
  private final Path workRoot;

  /**
   * @param files where sources and stage files are kept
   * @param media FFmpeg's probing, speech track, scenes, loudness and frames
   * @param transcriber speech to text, when the user gave no transcript
   * @param faces the face detector
   * @param renderer the render engine
   * @param store sources and candidates
   * @param ranking an optional second opinion on the highlights' order
   * @param workRoot where stages keep scratch files on this machine
   * @param clock the one clock
   * @param options queues' tags and time limits
   */
  public ClipPipelines(
      ClipFiles files,
      ClipMedia media,
      Transcriber transcriber,
      FaceDetector faces,
      Renderer renderer,
      ClipStore store,
      HighlightRanking ranking,
      Path workRoot,
      Clock clock,
      Options options) {
    this.analysis = new AnalysisStages(files, media, transcriber, store, workRoot, ranking, clock);
    this.export = new ExportStages(files, media, faces, renderer, workRoot);
    this.options = options;
    this.workRoot = workRoot;
  }

  /**
   * Deletes the scratch and export folders on this machine nothing was written in since {@code
   * before}: what a failed or cancelled run, or a worker that died, left behind.
   *
   * @return how many were deleted
   */
  public int pruneIdleWork(Instant before) {
    return ScratchFolders.pruneIdle(workRoot, before, Set.of(ExportStages.EXPORTS_DIR))
        + ScratchFolders.pruneIdle(workRoot.resolve(ExportStages.EXPORTS_DIR), before, Set.of());
  }

  public static PipelineDefinition analysisDefinition(Options options) {
    return PipelineDefinition.of(
        ANALYSIS_KIND,
        StageDefinition.of(INGEST, INGEST_QUEUE).retry(RETRY).timeout(Duration.ofHours(1)),
        model(
            StageDefinition.of(TRANSCRIPT, ANALYSIS_QUEUE)
                .after(INGEST)
                .retry(RETRY)
                .timeout(options.transcriptTimeout()),
            options),
        StageDefinition.of(SIGNALS, ANALYSIS_QUEUE)
            .after(INGEST)
            .retry(RETRY)
            .timeout(Duration.ofHours(1)),
        StageDefinition.of(HIGHLIGHTS, ANALYSIS_QUEUE)
            .after(TRANSCRIPT, SIGNALS)
            .retry(RETRY)
            .timeout(Duration.ofMinutes(10)));
  }

  public static PipelineDefinition exportDefinition(Options options) {
    return PipelineDefinition.of(
        EXPORT_KIND,
        model(
            StageDefinition.of(REFRAME, ANALYSIS_QUEUE)
                .retry(RETRY)
                .timeout(options.exportTimeout()),
            options),
        StageDefinition.of(RENDER, EXPORT_QUEUE)
            .after(REFRAME)
            .retry(RETRY)
            .timeout(options.exportTimeout()));
  }

  private static StageDefinition model(StageDefinition stage, Options options) {
    return options.gpuStages() ? stage.requires(GPU_TAG) : stage;
  }

  public RegisteredPipeline analysis() {
    return new RegisteredPipeline(
        analysisDefinition(options),
        Map.of(
            INGEST, analysis::ingest,
            TRANSCRIPT, analysis::transcript,
            SIGNALS, analysis::signals,
            HIGHLIGHTS, analysis::highlights));
  }

  public RegisteredPipeline export() {
    return new RegisteredPipeline(
        exportDefinition(options), Map.of(REFRAME, export::reframe, RENDER, export::render));
  }
}
