package dev.reelforge.brand;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.BrandStore;
import dev.reelforge.core.brand.DirectorBrief;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.brand.StylePreset;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.error.ReelForgeException;
import java.util.Optional;

/** What the director is told about a storyboard's brand: its analysis, reference and preset. */
final class Briefs {

  private final BrandStore store;
  private final BrandFiles files;
  private final int sceneCount;

  Briefs(BrandStore store, BrandFiles files, int sceneCount) {
    this.store = store;
    this.files = files;
    this.sceneCount = sceneCount;
  }

  VisionJob job(Storyboard board) {
    return store
        .visionJob(board.jobId())
        .orElseThrow(() -> ReelForgeException.notFound("Vision job", board.jobId()));
  }

  BrandAnalysis analysis(VisionJob job) {
    return BrandJson.read(job.analysisJson().orElseThrow(), BrandAnalysis.class);
  }

  Optional<String> styleReferenceUrl(VisionJob job) {
    return job.styleReferenceKey().flatMap(files::publicUrl);
  }

  DirectorBrief brief(Storyboard board) {
    VisionJob job = job(board);
    Optional<String> layer =
        board
            .stylePreset()
            .flatMap(id -> store.stylePresets().stream().filter(p -> p.id().equals(id)).findFirst())
            .map(StylePreset::promptLayer);
    return new DirectorBrief(
        analysis(job),
        styleReferenceUrl(job),
        layer,
        sceneCount,
        AnalysisStages.seedOf(board.id()));
  }
}
