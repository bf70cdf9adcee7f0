package dev.reelforge.app.jobs;

import static dev.reelforge.app.web.ApiResponses.ok;

import dev.reelforge.app.security.Caller;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.accounts.Permission;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.RunRecord;
import dev.reelforge.core.jobs.TaskRecord;
import dev.reelforge.core.jobs.engine.JobService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/runs/{runId}}: where a run stands — the status URL that finalize's 202 points to
 * — and its cancellation. Another owner's run is a 404, like one that does not exist, unless the
 * caller's role widens the view (operators read and cancel any run).
 */
@RestController
public class RunController {

  private final JobService jobs;

  public RunController(JobService jobs) {
    this.jobs = jobs;
  }

  @GetMapping("/api/runs/{runId}")
  Map<String, Object> run(@PathVariable String runId) {
    RunRecord run = visible(runId, Permission.READ_ANY);
    UUID id = run.id();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", run.id().toString());
    data.put("kind", run.kind());
    data.put("status", run.status().wireName());
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
    for (TaskRecord task : jobs.tasks(id)) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("stage", task.stage());
      t.put("status", task.status().name().toLowerCase(java.util.Locale.ROOT));
      t.put("progress", task.progress());
      task.progressMessage().ifPresent(m -> t.put("message", m));
      t.put("attempt", task.attempt());
      tasks.add(t);
    }
    data.put("tasks", tasks);
    if (run.credits().charged()) {
      data.put(
          "credits",
          Map.of("charged", run.credits().amount(), "refunded", run.credits().refunded()));
    }
    return ok(data);
  }

  /**
   * Cancels the caller's run (an operator's: anyone's). Its credits come back once, with the
   * cancellation.
   */
  @PostMapping("/api/runs/{runId}/cancel")
  Map<String, Object> cancel(@PathVariable String runId) {
    RunRecord run = visible(runId, Permission.OPERATE_RUNS);
    boolean cancelled = jobs.cancel(run.id(), Caller.current().map(Caller::label).orElse("system"));
    return ok(Map.of("id", run.id().toString(), "cancelled", cancelled));
  }

  /** Queue depths and ages, for operators. */
  @GetMapping("/api/admin/queues")
  Map<String, Object> queues() {
    return ok(jobs.queues());
  }

  /** The run, when the caller owns it or holds {@code widening}; otherwise 404. */
  private RunRecord visible(String runId, Permission widening) {
    UUID id;
    try {
      id = UUID.fromString(runId);
    } catch (IllegalArgumentException e) {
      throw ReelForgeException.notFound("Run", runId);
    }
    RunRecord run = jobs.run(id);
    boolean mine = run.ownerId().equals(RequestOwner.current());
    if (!mine && !Caller.current().map(c -> c.can(widening)).orElse(false)) {
      throw ReelForgeException.notFound("Run", runId);
    }
    return run;
  }
}
