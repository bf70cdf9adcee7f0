package dev.reelforge.app.jobs;

import dev.reelforge.app.web.RequestOwner;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/runs/{runId}}: where a run stands — the status URL that finalize's 202 points to.
 * Another owner's run is a 404, like one that does not exist.
 */
@RestController
public class RunController {

  private final JobService jobs;

  public RunController(JobService jobs) {
    this.jobs = jobs;
  }

  @GetMapping("/api/runs/{runId}")
  Map<String, Object> run(@PathVariable String runId) {
    UUID id;
    try {
      id = UUID.fromString(runId);
    } catch (IllegalArgumentException e) {
      throw ReelForgeException.notFound("Run", runId);
    }
    RunRecord run = jobs.run(id);
    if (!run.ownerId().equals(RequestOwner.current())) {
      throw ReelForgeException.notFound("Run", runId);
    }
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
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("data", data);
    return body;
  }
}
