package dev.reelforge.app.clips;

import static dev.reelforge.app.web.ApiResponses.ok;

import dev.reelforge.app.security.Audit;
import dev.reelforge.app.web.IdempotencyFilter;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.clips.Clips;
import dev.reelforge.core.clips.ClipCandidate;
import dev.reelforge.core.clips.ClipExport;
import dev.reelforge.core.clips.ClipSource;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.jobs.spi.RunRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Long video → clips (seed 003, SPEC §2.8): upload a long video (with its SRT/VTT when there is
 * one), analyse it into highlight candidates, keep, discard, re-trim or reframe them, and export
 * some into presets. Analyses and exports are runs of the job engine. Another user's source,
 * candidate or export is a 404.
 */
@RestController
class ClipsController {

  private static final int MAX_LIST = 200;

  private final Clips clips;
  private final ClipViews views;
  private final VideoUploads uploads;
  private final Audit audit;

  ClipsController(Clips clips, ClipViews views, VideoUploads uploads, Audit audit) {
    this.clips = clips;
    this.views = views;
    this.uploads = uploads;
    this.audit = audit;
  }

  /** A long video as the multipart part {@code file}, its transcript as {@code transcript}. */
  @PostMapping(path = "/api/clips/sources", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> upload(
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "transcript", required = false) MultipartFile transcript) {
    ClipSource source = uploads.fromMultipart(RequestOwner.current(), file, transcript);
    return created(source);
  }

  ResponseEntity<Map<String, Object>> created(ClipSource source) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("name", source.name());
    after.put("sizeBytes", source.sizeBytes());
    after.put("durationMs", source.probe().durationMillis());
    audit.record("clips.source", "clip_source", source.id().toString(), null, after);
    return ResponseEntity.status(HttpStatus.CREATED)
        .header(HttpHeaders.LOCATION, "/api/clips/sources/" + source.id())
        .body(ok(views.source(source)));
  }

  /** The caller's sources, newest first. */
  @GetMapping("/api/clips/sources")
  Map<String, Object> sources(@RequestParam(defaultValue = "50") String limit) {
    int max;
    try {
      max = Integer.parseInt(limit.strip());
    } catch (NumberFormatException e) {
      max = -1;
    }
    if (max < 1 || max > MAX_LIST) {
      throw ReelForgeException.invalidField("limit", "must be 1 to " + MAX_LIST);
    }
    return ok(
        Map.of(
            "sources",
            clips.sources(RequestOwner.current(), max).stream().map(views::summary).toList()));
  }

  /** A source with its probe, transcript engine, analysis progress, candidates and exports. */
  @GetMapping("/api/clips/sources/{id}")
  Map<String, Object> source(@PathVariable String id) {
    return ok(views.source(clips.source(RequestOwner.current(), Ids.parse(id, "Source"))));
  }

  /** Starts an analysis: 202 with its run; the candidates appear on the source when it ends. */
  @PostMapping("/api/clips/sources/{id}/analyze")
  ResponseEntity<Map<String, Object>> analyze(
      @PathVariable String id,
      @RequestBody(required = false) ClipRequests.Analyze body,
      @RequestHeader HttpHeaders headers) {
    UUID source = Ids.parse(id, "Source");
    ClipRequests.Analyze request =
        body == null ? new ClipRequests.Analyze(null, null, null, null) : body;
    RunRecord run =
        clips.analyze(
            RequestOwner.current(),
            source,
            request.checked(),
            IdempotencyFilter.key(headers::getFirst));
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .header(HttpHeaders.LOCATION, "/api/clips/sources/" + source)
        .body(ok(views.run(run)));
  }

  /** Keeps, discards, re-trims or reframes a candidate. */
  @PatchMapping("/api/clips/sources/{id}/candidates/{candidateId}")
  Map<String, Object> change(
      @PathVariable String id,
      @PathVariable String candidateId,
      @RequestBody ClipRequests.Change body) {
    ClipCandidate changed =
        clips.change(
            RequestOwner.current(),
            Ids.parse(id, "Source"),
            Ids.parse(candidateId, "Candidate"),
            body.checked());
    return ok(views.candidate(changed));
  }

  /** Starts an export of some candidates into some presets: 202 with the export and its run. */
  @PostMapping("/api/clips/sources/{id}/export")
  ResponseEntity<Map<String, Object>> export(
      @PathVariable String id,
      @RequestBody ClipRequests.Export body,
      @RequestHeader HttpHeaders headers) {
    ClipExport export =
        clips.exportClips(
            RequestOwner.current(),
            Ids.parse(id, "Source"),
            body.checked(),
            IdempotencyFilter.key(headers::getFirst));
    audit.record(
        "clips.export",
        "clip_export",
        export.id().toString(),
        null,
        Map.of("candidates", export.candidateIds().size(), "presets", export.presets()));
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .header(HttpHeaders.LOCATION, "/api/clips/exports/" + export.id())
        .body(ok(views.export(export)));
  }

  /** An export with its run's progress and, once rendered, its clips' files. */
  @GetMapping("/api/clips/exports/{id}")
  Map<String, Object> exportView(@PathVariable String id) {
    return ok(views.export(clips.export(RequestOwner.current(), Ids.parse(id, "Export"))));
  }

  static Optional<String> present(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
