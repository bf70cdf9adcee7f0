package dev.reelforge.app.ui;

import dev.reelforge.app.brand.BrandLinks;
import dev.reelforge.app.brand.StagedUploads;
import dev.reelforge.app.security.Audit;
import dev.reelforge.app.storage.NamedDownloads;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.brand.BrandDirector;
import dev.reelforge.brand.BrandPipelines;
import dev.reelforge.brand.DirectorState;
import dev.reelforge.brand.ProductionEngine;
import dev.reelforge.brand.Scene;
import dev.reelforge.brand.SceneVideos;
import dev.reelforge.brand.TrafficLight;
import dev.reelforge.core.brand.DirectorStatus;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.jobs.engine.JobService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Director mode (seed 001 through the same {@link BrandDirector} as the API): a brand picture is
 * uploaded (checked as the API's uploads are, {@link StagedUploads}), its analysis card shows the
 * palette, scores and flag, a storyboard is directed from it, each scene is reviewed GREEN, YELLOW
 * (with words) or RED, and production is approved once every scene is GREEN; the pages follow the
 * work live (htmx re-reads their panel every 2 s while something is being made) and end with the
 * finished videos. Another user's upload, storyboard or scene is a 404 page; a refusal (409 and the
 * like) is said in words above the page's content, with the status code.
 */
@Controller
public class DirectorPagesController {

  /** How many uploads the Director page lists. */
  static final int RECENT = 20;

  private static final List<String> STAGES =
      List.of(
          BrandPipelines.SCRIPT,
          BrandPipelines.PREVIEWS,
          BrandPipelines.PRODUCTION,
          BrandPipelines.ASSEMBLE);

  private final BrandDirector director;
  private final StagedUploads uploads;
  private final BrandLinks links;
  private final SceneVideos videos;
  private final JobService jobs;
  private final NamedDownloads downloads;
  private final Audit audit;

  DirectorPagesController(
      BrandDirector director,
      StagedUploads uploads,
      BrandLinks links,
      SceneVideos videos,
      JobService jobs,
      NamedDownloads downloads,
      Audit audit) {
    this.director = director;
    this.uploads = uploads;
    this.links = links;
    this.videos = videos;
    this.jobs = jobs;
    this.downloads = downloads;
    this.audit = audit;
  }

  @GetMapping("/ui/director")
  String page(Model model) {
    return page(RequestOwner.current(), model);
  }

  /** The upload form: checked, stored and analysed; the browser goes on to the analysis card. */
  @PostMapping("/ui/director")
  String upload(
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      HttpServletResponse response) {
    UUID owner = RequestOwner.current();
    try {
      BrandDirector.Uploaded uploaded = uploads.fromMultipart(owner, file);
      audit.record(
          "brand.upload",
          "vision_job",
          uploaded.job().id().toString(),
          null,
          Map.of(
              "original_filename", uploaded.job().originalFilename(),
              "file_hash", uploaded.job().fileHash(),
              "deduplicated", uploaded.deduplicated()));
      return "redirect:/ui/director/jobs/" + uploaded.job().id();
    } catch (ReelForgeException e) {
      response.setStatus(e.code().httpStatus());
      model.addAttribute("error", refusal(e));
      return page(owner, model);
    }
  }

  @GetMapping("/ui/director/jobs/{id}")
  String job(@PathVariable String id, Model model) {
    jobModel(RequestOwner.current(), id, model);
    return "ui/director-job";
  }

  /** The analysis card alone, for htmx's polling while the picture is analysed. */
  @GetMapping("/ui/director/jobs/{id}/panel")
  String jobPanel(@PathVariable String id, Model model) {
    jobModel(RequestOwner.current(), id, model);
    return "ui/director-job :: card";
  }

  /** "Direct a storyboard": routes its engine and starts the scenes and previews. */
  @PostMapping("/ui/director/jobs/{id}/direct")
  String direct(
      @PathVariable String id,
      @RequestParam(name = "stylePreset", required = false) String stylePreset,
      @RequestParam(name = "engine", required = false) String engine,
      @RequestParam(name = "forceRemaster", required = false) String forceRemaster,
      Model model,
      HttpServletResponse response) {
    UUID owner = RequestOwner.current();
    VisionJob job = director.job(owner, Ids.parse(id, "Job"));
    try {
      Storyboard board =
          director.init(
              owner,
              new BrandDirector.InitRequest(
                  job.id(),
                  forceRemaster != null && !forceRemaster.isBlank(),
                  chosen(engine).map(e -> ProductionEngine.parse(e, "engine")),
                  chosen(stylePreset)));
      audit.record(
          "director.init",
          "storyboard",
          board.id().toString(),
          null,
          Map.of(
              "job_id", job.id().toString(),
              "production_engine", board.productionEngine(),
              "routing_reason", board.routingReason()));
      return "redirect:/ui/director/storyboards/" + board.id();
    } catch (ReelForgeException e) {
      response.setStatus(e.code().httpStatus());
      model.addAttribute("error", refusal(e));
      model.addAttribute("chosenPreset", stylePreset == null ? "" : stylePreset);
      model.addAttribute("chosenEngine", engine == null ? "" : engine);
      jobModel(owner, id, model);
      return "ui/director-job";
    }
  }

