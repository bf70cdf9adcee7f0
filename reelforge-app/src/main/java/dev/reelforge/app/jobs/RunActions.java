package dev.reelforge.app.jobs;

import dev.reelforge.app.security.Audit;
import dev.reelforge.app.web.Caller;
import dev.reelforge.core.accounts.Permission;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.ReviewSignal;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.jobs.spi.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a person may do to a run — cancel, retry, requeue a dead task, answer a review — with the
 * rules and the audit trail shared by the API and the dashboard. The caller must already have been
 * shown the run ({@link VisibleRuns}).
 */
@Component
public class RunActions {

  /** The stage of the moderation gate, in the story and brand pipelines alike. */
  public static final String MODERATION_STAGE = "moderation";

  private final JobService jobs;
  private final Audit audit;

  public RunActions(JobService jobs, Audit audit) {
    this.jobs = jobs;
    this.audit = audit;
  }

  /**
   * The decision named {@code wire} ({@code approve}, {@code change} or {@code reroll}, any case).
   *
   * @throws ReelForgeException INVALID_INPUT on {@code decision} for any other name
   */
  public static ReviewSignal.Decision decision(String wire) {
    try {
      return ReviewSignal.Decision.valueOf(wire.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ReelForgeException.invalidField("decision", "must be approve, change or reroll");
    }
  }

  /** Cancels the run; its credits come back once. False when it had already ended. */
  public boolean cancel(RunRecord run) {
    return jobs.cancel(run.id(), Caller.currentLabel());
  }

  /**
   * Runs a failed run again from the stage that failed (its dead tasks are requeued; the stages
   * before keep their results). A run whose credits were refunded when it failed is retried only by
   * an operator — the owner starts a new run instead — so a refund never buys a free render.
   *
   * @return the stages that run again
   * @throws ReelForgeException CONFLICT when the run is not failed or has nothing to retry
   */
  public List<String> retry(RunRecord run) {
    if (run.status() != RunStatus.FAILED) {
      throw new ReelForgeException(
          ErrorCode.CONFLICT,
          "only a failed run can be retried; this one is " + run.status().wireName());
    }
    boolean operator = VisibleRuns.callerCan(Permission.OPERATE_RUNS);
    if (run.credits().refunded() && !operator) {
      throw new ReelForgeException(
          ErrorCode.CONFLICT,
          "this run's credits were refunded when it failed: start a new run, or ask an operator"
              + " to retry this one");
    }
    String actor = Caller.currentLabel();
    List<String> stages = new ArrayList<>();
    for (TaskRecord task : jobs.tasks(run.id())) {
      if (task.status() == TaskStatus.DEAD && jobs.requeueDead(task.id(), actor)) {
        stages.add(task.stage());
      }
    }
    if (stages.isEmpty()) {
      throw new ReelForgeException(ErrorCode.CONFLICT, "the run has no failed stage left to retry");
    }
    if (operator) {
      audit.record(
          "run.retry",
          "run",
          run.id().toString(),
          Map.of("status", run.status().wireName()),
          Map.of("stages", stages, "refunded", run.credits().refunded()));
    }
    return stages;
  }

  /** Gives a dead task a fresh set of attempts; its failed run runs again. Audited. */
  public boolean requeue(UUID taskId) {
    boolean requeued = jobs.requeueDead(taskId, Caller.currentLabel());
    if (requeued) {
      audit.record(
          "task.requeue",
          "task",
          taskId.toString(),
          Map.of("status", "dead"),
          Map.of("status", "ready"));
    }
    return requeued;
  }

  /**
   * Answers the review a stage of the run waits for: approve (optionally with a replacement
   * output), change (with instructions) or re-roll. Audited.
   *
   * <p>The {@value #MODERATION_STAGE} stage (the moderation gate) is for operators only: its owner
   * sees why the run waits but may not release it. It is approved as it stands (no replacement) or
   * re-rolled (regenerate the flagged pictures; payload {@code {"action":"fail"}} fails the run,
   * and its credits come back).
   *
   * @throws ReelForgeException CONFLICT when the run does not await review at that stage; FORBIDDEN
   *     when an owner answers the moderation gate
   */
  public void review(
      RunRecord run, String stage, ReviewSignal.Decision decision, Optional<String> payload) {
    if (stage.equals(MODERATION_STAGE)) {
      if (!VisibleRuns.callerCan(Permission.OPERATE_RUNS)) {
        throw new ReelForgeException(
            ErrorCode.FORBIDDEN,
            "the moderation gate is reviewed by an operator: the run waits until one decides");
      }
      if (decision == ReviewSignal.Decision.CHANGE) {
        throw ReelForgeException.invalidField(
            "decision", "the moderation gate is approved or re-rolled (reroll), not changed");
      }
      if (decision == ReviewSignal.Decision.APPROVE
          && payload.filter(p -> !p.isBlank()).isPresent()) {
        throw ReelForgeException.invalidField(
            "payload", "the moderation gate is approved as it stands, without a replacement");
      }
    }
    boolean waiting =
        jobs.tasks(run.id()).stream()
            .anyMatch(t -> t.stage().equals(stage) && t.status() == TaskStatus.AWAITING_REVIEW);
    if (run.status() != RunStatus.AWAITING_REVIEW || !waiting) {
      throw new ReelForgeException(
          ErrorCode.CONFLICT, "the run does not await a review of stage '" + stage + "'");
    }
    if (decision == ReviewSignal.Decision.CHANGE && payload.filter(p -> !p.isBlank()).isEmpty()) {
      throw ReelForgeException.invalidField("payload", "say what to change");
    }
    jobs.review(run.id(), stage, new ReviewSignal(decision, payload, Caller.currentLabel()));
    audit.record(
        "run.review",
        "run",
        run.id().toString(),
        Map.of("status", run.status().wireName(), "stage", stage),
        Map.of("decision", decision.name().toLowerCase(java.util.Locale.ROOT)));
  }
}
