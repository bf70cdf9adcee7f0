package dev.reelforge.app.ui;

import dev.reelforge.app.jobs.RunActions;
import dev.reelforge.app.jobs.VisibleRuns;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.accounts.Permission;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.moderation.gate.GateFinding;
import dev.reelforge.story.ModerationReviews;
import dev.reelforge.story.StoryJson;
import dev.reelforge.story.StoryPipeline;
import dev.reelforge.story.StoryRunInputs;
import dev.reelforge.story.session.RunFiles;
import dev.reelforge.story.session.RunOutcome;
import dev.reelforge.story.session.StorySession;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A run's page: each stage with its live progress, what happened (the run's event log, followed
 * live), cancel and retry, and once it succeeded the videos with a player, downloads per format,
 * SRT/VTT captions and the manifest. The stage panel is re-read whenever an event arrives; the
 * owner sees their runs, operators everyone's (another user's run is a 404 page otherwise).
 */
@Controller
public class RunPagesController {

  private final VisibleRuns visibleRuns;
  private final JobService jobs;
  private final RunActions actions;
  private final PublishPanels publishing;

  RunPagesController(
      VisibleRuns visibleRuns, JobService jobs, RunActions actions, PublishPanels publishing) {
    this.visibleRuns = visibleRuns;
    this.jobs = jobs;
    this.actions = actions;
    this.publishing = publishing;
  }

  @GetMapping("/ui/runs/{id}")
  String page(@PathVariable String id, Model model) {
    RunRecord run = visibleRuns.find(id, Permission.READ_ANY);
    panel(run, model);
    publishing.fill(RequestOwner.current(), run, Optional.empty(), Map.of(), model);
    return "ui/run";
  }

  @GetMapping("/ui/runs/{id}/panel")
  String panelOnly(@PathVariable String id, Model model) {
    panel(visibleRuns.find(id, Permission.READ_ANY), model);
    return "ui/run :: panel";
  }

  @PostMapping("/ui/runs/{id}/cancel")
  String cancel(@PathVariable String id) {
    actions.cancel(visibleRuns.find(id, Permission.OPERATE_RUNS));
    return "redirect:/ui/runs/" + id;
  }

  @PostMapping("/ui/runs/{id}/retry")
  String retry(@PathVariable String id, Model model, HttpServletResponse response) {
    RunRecord run = visibleRuns.find(id, Permission.OPERATE_RUNS);
    try {
      actions.retry(run);
      return "redirect:/ui/runs/" + id;
    } catch (ReelForgeException e) {
      response.setStatus(e.code().httpStatus());
      model.addAttribute("error", e.getMessage());
      panel(run, model);
      publishing.fill(RequestOwner.current(), run, Optional.empty(), Map.of(), model);
      return "ui/run";
    }
  }

  private void panel(RunRecord run, Model model) {
    List<StageView> stages = new ArrayList<>();
    // Render stages of shapes nobody asked for complete at once: they are not part of this video.
    Set<String> skipped = RunFiles.skippedStages(run);
    // In the order they ran; stages not started yet last.
    jobs.tasks(run.id()).stream()
        .filter(task -> !skipped.contains(task.stage()))
        .sorted(
            java.util.Comparator.comparing(
                (TaskRecord t) -> t.startedAt().orElse(java.time.Instant.MAX)))
        .forEach(task -> stages.add(StageView.of(task)));
    // Only a story run belongs to a session; its inputs say which, through the feature's codec.
    String sessionId =
        run.kind().equals(StoryPipeline.KIND)
            ? StoryJson.read(run.inputs(), StoryRunInputs.class).sessionId()
            : "";
    model.addAttribute("run", RunRow.of(run));
    model.addAttribute("finished", run.status().isTerminal());
    model.addAttribute("failed", run.status() == RunStatus.FAILED);
    model.addAttribute("runError", run.error().map(e -> e.code() + ": " + e.message()).orElse(""));
    // Why the moderation gate holds the run: the owner sees it; an operator decides on /ui/ops.
    model.addAttribute(
        "heldFor",
        ModerationReviews.waiting(jobs, run.id(), RunActions.MODERATION_STAGE)
            .map(o -> o.findings().stream().map(GateFinding::describe).toList())
            .orElse(List.of()));
    model.addAttribute("stages", stages);
    model.addAttribute("sessionId", sessionId);
    // An operator looking at someone else's run has no way into that user's story.
    model.addAttribute("ownRun", run.ownerId().equals(RequestOwner.current()));
    model.addAttribute(
        "credits",
        run.credits().charged()
            ? run.credits().amount() + (run.credits().refunded() ? " (refunded)" : "")
            : "");
    boolean rendered = run.status() == RunStatus.SUCCEEDED && !sessionId.isEmpty();
    RunOutcome.Rendered files =
        rendered ? RunOutcome.rendered(sessionId, run) : new RunOutcome.Rendered(List.of(), "");
    Map<String, String> names = new HashMap<>();
    if (rendered) {
      RunFiles.files(run).forEach(f -> names.put(f.stored(), f.downloadName()));
    }
    model.addAttribute(
        "outputs", files.outputs().stream().map(o -> OutputView.of(o, names)).toList());
    model.addAttribute("manifest", files.manifestUrl());
  }

  /** A stage as the panel shows it. */
  public record StageView(
      String stage,
      String status,
      String statusWords,
      int percent,
      String message,
      String attempts,
      String error) {
    static StageView of(TaskRecord task) {
      String status = task.status().name().toLowerCase(Locale.ROOT);
      int percent =
          status.equals("succeeded") ? 100 : (int) Math.round(Math.max(0, task.progress()) * 100);
      return new StageView(
          task.stage(),
          status,
          StateWords.of(task.status()),
          percent,
          task.progressMessage().orElse(""),
          task.attempt() + " of " + task.maxAttempts(),
          task.lastError().map(e -> e.code() + ": " + e.message()).orElse(""));
    }
  }

  /** One rendered format, and the names its files download under (after the video's title). */
  public record OutputView(
      String format,
      String size,
      String video,
      String thumbnail,
      String srt,
      String vtt,
      String duration,
      String bytes,
      String videoName,
      String thumbnailName,
      String srtName,
      String vttName) {
    static OutputView of(StorySession.Output o, Map<String, String> names) {
      return new OutputView(
          o.format(),
          o.width() + "×" + o.height(),
          o.url(),
          o.thumbUrl(),
          o.srtUrl(),
          o.vttUrl(),
          Pages.seconds(Math.round(o.durationSec() * 1000)),
          Pages.megabytes(o.bytes()),
          nameOf(o.url(), names),
          nameOf(o.thumbUrl(), names),
          nameOf(o.srtUrl(), names),
          nameOf(o.vttUrl(), names));
    }

    private static String nameOf(String url, Map<String, String> names) {
      String stored = url.substring(url.lastIndexOf('/') + 1);
      return names.getOrDefault(stored, stored);
    }
  }
}
