package dev.reelforge.app.ui;

import dev.reelforge.app.jobs.RunActions;
import dev.reelforge.app.jobs.VisibleRuns;
import dev.reelforge.core.accounts.Permission;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.QueueStats;
import dev.reelforge.core.jobs.spi.RunQuery;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.jobs.spi.TaskStatus;
import dev.reelforge.core.moderation.gate.GateFinding;
import dev.reelforge.story.ModerationReviews;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operators' page: queue depths and ages, dead letters with requeue, runs awaiting review with
 * approve / change / re-roll, and every user's latest runs.
 */
@Controller
public class OpsPagesController {

  private final JobService jobs;
  private final RunActions actions;
  private final VisibleRuns visibleRuns;

  OpsPagesController(JobService jobs, RunActions actions, VisibleRuns visibleRuns) {
    this.jobs = jobs;
    this.actions = actions;
    this.visibleRuns = visibleRuns;
  }

  @GetMapping("/ui/ops")
  String page(Model model) {
    model.addAttribute("queues", jobs.queues().stream().map(QueueView::of).toList());
    model.addAttribute(
        "dead",
        jobs.tasksIn(TaskStatus.DEAD, Optional.empty(), 100).stream().map(DeadView::of).toList());
    model.addAttribute("reviews", awaitingReview());
    model.addAttribute(
        "runs",
        jobs
            .runs(new RunQuery(Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), 25))
            .stream()
            .map(RunRow::of)
            .toList());
    return "ui/ops";
  }

  @PostMapping("/ui/ops/dead-letters/{taskId}/requeue")
  String requeue(@PathVariable String taskId) {
    actions.requeue(Ids.parse(taskId, "Task"));
    return "redirect:/ui/ops";
  }

  @PostMapping("/ui/ops/runs/{id}/review")
  String review(
      @PathVariable String id,
      @RequestParam(name = "stage") String stage,
      @RequestParam(name = "decision") String decision,
      @RequestParam(name = "payload", required = false) String payload) {
    RunRecord run = visibleRuns.find(id, Permission.OPERATE_RUNS);
    actions.review(
        run,
        stage,
        RunActions.decision(decision),
        Optional.ofNullable(payload).filter(p -> !p.isBlank()));
    return "redirect:/ui/ops";
  }

  private List<ReviewView> awaitingReview() {
    return jobs
        .runs(
            new RunQuery(
                Optional.empty(),
                Set.of(RunStatus.AWAITING_REVIEW),
                Optional.empty(),
                Optional.empty(),
                100))
        .stream()
        .flatMap(
            run ->
                jobs.tasks(run.id()).stream()
                    .filter(t -> t.status() == TaskStatus.AWAITING_REVIEW)
                    .map(t -> new ReviewView(RunRow.of(run), t.stage(), findings(run, t.stage()))))
        .toList();
  }

  /** The moderation gate's reasons, one line each; empty for other stages' reviews. */
  private List<String> findings(RunRecord run, String stage) {
    if (!stage.equals(RunActions.MODERATION_STAGE)) {
      return List.of();
    }
    return ModerationReviews.waiting(jobs, run.id(), stage)
        .map(o -> o.findings().stream().map(GateFinding::describe).toList())
        .orElse(List.of());
  }

  public record QueueView(
      String queue, long ready, long delayed, long running, long dead, String oldest) {
    static QueueView of(QueueStats q) {
      return new QueueView(
          q.queue(),
          q.ready(),
          q.delayed(),
          q.running(),
          q.dead(),
          q.oldestReadyAge().map(Pages::seconds).orElse("—"));
    }
  }

  public record DeadView(
      String id, String runId, String stage, String queue, int attempts, String error) {
    static DeadView of(TaskRecord t) {
      return new DeadView(
          t.id().toString(),
          t.runId().toString(),
          t.stage(),
          t.queue(),
          t.attempt(),
          t.lastError().map(e -> e.code() + ": " + e.message()).orElse(""));
    }
  }

  /**
   * A stage awaiting review; for the moderation gate, its findings, answered with approve, reject
   * (regenerate the flagged pictures) or reject (fail the run and refund it).
   */
  public record ReviewView(RunRow run, String stage, List<String> findings) {
    public boolean moderation() {
      return stage.equals(RunActions.MODERATION_STAGE);
    }
  }
}
