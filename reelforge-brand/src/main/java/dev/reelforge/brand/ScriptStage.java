package dev.reelforge.brand;

import dev.reelforge.core.brand.Director;
import dev.reelforge.core.brand.DirectorStatus;
import dev.reelforge.core.brand.SceneScript;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.jobs.api.StageContext;
import dev.reelforge.core.jobs.api.StageResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The storyboard run's first stage (seed 001's "scripting"): remakes the style reference when asked
 * ({@code forceRemaster}), then has the director write the scenes. A storyboard that has scenes
 * already keeps them (a retried stage writes nothing twice).
 */
final class ScriptStage {

  private final Storyboards boards;
  private final Briefs briefs;
  private final Director director;
  private final AnalysisStages analysis;
  private final Clock clock;

  ScriptStage(
      Storyboards boards, Briefs briefs, Director director, AnalysisStages analysis, Clock clock) {
    this.boards = boards;
    this.briefs = briefs;
    this.director = director;
    this.analysis = analysis;
    this.clock = clock;
  }

  StageResult execute(StageContext context) {
    StoryboardInput input = BrandJson.read(context.inputs(), StoryboardInput.class);
    Storyboard board = boards.get(input.storyboardId());
    if (board.runId().isEmpty()) {
      // The run is known from its first stage on, even if its start was not recorded.
      board =
          boards.modify(
              board.id(), edit -> edit.board.runId().isEmpty() ? edit.run(context.runId()) : null);
    }
    if (!BrandJson.scenes(board.scenesJson()).isEmpty()) {
      return StageResult.completed("{}");
    }
    if (input.forceRemaster() && context.checkpoint().isEmpty()) {
      context.progress(0.1, "remastering the style reference");
      VisionJob job = briefs.job(board);
      analysis.remaster(job, AnalysisStages.seedOf(board.id()), context.taskId());
      context.saveCheckpoint("{\"remastered\":true}");
    }
    context.progress(0.4, "writing the storyboard");
    List<SceneScript> scripts = director.storyboard(briefs.brief(board));
    List<Scene> scenes = new ArrayList<>();
    for (int i = 0; i < scripts.size(); i++) {
      scenes.add(Scene.written(Ids.newId(clock), i, scripts.get(i), clock.instant()));
    }
    boards.modify(
        board.id(),
        edit ->
            edit.scenes().isEmpty()
                ? edit.scenes(scenes).status(DirectorStatus.PREVIEW_GENERATION)
                : null);
    return StageResult.completed("{}");
  }
}
