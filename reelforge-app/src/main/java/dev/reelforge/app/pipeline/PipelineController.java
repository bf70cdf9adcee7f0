package dev.reelforge.app.pipeline;

import static dev.reelforge.app.web.ApiResponses.ok;

import dev.reelforge.app.jobs.RunController;
import dev.reelforge.app.web.IdempotencyFilter;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.story.session.StorySession;
import dev.reelforge.story.session.StorySessions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 002's pipeline routes as aliases: start is the story API's start (or manual) followed by an
 * asynchronous finalize, which writes the script when there is none and renders; status and stop
 * are the runs API's view and cancel, with its ownership (another user's run is a 404). They add
 * nothing a client could not do with those routes, so that there is one pipeline and one set of
 * rules.
 */
@RestController
public class PipelineController {

  private final StorySessions sessions;
  private final RunController runs;

  public PipelineController(StorySessions sessions, RunController runs) {
    this.sessions = sessions;
    this.runs = runs;
  }

  /**
   * Starts a story from seed 002's {@code PipelineConfig}: 202 with the run id and where to follow
   * it. An {@code Idempotency-Key} makes a repeat answer the first run (the filter replays the
   * answer; finalize keys the run too).
   */
  @PostMapping("/api/pipeline/start")
  ResponseEntity<Map<String, Object>> start(
      @RequestBody PipelineRequest body, @RequestHeader HttpHeaders headers) {
    PipelineRequest.Checked checked = body.check();
    UUID owner = RequestOwner.current();
    PipelineRequest.Source source = checked.source();
    StorySession session =
        source.inputType().equals("manual")
            ? sessions.manual(owner, source.input())
            : sessions.start(owner, source.input(), source.inputType(), checked.style());
    StorySession started =
        sessions.finalize(
            owner, session.id(), checked.formats(), IdempotencyFilter.key(headers::getFirst));
    String runId = started.run().id();
    String statusUrl = "/api/pipeline/status/" + runId;
    Map<String, Object> links = new LinkedHashMap<>();
    links.put("status", statusUrl);
    links.put("stop", "/api/pipeline/stop/" + runId);
    links.put("run", "/api/runs/" + runId);
    links.put("events", "/api/runs/" + runId + "/events");
    links.put("session", "/api/story/" + session.id());
    links.put("page", "/ui/runs/" + runId);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", runId);
    data.put("runId", runId);
    data.put("sessionId", session.id());
    data.put("status", started.status().wireName());
    data.put("platforms", checked.platforms().stream().map(Platform::key).toList());
    data.put("moderationEnabled", true);
    data.put("links", links);
    return ResponseEntity.accepted().header("Location", statusUrl).body(ok(data));
  }

  /**
   * The run as {@code GET /api/runs/{id}} shows it, with {@code progress}: the share of its stages
   * done, 0 to 1 (a skipped stage counts as done).
   */
  @GetMapping("/api/pipeline/status/{id}")
  Map<String, Object> status(@PathVariable String id) {
    Map<String, Object> data = runs.view(id);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tasks = (List<Map<String, Object>>) data.get("tasks");
    double done = 0;
    for (Map<String, Object> task : tasks) {
      boolean finished = "succeeded".equals(task.get("status")) || task.containsKey("skipped");
      done += finished ? 1 : ((Number) task.get("progress")).doubleValue();
    }
    data.put("progress", tasks.isEmpty() ? 0.0 : Math.round(done / tasks.size() * 1000) / 1000.0);
    return ok(data);
  }

  /** Cancels the run as {@code POST /api/runs/{id}/cancel} does; its credits come back once. */
  @PostMapping("/api/pipeline/stop/{id}")
  Map<String, Object> stop(@PathVariable String id) {
    return runs.cancel(id);
  }
}
