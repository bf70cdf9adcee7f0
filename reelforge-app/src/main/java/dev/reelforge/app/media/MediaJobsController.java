package dev.reelforge.app.media;

import static dev.reelforge.app.web.ApiResponses.ok;

import dev.reelforge.app.jobs.RunWaiter;
import dev.reelforge.app.web.IdempotencyFilter;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.mediagen.MediaJobs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 004's media jobs API (§4–5), inside our envelope and also under {@code /api}: start an image
 * or a video job ({@code 202} with its {@code job_id}), read it back, list one's own; and seed
 * 000's {@code POST /api/generate}, an image job that answers with the picture when it is done
 * within {@code reelforge.media-jobs.generate-wait}.
 */
@RestController
public class MediaJobsController {

  /** The longest gallery page. */
  static final int MAX_LIST = 100;

  private final MediaJobs jobs;
  private final MediaJobViews views;
  private final OwnMediaJobs own;
  private final RunWaiter waiter;
  private final MediaJobsSettings settings;

  MediaJobsController(
      MediaJobs jobs,
      MediaJobViews views,
      OwnMediaJobs own,
      RunWaiter waiter,
      MediaJobsSettings settings) {
    this.jobs = jobs;
    this.views = views;
    this.own = own;
    this.waiter = waiter;
    this.settings = settings;
  }

  @PostMapping({"/images/generate", "/api/images/generate"})
  ResponseEntity<Map<String, Object>> generateImage(
      @RequestBody MediaRequests.Image body, @RequestHeader HttpHeaders headers) {
    RunRecord run = startImage(body, headers);
    return accepted(run, "/api/images/jobs/");
  }

  @GetMapping({"/images/jobs/{id}", "/api/images/jobs/{id}"})
  Map<String, Object> imageJob(@PathVariable String id) {
    return ok(views.image(jobs.job(owner(), MediaJobs.IMAGE, Ids.parse(id, "Job"))));
  }

  @PostMapping({"/video/generate", "/api/video/generate"})
  ResponseEntity<Map<String, Object>> generateVideo(
      @RequestBody MediaRequests.Video body, @RequestHeader HttpHeaders headers) {
    RunRecord run = own.startVideo(owner(), body, IdempotencyFilter.key(headers::getFirst));
    return accepted(run, "/api/video/jobs/");
  }

  @GetMapping({"/video/jobs/{id}", "/api/video/jobs/{id}"})
  Map<String, Object> videoJob(@PathVariable String id) {
    return ok(views.video(jobs.job(owner(), MediaJobs.VIDEO, Ids.parse(id, "Job"))));
  }

  /** The caller's newest jobs of one kind (the dashboard's gallery reads the same). */
  @GetMapping("/api/media/jobs")
  Map<String, Object> list(
      @RequestParam(defaultValue = "image") String kind,
      @RequestParam(defaultValue = "20") int limit) {
    if (!kind.equals(MediaJobs.IMAGE) && !kind.equals(MediaJobs.VIDEO)) {
      throw ReelForgeException.invalidField("kind", "must be image or video");
    }
    if (limit < 1 || limit > MAX_LIST) {
      throw ReelForgeException.invalidField("limit", "must be 1 to " + MAX_LIST);
    }
    List<Map<String, Object>> rows =
        jobs.jobs(owner(), kind, limit).stream()
            .map(run -> kind.equals(MediaJobs.IMAGE) ? views.image(run) : views.video(run))
            .toList();
    return ok(Map.of("kind", kind, "jobs", rows));
  }

  /**
   * Seed 000's AI image route: an image job that answers 200 with the job once it has ended
   * (succeeded or failed, as the job says), or 202 while it still runs after {@code generate-wait}
   * or at once with {@code Prefer: respond-async}.
   */
  @PostMapping("/api/generate")
  ResponseEntity<Map<String, Object>> generate(
      @RequestBody MediaRequests.Image body, @RequestHeader HttpHeaders headers) {
    RunRecord run = startImage(body, headers);
    boolean async = headers.getValuesAsList("Prefer").contains("respond-async");
    Optional<RunRecord> ended =
        async ? Optional.empty() : waiter.awaitTerminal(run.id(), settings.getGenerateWait());
    if (ended.isEmpty()) {
      return accepted(run, "/api/images/jobs/");
    }
    return ResponseEntity.ok(ok(views.image(ended.get())));
  }

  private RunRecord startImage(MediaRequests.Image body, HttpHeaders headers) {
    return own.startImage(owner(), body, IdempotencyFilter.key(headers::getFirst));
  }

  private static ResponseEntity<Map<String, Object>> accepted(RunRecord run, String base) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("job_id", run.id().toString());
    data.put("status", MediaJobViews.status(run.status()));
    data.put("status_url", base + run.id());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .header(HttpHeaders.LOCATION, base + run.id())
        .body(ok(data));
  }

  private static UUID owner() {
    return RequestOwner.current();
  }
}
