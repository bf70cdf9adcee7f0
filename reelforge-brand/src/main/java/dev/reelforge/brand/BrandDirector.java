package dev.reelforge.brand;

import dev.reelforge.core.brand.BrandStore;
import dev.reelforge.core.brand.DirectorStatus;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.brand.StylePreset;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.brand.VisionStatus;
import dev.reelforge.core.brand.YellowContext;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.SubmitRequest;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.jobs.spi.TaskStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The brand director as a person uses it (seed 001 §8's {@code vision.*} and {@code director.*}):
 * upload, read vision jobs, start a storyboard, review its scenes GREEN, YELLOW or RED, approve
 * production and read the whole state. Every read and change is the owner's: another user's job,
 * storyboard or scene is not found. The work itself runs on the job engine ({@link
 * BrandPipelines}).
 */
public final class BrandDirector {

  /**
   * How long a refine or an approval waits for the storyboard run to park for review before it
   * answers; a run still busy then is told at the next look.
   */
  static final Duration SIGNAL_PATIENCE = Duration.ofSeconds(5);

  /** The stages a failed storyboard can be produced again from. */
  private static final java.util.Set<String> AFTER_REVIEW =
      java.util.Set.of(BrandPipelines.PRODUCTION, BrandPipelines.ASSEMBLE);

  private final BrandStore store;
  private final JobService jobs;
  private final BrandFiles files;
  private final SceneVideos videos;
  private final BrandSettings settings;
  private final Storyboards boards;
  private final ReviewGate gate;
  private final Clock clock;

  public BrandDirector(
      BrandStore store,
      JobService jobs,
      BrandFiles files,
      SceneVideos videos,
      BrandSettings settings,
      Clock clock) {
    this.store = store;
    this.jobs = jobs;
    this.files = files;
    this.videos = videos;
    this.settings = settings;
    this.boards = new Storyboards(store, clock);
    this.gate = new ReviewGate(boards, jobs);
    this.clock = clock;
  }

  /**
   * A checked upload: the app verified type, magic bytes, size and decodability and normalised it.
   *
   * @param extension {@code jpg}, {@code png} or {@code webp}
   * @param original the bytes as sent
   * @param normalisedPng the decoded picture as PNG (what analysis reads)
   */
  public record Upload(
      String originalFilename,
      String storedFilename,
      String mimeType,
      long size,
      String sha256,
      String extension,
      Path original,
      Path normalisedPng) {}

  /** An upload's vision job, and whether it was the owner's earlier job for the same file. */
  public record Uploaded(VisionJob job, boolean deduplicated) {}

  /**
   * Stores an upload and starts its analysis; the same file again (SHA-256) answers the earlier
   * job.
   */
  public Uploaded upload(UUID owner, Upload upload) {
    UUID id = Ids.newId(clock);
    VisionJob fresh =
        VisionJob.uploaded(
            id,
            owner,
            BrandKeys.upload(owner, id, upload.extension()),
            upload.originalFilename(),
            upload.storedFilename(),
            upload.mimeType(),
            upload.size(),
            upload.sha256(),
            clock.instant());
    BrandStore.Insert insert = store.insert(fresh);
    VisionJob job = insert.job();
    if (job.status() == VisionStatus.FAILED) {
      // The same file again after its analysis failed (a vendor outage): analyse it anew.
      job = store.update(new VisionJobs.Edit(job, clock.instant()).retried().build());
    }
    if (job.runId().isEmpty() && job.status() == VisionStatus.PENDING) {
      // A new job, a retried one, or one whose upload stopped before its run started.
      files.put(job.imageKey(), upload.original());
      files.put(BrandKeys.normalised(owner, job.id()), upload.normalisedPng());
      job = startAnalysis(job);
    }
    return new Uploaded(job, insert.deduplicated());
  }

  private VisionJob startAnalysis(VisionJob job) {
    RunRecord run =
        jobs.submit(
                new SubmitRequest(
                    job.ownerId(),
                    BrandPipelines.ANALYSIS_KIND,
                    BrandJson.write(new AnalysisStages.Input(job.id())),
                    0,
                    Optional.of("brand-analysis:" + job.id() + ":" + job.retryCount()),
                    0))
            .run();
    // Not written here: the analysis stage records its run when it starts, and a write of this
    // copy could undo what a fast worker wrote meanwhile. Starting again is harmless (same key).
    return new VisionJobs.Edit(job, job.updatedAt()).run(run.id()).build();
  }

  public VisionJob job(UUID owner, UUID id) {
    return store.visionJob(owner, id).orElseThrow(() -> ReelForgeException.notFound("Job", id));
  }

  public List<VisionJob> jobs(UUID owner, int limit) {
    return store.visionJobs(owner, limit);
  }

  public List<StylePreset> stylePresets() {
    return store.stylePresets();
  }

  /** The owner's storyboards of a vision job, newest first. */
  public List<Storyboard> storyboards(UUID owner, UUID jobId) {
    job(owner, jobId);
    return store.storyboardsOf(owner, jobId);
  }

  /** What {@code /director/init} asks for (seed 001's {@code InitDirectorSchema}). */
  public record InitRequest(
      UUID jobId,
      boolean forceRemaster,
      Optional<ProductionEngine> preferredEngine,
      Optional<String> stylePreset) {}

  /**
   * Starts a storyboard for an analysed job: routes its engine from the scores and starts the
   * scripting and previews.
   *
   * @throws ReelForgeException CONFLICT while the job is not analysed, or when it is flagged or
   *     failed; INVALID_INPUT for an unknown style preset
   */
  public Storyboard init(UUID owner, InitRequest request) {
    VisionJob job = job(owner, request.jobId());
    switch (job.status()) {
      case COMPLETED -> {}
      case FLAGGED ->
          throw new ReelForgeException(
              ErrorCode.CONFLICT,
              "the image was flagged by the integrity filter: "
                  + job.flaggedReason().orElse("integrity below 0.4")
                  + "; upload a clearer image");
      case FAILED ->
          throw new ReelForgeException(
              ErrorCode.CONFLICT,
              "the image's analysis failed: " + job.errorMessage().orElse("unknown error"));
      default ->
          throw new ReelForgeException(
              ErrorCode.CONFLICT,
              "the image is still being analysed (" + job.status().wire() + ")");
    }
    request
        .stylePreset()
        .ifPresent(
            id -> {
              if (store.stylePresets().stream().noneMatch(p -> p.id().equals(id))) {
                throw ReelForgeException.invalidField(
                    "stylePreset", "no style preset '" + id + "'");
              }
            });
    EngineRouting.Route route =
        EngineRouting.route(job.scores().orElseThrow(), request.preferredEngine());
    UUID id = Ids.newId(clock);
    Storyboard board =
        store.insert(
            new Storyboard(
                id,
                job.id(),
                owner,
                Optional.empty(),
                route.engine().name(),
                route.reason(),
                DirectorStatus.SCRIPTING,
                request.stylePreset(),
                "[]",
                "[]",
                Optional.empty(),
                BigDecimal.ZERO,
                Optional.empty(),
                1,
                clock.instant(),
                clock.instant(),
                Optional.empty()));
    RunRecord run =
        jobs.submit(
                new SubmitRequest(
                    owner,
                    BrandPipelines.STORYBOARD_KIND,
                    BrandJson.write(new StoryboardInput(id, request.forceRemaster())),
                    0,
                    Optional.of("brand-storyboard:" + id),
                    0))
            .run();
    return boards.modify(board.id(), edit -> edit.run(run.id()));
  }

  /**
   * A YELLOW (a conversational edit from {@code feedback}) or RED (a re-roll) on one scene under
   * review: the scene shows that light until its revision and new preview are made.
   *
   * @throws ReelForgeException INVALID_INPUT for a YELLOW without feedback; CONFLICT outside review
   *     or while the scene is already being revised
   */
  public DirectorState refine(UUID owner, UUID sceneId, TrafficLight light, String feedback) {
    if (light != TrafficLight.YELLOW && light != TrafficLight.RED) {
      throw ReelForgeException.invalidField("status", "must be YELLOW or RED");
    }
    String words = Feedback.clean(feedback);
    if (light == TrafficLight.YELLOW && words.isEmpty()) {
      throw ReelForgeException.invalidField("feedback", "Feedback required for YELLOW status");
    }
    Storyboard board = boardOfScene(owner, sceneId);
    boards.modify(
        board.id(),
        edit -> {
          inReview(edit.status());
          Scene scene = PreviewStage.find(edit.scenes(), sceneId);
          if (scene.pendingRevision() != null || scene.previewKey() == null) {
            throw new ReelForgeException(
                ErrorCode.CONFLICT,
                "scene " + (scene.sequenceIndex() + 1) + " is being revised; wait for its preview");
          }
          return edit.scene(scene.asking(light, words.isEmpty() ? null : words, edit.now));
        });
    gate.nudge(board.id(), SIGNAL_PATIENCE);
    return state(owner, board.id());
  }

  /** GREEN: the scene is approved as its preview shows it. */
  public DirectorState approveScene(UUID owner, UUID sceneId) {
    Storyboard board = boardOfScene(owner, sceneId);
    boards.modify(
        board.id(),
        edit -> {
          inReview(edit.status());
          Scene scene = PreviewStage.find(edit.scenes(), sceneId);
          if (!scene.settled()) {
            throw new ReelForgeException(
                ErrorCode.CONFLICT,
                "scene "
                    + (scene.sequenceIndex() + 1)
                    + " is being revised; approve its new preview");
          }
          return edit.scene(scene.withLight(TrafficLight.GREEN, edit.now));
        });
    return state(owner, board.id());
  }

  /**
   * Seed 001's financial firewall: production starts only when every scene is GREEN; a storyboard
   * whose production failed is produced again (only the scenes without a clip).
   *
   * @throws ReelForgeException CONFLICT otherwise; INSUFFICIENT_CREDITS when the owner cannot pay
   */
  public DirectorState approveProduction(UUID owner, UUID storyboardId) {
    Storyboard board = storyboard(owner, storyboardId);
    List<Scene> scenes = BrandJson.scenes(board.scenesJson());
    long unpaid =
        scenes.stream().filter(s -> s.finalVideoKey() == null && s.videoJobId() == null).count();
    if (board.status() == DirectorStatus.FAILED && allGreen(scenes)) {
      videos.checkAffordable(owner, (int) unpaid, settings.sceneSeconds());
      TaskRecord dead =
          tasks(board).stream()
              .filter(t -> t.status() == TaskStatus.DEAD && AFTER_REVIEW.contains(t.stage()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ReelForgeException(
                          ErrorCode.CONFLICT,
                          "this storyboard cannot be produced again (it failed before review or was"
                              + " cancelled); start a new one"));
      if (!jobs.requeueDead(dead.id(), "brand-director")) {
        throw new ReelForgeException(
            ErrorCode.CONFLICT, "the storyboard is already being produced again");
      }
      return state(owner, storyboardId);
    }
    videos.checkAffordable(owner, (int) unpaid, settings.sceneSeconds());
    // The check and the move are one write: a scene sent back meanwhile cannot slip through.
    boards.modify(
        board.id(),
        edit -> {
          if (edit.status() != DirectorStatus.REVIEW) {
            throw new ReelForgeException(
                ErrorCode.CONFLICT,
                "production can be approved in review only; the storyboard is "
                    + edit.status().wire());
          }
          long waiting =
              edit.scenes().stream()
                  .filter(s -> s.trafficLight() != TrafficLight.GREEN || !s.settled())
                  .count();
          if (waiting > 0 || edit.scenes().isEmpty()) {
            throw new ReelForgeException(
                ErrorCode.CONFLICT,
                waiting
                    + " of "
                    + edit.scenes().size()
                    + " scenes are not GREEN; approve every scene first");
          }
          return edit.status(DirectorStatus.RENDERING);
        });
    gate.nudge(board.id(), SIGNAL_PATIENCE);
    return state(owner, storyboardId);
  }

  public Storyboard storyboard(UUID owner, UUID id) {
    return store
        .storyboard(owner, id)
        .orElseThrow(() -> ReelForgeException.notFound("Storyboard", id));
  }

  public DirectorState state(UUID owner, UUID storyboardId) {
    // A wake-up lost to a restart or a timeout is made good by the next look.
    gate.nudge(storyboard(owner, storyboardId).id(), Duration.ZERO);
    Storyboard board = storyboard(owner, storyboardId);
    VisionJob job =
        store
            .visionJob(owner, board.jobId())
            .orElseThrow(() -> ReelForgeException.notFound("Job", board.jobId()));
    Optional<RunRecord> run = board.runId().map(jobs::run);
    return new DirectorState(
        board,
        job,
        BrandJson.scenes(board.scenesJson()),
        board.resultJson().map(r -> BrandJson.read(r, BrandVideos.class)),
        run,
        board.runId().flatMap(r -> ModerationHold.of(jobs, r)));
  }

  /** Tells a vision job or storyboard that its run failed or was cancelled (the run follower). */
  public void runEnded(RunRecord run) {
    if (run.status() != RunStatus.FAILED && run.status() != RunStatus.CANCELLED) {
      return;
    }
    String why =
        run.error()
            .map(e -> e.code() + ": " + e.message())
            .orElse(run.status() == RunStatus.CANCELLED ? "cancelled" : "failed");
    UUID input;
    if (run.kind().equals(BrandPipelines.ANALYSIS_KIND)) {
      input = BrandJson.read(run.inputs(), AnalysisStages.Input.class).jobId();
      store
          .visionJob(input)
          .filter(job -> !job.status().finished())
          .ifPresent(
              job -> store.update(new VisionJobs.Edit(job, clock.instant()).failed(why).build()));
    } else if (run.kind().equals(BrandPipelines.STORYBOARD_KIND)) {
      input = BrandJson.read(run.inputs(), StoryboardInput.class).storyboardId();
      Optional<Storyboard> ended = store.storyboard(input);
      if (ended.isPresent()) {
        // Scene jobs still at work would be charged for clips nobody assembles: stop them.
        for (Scene scene : BrandJson.scenes(ended.get().scenesJson())) {
          if (scene.videoJobId() != null && scene.finalVideoKey() == null) {
            videos.cancel(ended.get().ownerId(), scene.videoJobId());
          }
        }
        boards.modify(
            input,
            edit ->
                edit.status() == DirectorStatus.COMPLETED || edit.status() == DirectorStatus.FAILED
                    ? null
                    : edit.failed(why));
      }
    }
  }

  private Storyboard boardOfScene(UUID owner, UUID sceneId) {
    return store
        .storyboardOfScene(owner, sceneId)
        .orElseThrow(() -> ReelForgeException.notFound("Scene", sceneId));
  }

  private List<TaskRecord> tasks(Storyboard board) {
    return board.runId().map(jobs::tasks).orElse(List.of());
  }

  private static boolean allGreen(List<Scene> scenes) {
    return !scenes.isEmpty()
        && scenes.stream().allMatch(s -> s.trafficLight() == TrafficLight.GREEN);
  }

  private static void inReview(DirectorStatus status) {
    if (status != DirectorStatus.REVIEW) {
      throw new ReelForgeException(
          ErrorCode.CONFLICT,
          "scenes can be reviewed when the storyboard is in review; it is " + status.wire());
    }
  }

  /** Seed 001's sanitised feedback: trimmed, control characters removed, at most 500. */
  static final class Feedback {
    private Feedback() {}

    static String clean(String feedback) {
      if (feedback == null) {
        return "";
      }
      String clean = feedback.strip().replaceAll("[\\x00-\\x1F\\x7F]", "");
      if (clean.length() > YellowContext.MAX_FEEDBACK_CHARS) {
        throw ReelForgeException.invalidField(
            "feedback", "must be at most " + YellowContext.MAX_FEEDBACK_CHARS + " characters");
      }
      return clean;
    }
  }
}
