package dev.reelforge.app.story.session;

import static dev.reelforge.app.web.ApiResponses.ok;

import dev.reelforge.app.config.ModerationSettings;
import dev.reelforge.app.config.StorageSettings;
import dev.reelforge.app.jobs.RunWaiter;
import dev.reelforge.app.storage.NamedDownloads;
import dev.reelforge.app.web.IdempotencyFilter;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.moderation.ModerationChoice;
import dev.reelforge.core.moderation.ModerationPolicy;
import dev.reelforge.core.moderation.RegionToggles;
import dev.reelforge.story.session.StorySession;
import dev.reelforge.story.session.StorySessions;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 000's story routes ({@code /api/story/*}), each answering {@code {"success":true,"data":…}}
 * or the error envelope. Only finalize and render start work on the job engine; the other routes
 * edit the session.
 */
@RestController
@RequestMapping("/api/story")
public class StoryController {

  private final StorySessions sessions;
  private final RunWaiter waiter;
  private final StorageSettings storage;
  private final NamedDownloads names;

  private final ModerationSettings moderation;

  public StoryController(
      StorySessions sessions,
      RunWaiter waiter,
      StorageSettings storage,
      NamedDownloads names,
      ModerationSettings moderation) {
    this.moderation = moderation;
    this.sessions = sessions;
    this.waiter = waiter;
    this.storage = storage;
    this.names = names;
  }

  @PostMapping("/start")
  Map<String, Object> start(@Valid @RequestBody StoryRequests.Start body) {
    String type = body.inputType() == null ? "paragraph" : body.inputType();
    String style = body.styleKey() == null ? "default" : body.styleKey();
    return ok(sessions.start(owner(), body.input(), type, style));
  }

  @PostMapping("/generate")
  Map<String, Object> generate(@Valid @RequestBody StoryRequests.Generate body) {
    return ok(sessions.generate(owner(), body.sessionId(), body.input(), body.inputType()));
  }

  @PostMapping("/update-script")
  Map<String, Object> updateScript(@Valid @RequestBody StoryRequests.UpdateScript body) {
    return ok(sessions.updateScript(owner(), body.sessionId(), body.sentences()));
  }

  @PostMapping("/plan")
  Map<String, Object> plan(@Valid @RequestBody StoryRequests.Session body) {
    return ok(sessions.plan(owner(), body.sessionId()));
  }

  @PostMapping("/search")
  Map<String, Object> search(@Valid @RequestBody StoryRequests.Session body) {
    return ok(sessions.search(owner(), body.sessionId()));
  }

  @PostMapping("/search-shot")
  Map<String, Object> searchShot(@Valid @RequestBody StoryRequests.SearchShot body) {
    int page = body.page() == null ? 1 : body.page();
    StorySession.Shot shot =
        sessions.searchShot(owner(), body.sessionId(), body.sentenceIndex(), body.query(), page);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("shot", shot);
    data.put("page", shot.page());
    data.put("hasMore", shot.hasMore());
    return ok(data);
  }

  @PostMapping("/update-shot")
  Map<String, Object> updateShot(@Valid @RequestBody StoryRequests.UpdateShot body) {
    StorySession session =
        sessions.updateShot(owner(), body.sessionId(), body.sentenceIndex(), body.clipId());
    return ok(Map.of("shots", session.shots()));
  }

  @PostMapping("/insert-beat")
  Map<String, Object> insertBeat(@Valid @RequestBody StoryRequests.InsertBeat body) {
    StorySession session =
        sessions.insertBeat(owner(), body.sessionId(), body.insertAfterIndex(), body.text());
    return ok(beats(session));
  }

  @PostMapping("/delete-beat")
  Map<String, Object> deleteBeat(@Valid @RequestBody StoryRequests.DeleteBeat body) {
    return ok(beats(sessions.deleteBeat(owner(), body.sessionId(), body.sentenceIndex())));
  }

  @PostMapping("/update-beat-text")
  Map<String, Object> updateBeatText(@Valid @RequestBody StoryRequests.UpdateBeatText body) {
    StorySession session =
        sessions.updateBeatText(owner(), body.sessionId(), body.sentenceIndex(), body.text());
    return ok(beats(session));
  }

  /** Narrates the script and places each beat: the session's {@code timeline}. */
  @PostMapping("/timeline")
  Map<String, Object> timeline(@Valid @RequestBody StoryRequests.Session body) {
    return ok(sessions.narrate(owner(), body.sessionId()));
  }

  /** Every spoken word's time: the session's {@code captions}. */
  @PostMapping("/captions")
  Map<String, Object> captions(@Valid @RequestBody StoryRequests.Session body) {
    return ok(sessions.narrate(owner(), body.sessionId()));
  }

  /** Renders the session as it is (script and chosen visuals) in its formats. */
  @PostMapping("/render")
  ResponseEntity<Map<String, Object>> render(
      @Valid @RequestBody StoryRequests.Finalize body, @RequestHeader HttpHeaders headers) {
    StorySession session = sessions.get(owner(), body.sessionId());
    if (session.story() == null) {
      throw new ReelForgeException(
          ErrorCode.VALIDATION_FAILED,
          "the session has no script to render: call /api/story/generate (or finalize, which writes one)");
    }
    return finalizeSession(body.sessionId(), body.formats(), headers);
  }

