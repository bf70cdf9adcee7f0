package dev.reelforge.brand;

import dev.reelforge.core.brand.Director;
import dev.reelforge.core.brand.DirectorBrief;
import dev.reelforge.core.brand.DirectorStatus;
import dev.reelforge.core.brand.SceneScript;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.brand.YellowContext;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.imagegen.GeneratedImage;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.imagegen.ImageRequest;
import dev.reelforge.core.imagegen.Pngs;
import dev.reelforge.core.jobs.api.StageCancelledException;
import dev.reelforge.core.jobs.api.StageContext;
import dev.reelforge.core.jobs.api.StageResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The storyboard run's review stage (seed 001's "preview generation" and "review"): makes each
 * scene's revision asked for (YELLOW: a conversational edit; RED: a re-roll) and each missing
 * preview, then parks the run for review. A person's refine wakes it again (a review CHANGE); their
 * approval of production completes it. Revisions asked for while it works are made before it parks.
 */
final class PreviewStage {

  private final Storyboards boards;
  private final Briefs briefs;
  private final Director director;
  private final ImageGenerator images;
  private final BrandFiles files;
  private final BrandSettings settings;
  private final Path workRoot;

  PreviewStage(
      Storyboards boards,
      Briefs briefs,
      Director director,
      ImageGenerator images,
      BrandFiles files,
      BrandSettings settings,
      Path workRoot) {
    this.boards = boards;
    this.briefs = briefs;
    this.director = director;
    this.images = images;
    this.files = files;
    this.settings = settings;
    this.workRoot = workRoot;
  }

  StageResult execute(StageContext context) {
    StoryboardInput input = BrandJson.read(context.inputs(), StoryboardInput.class);
    UUID id = input.storyboardId();
    while (true) {
      Storyboard board = boards.get(id);
      List<Scene> scenes = BrandJson.scenes(board.scenesJson());
      Optional<Scene> next =
          scenes.stream()
              .filter(s -> s.pendingRevision() != null || s.previewKey() == null)
              .findFirst();
      if (next.isEmpty()) {
        break;
      }
      context.checkCancelled();
      Scene scene = next.get();
      if (scene.pendingRevision() != null) {
        try {
          revise(board, scene);
        } catch (RuntimeException failed) {
          if (failed instanceof StageCancelledException) {
            throw failed;
          }
          // A revision that cannot be made costs the person that revision, not the storyboard.
          dropRevision(board, scene, failed);
        }
      } else {
        long done = scenes.stream().filter(Scene::settled).count();
        context.progress(
            (double) done / scenes.size(), "preview of scene " + (scene.sequenceIndex() + 1));
        preview(board, scene, context.taskId());
      }
    }
    // Only the first pass moves to review; after a revision it is review already, or rendering
    // when production was approved while this execution finished.
    Storyboard board =
        boards.modify(
            id,
            edit ->
                edit.status() == DirectorStatus.PREVIEW_GENERATION
                    ? edit.status(DirectorStatus.REVIEW)
                    : null);
    context.progress(1.0, "every scene has its preview: awaiting review");
    return StageResult.awaitReview(
        BrandJson.write(Map.of("storyboard_id", id.toString(), "version", board.version())));
  }

  private void revise(Storyboard board, Scene scene) {
    Scene.PendingRevision asked = scene.pendingRevision();
    SceneScript script;
    List<YellowContext.Message> exchange;
    DirectorBrief brief = briefs.brief(board);
    if (asked.light() == TrafficLight.YELLOW) {
      VisionJob job = briefs.job(board);
      YellowContext yellow =
          new YellowContext(
              brief.analysis().brandEssencePrompt(),
              brief.styleReferenceUrl(),
              scene.script(),
              scene.sequenceIndex(),
              scene.conversation(),
              List.of(
                  new YellowContext.UserAsset(
                      files.publicUrl(job.imageKey()).orElse(job.imageKey()),
                      "image",
                      job.createdAt())),
              scene.promptHistory(),
              asked.feedback(),
              brief.palette());
      Director.Revision revision = director.revise(yellow);
      script = revision.scene();
      java.time.Instant now = boards.now();
      exchange =
          List.of(
              new YellowContext.Message("user", asked.feedback(), asked.requestedAt()),
              new YellowContext.Message("assistant", revision.reply(), now));
    } else {
      script =
          director.reroll(brief, scene.sequenceIndex(), scene.script(), scene.attemptCount() + 1);
      exchange = List.of();
    }
    boards.modify(
        board.id(),
        edit -> {
          Scene current = find(edit.scenes(), scene.id());
          // Only the revision this execution made is settled; one asked for meanwhile stays.
          if (current.pendingRevision() == null
              || !current.pendingRevision().requestedAt().equals(asked.requestedAt())) {
            return null;
          }
          return edit.scene(current.revised(script, exchange, edit.now));
        });
  }

  private void preview(Storyboard board, Scene scene, UUID taskId) {
    Made made;
    try {
      made = make(board, scene, taskId);
    } catch (ReelForgeException failed) {
      if (scene.promptHistory().isEmpty()) {
        throw failed; // a first preview: the storyboard cannot go on without it
      }
      dropRevision(board, scene, failed);
      return;
    }
    boards.modify(
        board.id(),
        edit -> {
          Scene current = find(edit.scenes(), scene.id());
          if (current.attemptCount() != scene.attemptCount() || current.previewKey() != null) {
            return null;
          }
          return edit.scene(current.withPreview(made.key(), made.seed(), made.licence(), edit.now));
        });
  }

