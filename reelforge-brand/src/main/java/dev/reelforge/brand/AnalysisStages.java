package dev.reelforge.brand;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.BrandAnalyzer;
import dev.reelforge.core.brand.BrandStore;
import dev.reelforge.core.brand.StyleReference;
import dev.reelforge.core.brand.StyleReferencer;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.brand.VisionStatus;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.StageContext;
import dev.reelforge.core.jobs.api.StageResult;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/**
 * The analysis run's stages (seed 001 §2): {@code analyse} (palette, measures, scores, brand
 * essence; the integrity filter flags a weak upload) and {@code style-reference} (the clean
 * derivative every later step uses). Each writes its results to the vision job as it ends, so a
 * reader sees progress without the run; each is safe to run again.
 */
final class AnalysisStages {

  /** What the analysis run is given. */
  record Input(UUID jobId) {}

  /** What {@code analyse} hands on. */
  record Analysed(boolean flagged) {}

  private final BrandStore store;
  private final BrandFiles files;
  private final BrandAnalyzer analyzer;
  private final StyleReferencer referencer;
  private final Path workRoot;
  private final Clock clock;

  AnalysisStages(
      BrandStore store,
      BrandFiles files,
      BrandAnalyzer analyzer,
      StyleReferencer referencer,
      Path workRoot,
      Clock clock) {
    this.store = store;
    this.files = files;
    this.analyzer = analyzer;
    this.referencer = referencer;
    this.workRoot = workRoot;
    this.clock = clock;
  }

  StageResult analyse(StageContext context) {
    VisionJob job = job(context);
    if (job.analysisJson().isPresent()) {
      return StageResult.completed(BrandJson.write(new Analysed(job.flaggedReason().isPresent())));
    }
    job =
        store.update(
            with(job, VisionStatus.ANALYZING)
                .retries(context.attempt() - 1)
                .run(context.runId())
                .build());
    context.progress(0.1, "looking at the image");
    BrandAnalysis analysis;
    try (WorkFolder work = new WorkFolder(workRoot, context.taskId())) {
      Path png = files.get(BrandKeys.normalised(job.ownerId(), job.id()), work.file("image.png"));
      analysis = analyzer.analyze(png);
    }
    VisionJobs.Edit edit =
        with(job, analysis.flagged() ? VisionStatus.FLAGGED : VisionStatus.ANALYZING)
            .analysis(BrandJson.write(analysis), analysis);
    if (analysis.flagged()) {
      edit.processed(clock.instant());
    }
    store.update(edit.build());
    return StageResult.completed(BrandJson.write(new Analysed(analysis.flagged())));
  }

  StageResult styleReference(StageContext context) {
    VisionJob job = job(context);
    if (BrandJson.read(context.dependencyOutputs().get(BrandPipelines.ANALYSE), Analysed.class)
        .flagged()) {
      return StageResult.completed("{\"skipped\":\"flagged\"}");
    }
    if (job.styleReferenceKey().isPresent() && job.status() == VisionStatus.COMPLETED) {
      return StageResult.completed("{}");
    }
    context.progress(0.5, "making the style reference");
    remaster(job, seedOf(job.id()), context.taskId());
    return StageResult.completed("{}");
  }

  /** Makes (or remakes) the style reference with {@code seed} and completes the job. */
  VisionJob remaster(VisionJob job, long seed, UUID taskId) {
    BrandAnalysis analysis = BrandJson.read(job.analysisJson().orElseThrow(), BrandAnalysis.class);
    try (WorkFolder work = new WorkFolder(workRoot, taskId)) {
      String original = BrandKeys.normalised(job.ownerId(), job.id());
      Path png = files.get(original, work.file("image.png"));
      StyleReference reference = referencer.reference(png, analysis, seed, work.path());
      String key = BrandKeys.styleReference(job.ownerId(), job.id(), seed);
      files.put(key, reference.file());
      StyleReferenceRecord stored =
          StyleReferenceRecord.of(original, key, analysis, reference, referencer.name());
      return store.update(
          with(job, VisionStatus.COMPLETED)
              .styleReference(key, BrandJson.write(stored))
              .processed(clock.instant())
              .build());
    }
  }

  static long seedOf(UUID id) {
    return id.getLeastSignificantBits() & 0x7fffffffL;
  }

  private VisionJob job(StageContext context) {
    UUID id = BrandJson.read(context.inputs(), Input.class).jobId();
    return store
        .visionJob(id)
        .orElseThrow(() -> ReelForgeException.notFound("Vision job", id.toString()));
  }

  private VisionJobs.Edit with(VisionJob job, VisionStatus status) {
    return new VisionJobs.Edit(job, clock.instant()).status(status);
  }
}
