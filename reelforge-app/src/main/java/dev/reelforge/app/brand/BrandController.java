package dev.reelforge.app.brand;

import static dev.reelforge.app.web.ApiResponses.ok;

import dev.reelforge.app.security.Audit;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.brand.BrandDirector;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Seed 001 §8's {@code vision.*} routes: upload a brand picture (a multipart part {@code file}, or
 * seed 001's {@code FileUploadSchema} as JSON), read its vision job while it is analysed, list
 * one's jobs and a job's storyboards, and the style presets a storyboard may use. An upload of a
 * picture the caller already uploaded answers its earlier job ({@code deduplicated}).
 */
@RestController
class BrandController {

  /** The longest list of jobs. */
  static final int MAX_LIST = 100;

  private final BrandDirector director;
  private final StagedUploads staged;
  private final BrandViews views;
  private final Audit audit;

  BrandController(BrandDirector director, StagedUploads staged, BrandViews views, Audit audit) {
    this.director = director;
    this.staged = staged;
    this.views = views;
    this.audit = audit;
  }

  /** A picture as a multipart part named {@code file}. */
  @PostMapping(path = "/api/brand/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> uploadPart(
      @RequestParam(name = "file", required = false) MultipartFile file) {
    UUID owner = owner();
    return uploaded(staged.fromMultipart(owner, file));
  }

  /** A picture as seed 001's {@code {filename, mimeType, size, data}} (base64). */
  @PostMapping(path = "/api/brand/uploads", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> uploadJson(@RequestBody BrandUploads.FileUpload body) {
    UUID owner = owner();
    return uploaded(staged.fromJson(owner, body));
  }

  /** 201 and the new job; 200 and the earlier job when the caller uploaded this file before. */
  private ResponseEntity<Map<String, Object>> uploaded(BrandDirector.Uploaded uploaded) {
    Map<String, Object> view = views.visionJob(uploaded.job());
    view.put("deduplicated", uploaded.deduplicated());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("original_filename", uploaded.job().originalFilename());
    after.put("stored_filename", uploaded.job().storedFilename());
    after.put("mime_type", uploaded.job().mimeType());
    after.put("file_size", uploaded.job().fileSize());
    after.put("file_hash", uploaded.job().fileHash());
    after.put("deduplicated", uploaded.deduplicated());
    audit.record("brand.upload", "vision_job", uploaded.job().id().toString(), null, after);
    String location = "/api/brand/jobs/" + uploaded.job().id();
    return ResponseEntity.status(uploaded.deduplicated() ? HttpStatus.OK : HttpStatus.CREATED)
        .header(HttpHeaders.LOCATION, location)
        .body(ok(view));
  }

  @GetMapping("/api/brand/jobs/{id}")
  Map<String, Object> job(@PathVariable String id) {
    return ok(views.visionJob(director.job(owner(), Ids.parse(id, "Job"))));
  }

  /** The caller's vision jobs, newest first. */
  @GetMapping("/api/brand/jobs")
  Map<String, Object> jobs(@RequestParam(defaultValue = "20") int limit) {
    if (limit < 1 || limit > MAX_LIST) {
      throw ReelForgeException.invalidField("limit", "must be 1 to " + MAX_LIST);
    }
    List<Map<String, Object>> rows =
        director.jobs(owner(), limit).stream().map(views::visionJob).toList();
    return ok(Map.of("jobs", rows));
  }

  /** A vision job's storyboards, newest first (each storyboard's own fields). */
  @GetMapping("/api/brand/jobs/{id}/storyboards")
  Map<String, Object> storyboards(@PathVariable String id) {
    UUID job = Ids.parse(id, "Job");
    List<Map<String, Object>> rows =
        director.storyboards(owner(), job).stream().map(views::storyboard).toList();
    return ok(Map.of("job_id", job.toString(), "storyboards", rows));
  }

  /** Seed 001's style presets, in display order. */
  @GetMapping("/api/brand/style-presets")
  Map<String, Object> stylePresets() {
    return ok(
        Map.of("presets", director.stylePresets().stream().map(BrandViews::stylePreset).toList()));
  }

  private static UUID owner() {
    return RequestOwner.current();
  }
}
