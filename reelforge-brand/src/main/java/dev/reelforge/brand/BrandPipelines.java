package dev.reelforge.brand;

import dev.reelforge.core.brand.BrandAnalyzer;
import dev.reelforge.core.brand.BrandStore;
import dev.reelforge.core.brand.Director;
import dev.reelforge.core.brand.StyleReferencer;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.RegisteredPipeline;
import dev.reelforge.core.jobs.api.RetryPolicy;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.music.MusicSource;
import dev.reelforge.core.render.Renderer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The brand feature's two pipelines, defined once for the server's workers and the command line
 * alike.
 *
 * <ul>
 *   <li>{@code brand-analysis}: {@code analyse} → {@code style-reference}, started by an upload;
 *   <li>{@code brand-storyboard}: {@code script} → {@code previews} (parks for the traffic-light
 *       review; a person's approval of production completes it) → {@code moderation} (the gate
 *       before any money is spent: parks for an operator when it holds) → {@code production} →
 *       {@code assemble}, started by {@code /director/init}.
 * </ul>
 *
 * Retries follow seed 001 §6.2: analysis and script 3 tries with exponential waits from 2 s,
 * previews their own 3 tries inside the stage (so that a scene's failure does not redo the others),
 * production's own only for its bookkeeping (each scene's video job has the engine's retries and
 * fallbacks; a scene that failed for good fails the storyboard without a retry).
 */
public final class BrandPipelines {

  public static final String ANALYSIS_KIND = "brand-analysis";
  public static final String STORYBOARD_KIND = "brand-storyboard";

  public static final String ANALYSE = "analyse";
  public static final String STYLE_REFERENCE = "style-reference";
  public static final String SCRIPT = "script";
  public static final String PREVIEWS = "previews";
  public static final String MODERATION = "moderation";
  public static final String PRODUCTION = "production";
  public static final String ASSEMBLE = "assemble";

  /** The brand feature's queue: light work (analysis, scripts, previews, polling). */
  public static final String QUEUE = "brand";

  /** Assembly renders: it waits its turn with the story renders. */
  public static final String RENDER_QUEUE = "render";

  /** Concurrent brand tasks per node. */
  public static final int CONCURRENCY = 2;

  static final RetryPolicy SEED_RETRY =
      new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(8), 2.0, 0.2);

  private final AnalysisStages analysis;
  private final ScriptStage script;
  private final PreviewStage previews;
  private final ModerationGateStage moderation;
  private final ProductionStage production;
  private final AssemblyStage assembly;

  /** The providers and stores the stages use. */
  public record Parts(
      BrandStore store,
      BrandFiles files,
      BrandAnalyzer analyzer,
      StyleReferencer referencer,
      Director director,
      ImageGenerator images,
      SceneVideos videos,
      Renderer renderer,
      MusicSource music) {}

  public BrandPipelines(
      Parts parts, BrandModeration moderation, BrandSettings settings, Path workRoot, Clock clock) {
    Storyboards boards = new Storyboards(parts.store(), clock);
    Briefs briefs = new Briefs(parts.store(), parts.files(), settings.sceneCount());
    this.analysis =
        new AnalysisStages(
            parts.store(), parts.files(), parts.analyzer(), parts.referencer(), workRoot, clock);
    this.script = new ScriptStage(boards, briefs, parts.director(), analysis, clock);
    this.previews =
        new PreviewStage(
            boards, briefs, parts.director(), parts.images(), parts.files(), settings, workRoot);
    this.moderation =
        new ModerationGateStage(boards, previews, parts.files(), moderation, workRoot, clock);
    this.production = new ProductionStage(boards, parts.videos(), settings);
    this.assembly =
        new AssemblyStage(
            boards, briefs, parts.files(), parts.renderer(), parts.music(), settings, workRoot);
  }

  public RegisteredPipeline analysis() {
    return new RegisteredPipeline(
        analysisDefinition(),
        Map.of(ANALYSE, analysis::analyse, STYLE_REFERENCE, analysis::styleReference));
  }

  public RegisteredPipeline storyboard() {
    return new RegisteredPipeline(
        storyboardDefinition(),
        Map.of(
            SCRIPT, script::execute,
            PREVIEWS, previews::execute,
            MODERATION, moderation::execute,
            PRODUCTION, production::execute,
            ASSEMBLE, assembly::execute));
  }

  public List<RegisteredPipeline> all() {
    return List.of(analysis(), storyboard());
  }

  public static PipelineDefinition analysisDefinition() {
    return PipelineDefinition.of(
        ANALYSIS_KIND,
        StageDefinition.of(ANALYSE, QUEUE).retry(SEED_RETRY).timeout(Duration.ofSeconds(90)),
        StageDefinition.of(STYLE_REFERENCE, QUEUE)
            .after(ANALYSE)
            .retry(SEED_RETRY)
            .timeout(Duration.ofSeconds(90)));
  }

  public static PipelineDefinition storyboardDefinition() {
    return PipelineDefinition.of(
        STORYBOARD_KIND,
        StageDefinition.of(SCRIPT, QUEUE).retry(SEED_RETRY).timeout(Duration.ofMinutes(2)),
        StageDefinition.of(PREVIEWS, QUEUE)
            .after(SCRIPT)
            .retry(SEED_RETRY)
            .timeout(Duration.ofMinutes(5)),
        StageDefinition.of(MODERATION, QUEUE)
            .after(PREVIEWS)
            .retry(SEED_RETRY)
            .timeout(Duration.ofMinutes(5)),
        StageDefinition.of(PRODUCTION, QUEUE)
            .after(MODERATION)
            .retry(SEED_RETRY)
            .timeout(Duration.ofMinutes(2)),
        StageDefinition.of(ASSEMBLE, RENDER_QUEUE)
            .after(PRODUCTION)
            .retry(SEED_RETRY)
            .timeout(Duration.ofMinutes(15)));
  }
}