  /** The whole pipeline: writes the script when there is none, then renders every format. */
  @PostMapping("/finalize")
  ResponseEntity<Map<String, Object>> finalize(
      @Valid @RequestBody StoryRequests.Finalize body, @RequestHeader HttpHeaders headers) {
    return finalizeSession(
        body.sessionId(), body.formats(), moderationChoice(body.moderation()), headers);
  }

  /**
   * The run's moderation preset and regions, checked against the configured toggles; empty (the
   * configured default) when the request names none.
   */
  private Optional<ModerationChoice> moderationChoice(StoryRequests.Moderation requested) {
    if (requested == null) {
      return Optional.empty();
    }
    ModerationChoice choice = new ModerationChoice(requested.preset(), requested.regions());
    if (ModerationPolicy.preset(choice.preset()).isEmpty()) {
      throw ReelForgeException.invalidField(
          "moderation.preset",
          "must be one of " + String.join(", ", ModerationPolicy.presetNames()));
    }
    RegionToggles toggles = moderation.toggles();
    for (String region : choice.regions()) {
      if (toggles.holds(region).isEmpty()) {
        throw ReelForgeException.invalidField(
            "moderation.regions", "must be among " + String.join(", ", toggles.names()));
      }
    }
    return Optional.of(choice);
  }

  ResponseEntity<Map<String, Object>> finalizeSession(
      String sessionId, List<String> formats, HttpHeaders headers) {
    return finalizeSession(sessionId, formats, Optional.empty(), headers);
  }

  ResponseEntity<Map<String, Object>> finalizeSession(
      String sessionId,
      List<String> formats,
      Optional<ModerationChoice> moderationChoice,
      HttpHeaders headers) {
    UUID owner = owner();
    StorySession started =
        sessions.finalize(
            owner, sessionId, formats, moderationChoice, IdempotencyFilter.key(headers::getFirst));
    UUID runId = UUID.fromString(started.run().id());
    boolean async = headers.getValuesAsList("Prefer").contains("respond-async");
    Optional<RunRecord> finished =
        async ? Optional.empty() : waiter.awaitTerminal(runId, sessions.limits().finalizeWait());
    if (finished.isEmpty()) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("sessionId", sessionId);
      data.put("runId", runId.toString());
      data.put("status", started.status().wireName());
      data.put("statusUrl", started.run().statusUrl());
      return ResponseEntity.accepted()
          .header("Location", started.run().statusUrl())
          .header("Preference-Applied", "respond-async")
          .body(ok(data));
    }
    RunRecord run = finished.get();
    // The run-event feed applies the outcome too; whichever comes first writes it, once.
    StorySession session =
        sessions.runEnded(run).orElseThrow(() -> ReelForgeException.notFound("Session", sessionId));
    if (run.error().isPresent()) {
      throw new ReelForgeException(run.error().get().code(), run.error().get().message());
    }
    if (session.finalVideo() == null) {
      throw new ReelForgeException(
          ErrorCode.RENDER_FAILED, "the run ended " + run.status().wireName() + " without a video");
    }
    return ResponseEntity.ok(ok(session));
  }

  @PostMapping("/manual")
  Map<String, Object> manual(@Valid @RequestBody StoryRequests.Manual body) {
    return ok(sessions.manual(owner(), body.scriptText()));
  }

  @DeleteMapping("/{sessionId}")
  Map<String, Object> delete(@PathVariable String sessionId) {
    sessions.delete(owner(), sessionId);
    return ok(Map.of("id", sessionId, "deleted", true));
  }

  @GetMapping("/{sessionId}")
  Map<String, Object> get(@PathVariable String sessionId) {
    return ok(sessions.get(owner(), sessionId));
  }

  /**
   * A file the session's runs made (video, thumbnail, captions, manifest); never the work folder.
   * Answers 302 to a signed URL of the blob store (the app's own {@code /blobs/} route for a local
   * store, the bucket for S3 or Azure), valid for {@code reelforge.storage.signed-url-ttl}. {@code
   * download=the-moon-tiktok.mp4} saves it under that name (the local store's links).
   */
  @GetMapping("/{sessionId}/files/{name:.+}")
  ResponseEntity<Void> file(
      @PathVariable String sessionId,
      @PathVariable String name,
      @RequestParam(name = "download", required = false) String download) {
    sessions.get(owner(), sessionId);
    if (name.startsWith(".") || name.contains("/") || name.contains("\\")) {
      throw ReelForgeException.notFound("File", name);
    }
    if (download != null && !NamedDownloads.isName(download, name)) {
      throw ReelForgeException.invalidField("download", NamedDownloads.RULE);
    }
    URI url =
        sessions
            .folders()
            .downloadUrl(sessionId, name, storage.getSignedUrlTtl())
            .map(signed -> download == null ? signed : names.named(signed, download))
            .orElseThrow(() -> ReelForgeException.notFound("File", name));
    return ResponseEntity.status(HttpStatus.FOUND)
        .location(url)
        .cacheControl(CacheControl.noStore())
        .build();
  }

  private static Map<String, Object> beats(StorySession session) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("sentences", session.story().sentences());
    data.put("shots", session.shots());
    return data;
  }

  private static UUID owner() {
    return RequestOwner.current();
  }
}
