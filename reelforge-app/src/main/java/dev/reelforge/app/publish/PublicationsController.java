package dev.reelforge.app.publish;

import static dev.reelforge.app.web.ApiResponses.ok;

import dev.reelforge.app.jobs.VisibleRuns;
import dev.reelforge.app.security.Audit;
import dev.reelforge.app.web.Caller;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.accounts.Permission;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.publish.Publication;
import dev.reelforge.core.publish.PublicationTarget;
import dev.reelforge.publish.LicenceGate;
import dev.reelforge.publish.Publications;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishing (seed 002's distribution): post a finished run's video to the local publish folder and
 * the platforms, read each target's status, edit a target's copy before it goes up, retry a failed
 * target by hand, cancel, see the calendar of scheduled and deferred posts, and read a run's
 * licensing evidence. Another user's publication or run is a 404; operators read and retry
 * anyone's.
 */
@RestController
class PublicationsController {

  private static final int MAX_LIST = 200;

  private final Publications publications;
  private final PublicationViews views;
  private final LicenceGate licences;
  private final JobService jobs;
  private final Audit audit;
  private final Clock clock;

  PublicationsController(
      Publications publications,
      PublicationViews views,
      LicenceGate licences,
      JobService jobs,
      Audit audit,
      Clock clock) {
    this.publications = publications;
    this.views = views;
    this.licences = licences;
    this.jobs = jobs;
    this.audit = audit;
    this.clock = clock;
  }

  /** Starts a publication: 202 with each target queued or scheduled. */
  @PostMapping("/api/publications")
  ResponseEntity<Map<String, Object>> publish(@RequestBody PublicationRequests.Create body) {
    Publication publication = publications.publish(RequestOwner.current(), body.checked());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("runId", publication.runId().toString());
    after.put("format", publication.format());
    after.put("platforms", publication.targets().stream().map(t -> t.platform().key()).toList());
    audit.record("publication.create", "publication", publication.id().toString(), null, after);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .header(HttpHeaders.LOCATION, "/api/publications/" + publication.id())
        .body(ok(views.publication(publication)));
  }

  /** The caller's publications, newest first; of one run with {@code runId}. */
  @GetMapping("/api/publications")
  Map<String, Object> list(
      @RequestParam(required = false) String runId,
      @RequestParam(defaultValue = "50") String limit) {
    Optional<UUID> run =
        runId == null || runId.isBlank() ? Optional.empty() : Optional.of(Ids.parse(runId, "Run"));
    int max = limit(limit);
    return ok(
        Map.of(
            "publications",
            publications.publications(RequestOwner.current(), run, max).stream()
                .map(views::publication)
                .toList()));
  }

  /**
   * Scheduled and deferred posts between {@code from} and {@code to} (default: the next 30 days);
   * operators see everyone's with {@code all=true}.
   */
  @GetMapping("/api/publications/calendar")
  Map<String, Object> calendar(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "false") String all) {
    Instant start = instant("from", from).orElse(clock.instant().minus(Duration.ofDays(1)));
    Instant end = instant("to", to).orElse(start.plus(Duration.ofDays(31)));
    boolean everyone = Boolean.parseBoolean(all) && VisibleRuns.callerCan(Permission.OPERATE_RUNS);
    List<PublicationTarget> entries =
        publications.calendar(
            everyone ? Optional.empty() : Optional.of(RequestOwner.current()), start, end);
    return ok(
        Map.of(
            "from", start.toString(),
            "to", end.toString(),
            "entries", entries.stream().map(this::calendarEntry).toList()));
  }

  @GetMapping("/api/publications/{id}")
  Map<String, Object> get(@PathVariable String id) {
    return ok(views.publication(visible(Ids.parse(id, "Publication"))));
  }

  /** Replaces a target's copy while it has not gone up yet. */
  @PatchMapping("/api/publications/{id}/targets/{targetId}")
  Map<String, Object> edit(
      @PathVariable String id,
      @PathVariable String targetId,
      @RequestBody PublicationRequests.EditTarget body) {
    UUID publication = Ids.parse(id, "Publication");
    UUID target = Ids.parse(targetId, "Publication target");
    Publication edited =
        publications.editCopy(RequestOwner.current(), publication, target, body.checked());
    audit.record(
        "publication.edit",
        "publication-target",
        target.toString(),
        null,
        PublicationViews.metadata(body.checked()));
    return ok(views.publication(edited));
  }

  /** Tries a failed target again; its upload resumes the same session. */
  @PostMapping("/api/publications/{id}/targets/{targetId}/retry")
  ResponseEntity<Map<String, Object>> retry(
      @PathVariable String id, @PathVariable String targetId) {
    Publication publication = visible(Ids.parse(id, "Publication"));
    UUID target = Ids.parse(targetId, "Publication target");
    Publication retried =
        publications.retry(publication.ownerId(), publication.id(), target, Caller.currentLabel());
    audit.record(
        "publication.retry",
        "publication-target",
        target.toString(),
        Map.of("status", "failed"),
        Map.of("status", "queued"));
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(ok(views.publication(retried)));
  }

  /** Cancels the targets not finished yet. */
  @PostMapping("/api/publications/{id}/cancel")
  Map<String, Object> cancel(@PathVariable String id) {
    Publication cancelled =
        publications.cancel(RequestOwner.current(), Ids.parse(id, "Publication"));
    audit.record("publication.cancel", "publication", cancelled.id().toString(), null, null);
    return ok(views.publication(cancelled));
  }

  /** The licensing evidence kept with a run: each item's licence and what proves it. */
  @GetMapping("/api/runs/{runId}/evidence")
  Map<String, Object> evidence(@PathVariable String runId) {
    UUID id = Ids.parse(runId, "Run");
    RunRecord run;
    try {
      run = jobs.run(id);
    } catch (ReelForgeException e) {
      throw ReelForgeException.notFound("Run", id);
    }
    if (!run.ownerId().equals(RequestOwner.current())
        && !VisibleRuns.callerCan(Permission.OPERATE_RUNS)) {
      throw ReelForgeException.notFound("Run", id);
    }
    List<String> refusals = licences.refusals(id);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("runId", id.toString());
    data.put("publishable", refusals.isEmpty());
    data.put("refusals", refusals);
    data.put("items", licences.evidence(id).stream().map(PublicationViews::evidence).toList());
    return ok(data);
  }

  private Map<String, Object> calendarEntry(PublicationTarget target) {
    Map<String, Object> entry = views.target(target);
    entry.put("publicationId", target.publicationId().toString());
    entry.put(
        "at", target.deferredUntil().or(target::scheduleAt).map(Instant::toString).orElse(""));
    return entry;
  }

  private Publication visible(UUID id) {
    if (VisibleRuns.callerCan(Permission.OPERATE_RUNS)) {
      return publications.anyPublication(id);
    }
    return publications.publication(RequestOwner.current(), id);
  }

  private static int limit(String value) {
    try {
      int limit = Integer.parseInt(value.strip());
      if (limit >= 1 && limit <= MAX_LIST) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ReelForgeException.invalidField("limit", "a number from 1 to " + MAX_LIST);
  }

  private static Optional<Instant> instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(value.strip()));
    } catch (DateTimeParseException e) {
      throw ReelForgeException.invalidField(
          field, "an ISO-8601 instant, e.g. 2026-12-24T00:00:00Z");
    }
  }
}
