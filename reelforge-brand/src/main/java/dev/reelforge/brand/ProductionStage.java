package dev.reelforge.brand;

import dev.reelforge.core.brand.DirectorStatus;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.StageContext;
import dev.reelforge.core.jobs.api.StageResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The storyboard run's production (seed 001's "rendering"): every scene becomes a video job on the
 * routed engine with its fallback chain and circuit breaker ({@link SceneVideos}); the stage looks
 * at the jobs every few seconds without holding a worker in between, and records each scene's clip,
 * engine and fallback as it lands. Each job is started once (an idempotency key per scene and
 * round), so a stage that runs again after a crash finds its jobs rather than paying twice. When a
 * scene fails for good (its credits refunded by its job) the storyboard fails, naming it; approving
 * production again produces only the scenes without a clip.
 */
final class ProductionStage {

  private final Storyboards boards;
  private final SceneVideos videos;
  private final BrandSettings settings;

  ProductionStage(Storyboards boards, SceneVideos videos, BrandSettings settings) {
    this.boards = boards;
    this.videos = videos;
    this.settings = settings;
  }

  StageResult execute(StageContext context) {
    UUID id = BrandJson.read(context.inputs(), StoryboardInput.class).storyboardId();
    // Seed 001's financial firewall holds here too, whoever approved the run's review.
    List<Scene> approved = BrandJson.scenes(boards.get(id).scenesJson());
    if (approved.isEmpty()
        || !approved.stream()
            .allMatch(s -> s.trafficLight() == TrafficLight.GREEN && s.settled())) {
      throw new ReelForgeException(
          ErrorCode.CONFLICT,
          "production needs every scene GREEN; approve production with /api/director/approve-production",
          false,
          List.of(),
          null);
    }
    Storyboard board =
        boards.modify(
            id,
            edit ->
                edit.status() == DirectorStatus.RENDERING
                    ? null
                    : edit.status(DirectorStatus.RENDERING));
    ProductionEngine routed = ProductionEngine.parse(board.productionEngine(), "production_engine");
    for (Scene scene : BrandJson.scenes(board.scenesJson())) {
      if (scene.finalVideoKey() == null && scene.videoJobId() == null) {
        start(board, scene, routed);
      }
    }
    board = boards.get(id);
    List<Scene> scenes = BrandJson.scenes(board.scenesJson());
    List<String> failures = new ArrayList<>();
    int done = 0;
    for (Scene scene : scenes) {
      if (scene.finalVideoKey() != null) {
        done++;
        continue;
      }
      SceneVideos.State state = videos.state(board.ownerId(), scene.videoJobId());
      switch (state) {
        case SceneVideos.Done d -> {
          done++;
          boards.modify(
              id,
              edit ->
                  edit.scene(
                      PreviewStage.find(edit.scenes(), scene.id())
                          .produced(
                              d.clipKey(),
                              d.seconds(),
                              d.engine(),
                              !d.engine().equals(routed.engine()),
                              d.credits(),
                              edit.now)));
        }
        case SceneVideos.Failed f -> {
          String why =
              "scene "
                  + (scene.sequenceIndex() + 1)
                  + ": "
                  + f.code()
                  + " "
                  + f.message()
                  + " ("
                  + f.userAction()
                  + ")";
          failures.add(why);
          boards.modify(
              id,
              edit ->
                  edit.scene(
                      PreviewStage.find(edit.scenes(), scene.id())
                          .productionFailed(why, edit.now)));
        }
        case SceneVideos.Running r -> {}
      }
    }
    boards.modify(id, edit -> edit.credits(charged(edit.scenes())));
    if (!failures.isEmpty()) {
      // Not retryable here: each scene's job already went through its retries and fallbacks.
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR,
          "production failed for "
              + String.join("; ", failures)
              + "; their credits were refunded, approve production again to retry them",
          false,
          List.of(),
          null);
    }
    context.progress(
        (double) done / scenes.size(), done + " of " + scenes.size() + " scenes produced");
    if (done < scenes.size()) {
      return StageResult.retryLater(settings.pollEvery());
    }
    return StageResult.completed("{}");
  }

  private void start(Storyboard board, Scene scene, ProductionEngine routed) {
    SceneVideos.Order order =
        new SceneVideos.Order(
            scene.cinematographyPrompt(),
            scene.previewKey(),
            routed.engine(),
            settings.sceneSeconds(),
            routed.clipAspect(),
            scene.previewSeed() == null ? 0 : scene.previewSeed());
    // Stable across a crash between submit and record, new after a failure.
    String key =
        "brand:"
            + board.id()
            + ":"
            + scene.id()
            + ":"
            + scene.attemptCount()
            + ":"
            + scene.productionFailures();
    UUID job = videos.submit(board.ownerId(), order, key);
    boards.modify(
        board.id(),
        edit -> edit.scene(PreviewStage.find(edit.scenes(), scene.id()).producing(job, edit.now)));
  }

  private static BigDecimal charged(List<Scene> scenes) {
    return BigDecimal.valueOf(scenes.stream().mapToLong(Scene::creditsCharged).sum());
  }
}