  @GetMapping("/ui/director/storyboards/{id}")
  String storyboard(@PathVariable String id, Model model) {
    boardModel(RequestOwner.current(), id, model);
    return "ui/director-storyboard";
  }

  /** The storyboard's panel alone, for htmx's polling while something is being made. */
  @GetMapping("/ui/director/storyboards/{id}/panel")
  String storyboardPanel(@PathVariable String id, Model model) {
    boardModel(RequestOwner.current(), id, model);
    return "ui/director-storyboard :: panel";
  }

  /** GREEN: the scene is approved as its preview shows it. */
  @PostMapping("/ui/director/storyboards/{id}/scenes/{index}/approve")
  String approveScene(
      @PathVariable String id,
      @PathVariable String index,
      Model model,
      HttpServletResponse response) {
    UUID owner = RequestOwner.current();
    Scene scene = sceneOf(owner, id, index);
    return act(
        owner,
        id,
        model,
        response,
        scene,
        () -> director.approveScene(owner, scene.id()),
        "director.approve-scene",
        Map.of("storyboard_id", id, "status", "GREEN"));
  }

  /** YELLOW (a change in the owner's words) or RED (a re-roll). */
  @PostMapping("/ui/director/storyboards/{id}/scenes/{index}/refine")
  String refineScene(
      @PathVariable String id,
      @PathVariable String index,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "feedback", required = false) String feedback,
      Model model,
      HttpServletResponse response) {
    UUID owner = RequestOwner.current();
    Scene scene = sceneOf(owner, id, index);
    return act(
        owner,
        id,
        model,
        response,
        scene,
        () -> director.refine(owner, scene.id(), light(status), feedback),
        "director.refine",
        Map.of("storyboard_id", id, "status", String.valueOf(status)));
  }

  /** The form's light: YELLOW or RED, anything else refused. */
  private static TrafficLight light(String status) {
    if ("YELLOW".equals(status)) {
      return TrafficLight.YELLOW;
    }
    if ("RED".equals(status)) {
      return TrafficLight.RED;
    }
    throw ReelForgeException.invalidField("status", "must be YELLOW or RED");
  }

  /** Seed 001's financial firewall: production starts once every scene is GREEN. */
  @PostMapping("/ui/director/storyboards/{id}/production")
  String approveProduction(@PathVariable String id, Model model, HttpServletResponse response) {
    UUID owner = RequestOwner.current();
    UUID board = Ids.parse(id, "Storyboard");
    director.storyboard(owner, board);
    return act(
        owner,
        id,
        model,
        response,
        null,
        () -> director.approveProduction(owner, board),
        "director.approve-production",
        Map.of("storyboard_id", id));
  }

  /**
   * Runs a review action; on success back to the storyboard (a plain GET, so a reload does not post
   * again), otherwise the storyboard with the refusal in words: next to the scene's YELLOW form
   * when it was about that form's words, above the scenes otherwise.
   */
  private String act(
      UUID owner,
      String id,
      Model model,
      HttpServletResponse response,
      Scene scene,
      Supplier<DirectorState> action,
      String auditAction,
      Map<String, ?> auditAfter) {
    try {
      action.get();
      audit.record(
          auditAction,
          scene == null ? "storyboard" : "scene",
          scene == null ? id : scene.id().toString(),
          null,
          auditAfter);
      return "redirect:/ui/director/storyboards/" + id;
    } catch (ReelForgeException e) {
      if (e.code() == ErrorCode.RESOURCE_NOT_FOUND) {
        throw e;
      }
      response.setStatus(e.code().httpStatus());
      boolean aboutFeedback =
          scene != null && e.violations().stream().anyMatch(v -> v.field().equals("feedback"));
      if (aboutFeedback) {
        model.addAttribute("sceneErrors", Map.of(scene.sequenceIndex(), refusal(e)));
      } else {
        model.addAttribute("error", refusal(e));
      }
      boardModel(owner, id, model);
      return "ui/director-storyboard";
    }
  }

  private String page(UUID owner, Model model) {
    model.addAttribute(
        "uploads",
        director.jobs(owner, RECENT).stream().map(j -> VisionJobView.of(j, links)).toList());
    return "ui/director";
  }

  private void jobModel(UUID owner, String id, Model model) {
    VisionJob job = director.job(owner, Ids.parse(id, "Job"));
    model.addAttribute("job", VisionJobView.of(job, links));
    model.addAttribute(
        "storyboards",
        director.storyboards(owner, job.id()).stream()
            .map(
                b ->
                    new StoryboardRow(
                        b.id().toString(),
                        b.id().toString().substring(24),
                        b.status().wire(),
                        StateWords.of(b.status()),
                        b.productionEngine(),
                        Pages.when(b.createdAt())))
            .toList());
    model.addAttribute("presets", director.stylePresets());
    model.addAttribute(
        "engines", Stream.of(ProductionEngine.values()).map(ProductionEngine::name).toList());
    if (!model.containsAttribute("chosenPreset")) {
      model.addAttribute("chosenPreset", "");
      model.addAttribute("chosenEngine", "");
    }
  }

  /** A storyboard of the job's list. */
  public record StoryboardRow(
      String id,
      String shortId,
      String status,
      String statusWords,
      String engine,
      String created) {}

  private void boardModel(UUID owner, String id, Model model) {
    DirectorState state = director.state(owner, Ids.parse(id, "Storyboard"));
    boolean inReview = state.storyboard().status() == DirectorStatus.REVIEW;
    boolean producing = state.storyboard().status() == DirectorStatus.RENDERING;
    List<SceneView> scenes = new ArrayList<>();
    for (Scene scene : state.scenes()) {
      SceneVideos.State clip = null;
      if (producing && scene.videoJobId() != null && scene.finalVideoKey() == null) {
        clip = clipState(owner, scene);
      }
      scenes.add(SceneView.of(scene, inReview, links, clip));
    }
    List<RunPagesController.StageView> stages =
        state.storyboard().runId().map(jobs::tasks).orElse(List.of()).stream()
            .sorted(Comparator.comparingInt(t -> stageOrder(t.stage())))
            .map(RunPagesController.StageView::of)
            .map(DirectorPagesController::inWords)
            .toList();
    model.addAttribute("board", StoryboardView.of(state, scenes, stages, links, downloads));
    model.addAttribute("job", VisionJobView.of(state.job(), links));
    if (!model.containsAttribute("sceneErrors")) {
      model.addAttribute("sceneErrors", Map.of());
    }
  }

  /** A scene's clip job as it stands; a job the media feature no longer knows says nothing. */
  private SceneVideos.State clipState(UUID owner, Scene scene) {
    try {
      return videos.state(owner, scene.videoJobId());
    } catch (ReelForgeException e) {
      return null;
    }
  }

  /** The stages in the pipeline's order (tasks come in no particular order). */
  private static int stageOrder(String stage) {
    int at = STAGES.indexOf(stage);
    return at < 0 ? STAGES.size() : at;
  }

  private static RunPagesController.StageView inWords(RunPagesController.StageView stage) {
    return new RunPagesController.StageView(
        StoryboardView.STAGE_WORDS.getOrDefault(stage.stage(), stage.stage()),
        stage.status(),
        stage.statusWords(),
        stage.percent(),
        stage.message(),
        stage.attempts(),
        stage.error());
  }

  private Scene sceneOf(UUID owner, String boardId, String index) {
    DirectorState state = director.state(owner, Ids.parse(boardId, "Storyboard"));
    int at;
    try {
      at = Integer.parseInt(index);
    } catch (NumberFormatException e) {
      throw ReelForgeException.notFound("Scene", index);
    }
    return state.scenes().stream()
        .filter(s -> s.sequenceIndex() == at)
        .findFirst()
        .orElseThrow(() -> ReelForgeException.notFound("Scene", index));
  }

  private static Optional<String> chosen(String value) {
    return value == null || value.isBlank() || value.equalsIgnoreCase("auto")
        ? Optional.empty()
        : Optional.of(value.strip());
  }

  /** A refusal in words: its field's message with the field named, or the message. */
  static String refusal(ReelForgeException e) {
    if (e.violations().isEmpty()) {
      return sentence(e.getMessage());
    }
    FieldViolation v = e.violations().getFirst();
    String message = v.message();
    if (v.field().equals("file") || v.field().equals("data")) {
      return sentence("the picture " + message);
    }
    return sentence(
        !message.isEmpty() && Character.isUpperCase(message.charAt(0))
            ? message
            : v.field() + " " + message);
  }

  private static String sentence(String message) {
    String text = message.endsWith(".") ? message : message + ".";
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
