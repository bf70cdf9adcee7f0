package dev.reelforge.app.jobs;

import static dev.reelforge.app.web.ApiResponses.ok;

import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.accounts.Permission;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.RunQuery;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.jobs.spi.TaskStatus;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/runs/{runId}}: where a run stands — the status URL that finalize's 202 points to
 * —, what it belongs to and the files it made (signed links, never a server path), and its
 * cancellation. Another owner's run is a 404, like one that does not exist, unless the caller's
 * role widens the view (operators read and cancel any run).
 */
@RestController
public class RunController {

  private static final JsonMapper ARTIFACTS = JsonMapper.builder().build();

  private final JobService jobs;
  private final VisibleRuns visibleRuns;
  private final RunActions actions;
  private final RunLinks links;

  public RunController(
      JobService jobs, VisibleRuns visibleRuns, RunActions actions, RunLinks links) {
    this.jobs = jobs;
    this.visibleRuns = visibleRuns;
    this.actions = actions;
    this.links = links;
  }

  @GetMapping("/api/runs/{runId}")
  Map<String, Object> run(@PathVariable String runId) {
    return ok(view(runId));
  }

  /**
   * The run's view, the data of {@code GET /api/runs/{runId}}, which seed 002's pipeline status
   * shows too; the same ownership rules.
   */
  public Map<String, Object> view(String runId) {
    RunRecord run = visible(runId, Permission.READ_ANY);
    UUID id = run.id();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", run.id().toString());
    data.put("kind", run.kind());
    data.put("status", run.status().wireName());
    data.putAll(links.summary(run));
    run.currentStage().ifPresent(s -> data.put("stage", s));
    run.error()
        .ifPresent(
            e -> {
              Map<String, Object> error = new LinkedHashMap<>();
              error.put("code", e.code().name());
              error.put("message", e.message());
              error.put("stage", e.stage());
              error.put("retryable", e.retryable());
              data.put("error", error);
            });
    data.put("createdAt", run.createdAt().toString());
    run.startedAt().ifPresent(t -> data.put("startedAt", t.toString()));
    run.completedAt().ifPresent(t -> data.put("completedAt", t.toString()));
    List<Map<String, Object>> tasks = new ArrayList<>();
    Set<String> skipped = links.skippedStages(run);
    for (TaskRecord task : jobs.tasks(id)) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("stage", task.stage());
      t.put("status", task.status().name().toLowerCase(java.util.Locale.ROOT));
      if (skipped.contains(task.stage())) {
        t.put("skipped", true);
      }
      t.put("progress", task.progress());
      task.progressMessage().ifPresent(m -> t.put("message", m));
      t.put("attempt", task.attempt());
      t.put("maxAttempts", task.maxAttempts());
      task.startedAt().ifPresent(at -> t.put("startedAt", at.toString()));
      task.completedAt().ifPresent(at -> t.put("completedAt", at.toString()));
      task.lastError()
          .ifPresent(e -> t.put("error", Map.of("code", e.code().name(), "message", e.message())));
      tasks.add(t);
    }
    data.put("tasks", tasks);
    data.put("outputs", links.outputs(run));
    data.put("artifacts", ServerPaths.removed(ARTIFACTS.readTree(run.artifacts())));
    if (run.credits().charged()) {
      data.put(
          "credits",
          Map.of("charged", run.credits().amount(), "refunded", run.credits().refunded()));
    }
    return data;
  }

  /**
   * Cancels the caller's run (an operator's: anyone's). Its credits come back once, with the
   * cancellation.
   */
  @PostMapping("/api/runs/{runId}/cancel")
  public Map<String, Object> cancel(@PathVariable String runId) {
    RunRecord run = visible(runId, Permission.OPERATE_RUNS);
    boolean cancelled = actions.cancel(run);
    return ok(Map.of("id", run.id().toString(), "cancelled", cancelled));
  }

  /**
   * The caller's runs, newest first ({@code scope=all}: everyone's, for operators), filtered by
   * {@code kind} and {@code state} (comma-separated), {@code limit} per page (50, at most 200);
   * {@code before} is the previous page's {@code next}.
   */
  @GetMapping("/api/runs")
  Map<String, Object> list(
      @RequestParam(name = "scope", defaultValue = "mine") String scope,
      @RequestParam(name = "kind", required = false) String kind,
      @RequestParam(name = "state", required = false) String state,
      @RequestParam(name = "limit", defaultValue = "50") String limit,
      @RequestParam(name = "before", required = false) String before) {
    RunQuery query =
        new RunQuery(
            ownerScope(scope),
            RunFilters.states(state),
            Optional.ofNullable(kind).filter(k -> !k.isBlank()),
            RunFilters.before(before),
            RunFilters.limit(limit, 200));
    List<RunRecord> runs = jobs.runs(query);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("runs", runs.stream().map(this::summary).toList());
    if (runs.size() == query.limit()) {
      data.put("next", runs.getLast().id().toString());
    }
    return ok(data);
  }

  private static Optional<UUID> ownerScope(String scope) {
    return switch (scope) {
      case "mine" -> Optional.of(RequestOwner.current());
      case "all" -> {
        if (!VisibleRuns.callerCan(Permission.READ_ANY)) {
          throw new ReelForgeException(
              ErrorCode.FORBIDDEN, "only operators and admins list every user's runs");
        }
        yield Optional.empty();
      }
      default -> throw ReelForgeException.invalidField("scope", "must be mine or all");
    };
  }

  private Map<String, Object> summary(RunRecord run) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", run.id().toString());
    data.put("kind", run.kind());
    data.put("status", run.status().wireName());
    data.putAll(links.summary(run));
    run.currentStage().ifPresent(s -> data.put("stage", s));
    run.error().ifPresent(e -> data.put("errorCode", e.code().name()));
    data.put("createdAt", run.createdAt().toString());
    run.completedAt().ifPresent(t -> data.put("completedAt", t.toString()));
    return data;
  }

  /** Runs a failed run again from the stage that failed ({@link RunActions#retry}). */
  @PostMapping("/api/runs/{runId}/retry")
  Map<String, Object> retry(@PathVariable String runId) {
    RunRecord run = visible(runId, Permission.OPERATE_RUNS);
    return ok(Map.of("id", run.id().toString(), "retried", actions.retry(run)));
  }

  /**
   * Answers the review a stage waits for: {@code decision} approve, change or reroll; {@code
   * payload} the replacement output (approve) or the instructions (change). The run's owner reviews
   * their own run (a creator approving their storyboard); operators review anyone's. Another
   * owner's run is a 404 to everyone else, and a viewer, who may not start work, may not review.
   */
  @PostMapping("/api/runs/{runId}/review")
  Map<String, Object> review(
      @PathVariable String runId, @Valid @RequestBody RunRequests.Review body) {
    RunRecord run = visible(runId, Permission.OPERATE_RUNS);
    actions.review(run, body.stage(), body.decisionValue(), Optional.ofNullable(body.payload()));
    return ok(
        Map.of("id", run.id().toString(), "stage", body.stage(), "decision", body.decision()));
  }

  /** Tasks that used up their attempts, newest first, for operators ({@code queue} filters). */
  @GetMapping("/api/admin/dead-letters")
  Map<String, Object> deadLetters(
      @RequestParam(name = "queue", required = false) String queue,
      @RequestParam(name = "limit", defaultValue = "100") String limit) {
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (TaskRecord task :
        jobs.tasksIn(
            TaskStatus.DEAD,
            Optional.ofNullable(queue).filter(q -> !q.isBlank()),
            RunFilters.limit(limit, 500))) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("id", task.id().toString());
      t.put("runId", task.runId().toString());
      t.put("ownerId", task.ownerId().toString());
      t.put("stage", task.stage());
      t.put("queue", task.queue());
      t.put("attempts", task.attempt());
      task.lastError()
          .ifPresent(e -> t.put("error", Map.of("code", e.code().name(), "message", e.message())));
      task.completedAt().ifPresent(at -> t.put("diedAt", at.toString()));
      tasks.add(t);
    }
    return ok(Map.of("tasks", tasks));
  }

  /** Gives a dead task a fresh set of attempts; its failed run runs again. Audited. */
  @PostMapping("/api/admin/dead-letters/{taskId}/requeue")
  Map<String, Object> requeue(@PathVariable String taskId) {
    UUID id = Ids.parse(taskId, "Task");
    return ok(Map.of("id", id.toString(), "requeued", actions.requeue(id)));
  }

  /** Queue depths and ages, for operators. */
  @GetMapping("/api/admin/queues")
  Map<String, Object> queues() {
    return ok(jobs.queues());
  }

  private RunRecord visible(String runId, Permission widening) {
    return visibleRuns.find(runId, widening);
  }
}