  /** A preview made and stored: its blob key, seed and the generator's licence. */
  record Made(String key, long seed, dev.reelforge.core.licence.MediaLicence licence) {}

  /** Generates the scene's preview (with seed 001's retries) and stores it. */
  Made make(Storyboard board, Scene scene, UUID taskId) {
    long seed = AnalysisStages.seedOf(scene.id()) + scene.attemptCount();
    String key =
        BrandKeys.preview(
            board.ownerId(),
            board.jobId(),
            board.id(),
            scene.sequenceIndex(),
            scene.attemptCount());
    try (WorkFolder work = new WorkFolder(workRoot, taskId)) {
      GeneratedImage image = generate(scene, seed, work);
      files.put(key, asPng(image.file(), work.file("preview.png")));
      return new Made(key, seed, image.licence());
    }
  }

  /**
   * The moderation gate's re-roll of a scene: a new script from the director, as a RED asks, with
   * the scene kept GREEN (the operator's re-roll stands for the approval; the owner sees the new
   * preview and the old prompt in its history). Its preview is made by {@link #fillForModeration}.
   */
  void rerollForModeration(UUID boardId, UUID sceneId) {
    Storyboard board = boards.get(boardId);
    Scene scene = find(BrandJson.scenes(board.scenesJson()), sceneId);
    SceneScript script =
        director.reroll(
            briefs.brief(board), scene.sequenceIndex(), scene.script(), scene.attemptCount() + 1);
    boards.modify(
        boardId,
        edit -> {
          Scene current = find(edit.scenes(), sceneId);
          if (current.attemptCount() != scene.attemptCount()) {
            return null;
          }
          return edit.scene(
              current.revised(script, List.of(), edit.now).withLight(TrafficLight.GREEN, edit.now));
        });
  }

  /**
   * Makes the preview of every scene the moderation gate re-rolled and has none yet; a failure
   * fails the stage's try (its retries make the rest), never the scene's light.
   */
  void fillForModeration(UUID boardId, UUID taskId) {
    for (Scene scene : BrandJson.scenes(boards.get(boardId).scenesJson())) {
      if (scene.previewKey() != null) {
        continue;
      }
      Made made = make(boards.get(boardId), scene, taskId);
      boards.modify(
          boardId,
          edit -> {
            Scene current = find(edit.scenes(), scene.id());
            if (current.attemptCount() != scene.attemptCount() || current.previewKey() != null) {
              return null;
            }
            return edit.scene(
                current.withPreview(made.key(), made.seed(), made.licence(), edit.now));
          });
    }
  }

  /**
   * Gives up a revision: the scene keeps showing its last preview (the one its earlier prompt made)
   * and says why, so the person can approve it or ask again.
   */
  private void dropRevision(Storyboard board, Scene scene, RuntimeException failed) {
    YellowContext.PromptAttempt last =
        scene.promptHistory().isEmpty() ? null : scene.promptHistory().getLast();
    String why =
        (failed instanceof ReelForgeException e ? e.code() + ": " : "") + failed.getMessage();
    boards.modify(
        board.id(),
        edit -> {
          Scene current = find(edit.scenes(), scene.id());
          if (current.attemptCount() != scene.attemptCount()) {
            return null;
          }
          return edit.scene(
              current.revisionFailed(
                  "the revision could not be made (" + why + "); ask again",
                  last == null ? current.previewKey() : last.resultUrl(),
                  current.previewSeed(),
                  edit.now));
        });
  }

  /** Seed 001 §6.2: a preview is tried three times, waiting 1 s, then 2 s. */
  private GeneratedImage generate(Scene scene, long seed, WorkFolder work) {
    ImageRequest request =
        new ImageRequest(
            scene.cinematographyPrompt(), settings.previewSize(), settings.previewSize(), seed);
    Duration wait = settings.previewBackoff();
    RuntimeException last = null;
    for (int attempt = 1; attempt <= settings.previewAttempts(); attempt++) {
      try {
        return images.generate(request, work.path());
      } catch (RuntimeException e) {
        last = e;
        if (attempt < settings.previewAttempts()) {
          sleep(wait);
          wait = wait.multipliedBy(2);
        }
      }
    }
    throw new ReelForgeException(
        ErrorCode.PREVIEW_FAILED,
        "the preview of scene "
            + (scene.sequenceIndex() + 1)
            + " failed "
            + settings.previewAttempts()
            + " times: "
            + last.getMessage(),
        last);
  }

  static Scene find(List<Scene> scenes, UUID id) {
    return scenes.stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow(() -> ReelForgeException.notFound("Scene", id));
  }

  /**
   * Previews are stored as PNG whatever the generator answered (fal.ai answers JPEG): their keys
   * end in {@code .png}, their content type follows, and a video engine gets the start frame it is
   * told. Answers {@code file} when it is a PNG already, else its picture written as PNG to {@code
   * target}.
   */
  private static Path asPng(Path file, Path target) {
    try {
      if (Pngs.isPng(file)) {
        return file;
      }
      if (Pngs.writeAsPng(file, target).isEmpty()) {
        throw new ReelForgeException(
            ErrorCode.PREVIEW_FAILED, "the preview is in a format that cannot be read here");
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StageCancelledException();
    }
  }
}
