package dev.reelforge.app.brand;

import static dev.reelforge.app.web.ApiResponses.ok;

import dev.reelforge.app.security.Audit;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.brand.BrandDirector;
import dev.reelforge.brand.DirectorState;
import dev.reelforge.brand.TrafficLight;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.id.Ids;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 001 §8's {@code director.*} routes: start a storyboard for an analysed upload, review its
 * scenes (YELLOW with feedback, RED, GREEN), approve production once every scene is GREEN, and read
 * the whole state. Every answer is the storyboard's whole state, so a client never needs a second
 * read to show what changed. Another user's job, storyboard or scene answers 404.
 */
@RestController
class DirectorController {

  private final BrandDirector director;
  private final BrandViews views;
  private final Audit audit;

  DirectorController(BrandDirector director, BrandViews views, Audit audit) {
    this.director = director;
    this.views = views;
    this.audit = audit;
  }

  /** Routes the engine and starts scripting and previews: 202, the storyboard being made. */
  @PostMapping("/api/director/init")
  ResponseEntity<Map<String, Object>> init(@RequestBody DirectorRequests.Init body) {
    BrandDirector.InitRequest request = body.checked();
    UUID owner = owner();
    Storyboard board = director.init(owner, request);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("job_id", request.jobId().toString());
    after.put("production_engine", board.productionEngine());
    after.put("routing_reason", board.routingReason());
    after.put("force_remaster", request.forceRemaster());
    request.preferredEngine().ifPresent(e -> after.put("preferred_engine", e.name()));
    request.stylePreset().ifPresent(p -> after.put("style_preset", p));
    audit.record("director.init", "storyboard", board.id().toString(), null, after);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .header(HttpHeaders.LOCATION, "/api/director/" + board.id())
        .body(ok(views.state(director.state(owner, board.id()))));
  }

  /** YELLOW (a conversational edit) or RED (a re-roll): 202, the revision is being made. */
  @PostMapping("/api/director/refine")
  ResponseEntity<Map<String, Object>> refine(@RequestBody DirectorRequests.Refine body) {
    body.check();
    UUID scene = body.scene();
    TrafficLight light = body.light();
    DirectorState state = director.refine(owner(), scene, light, body.feedback());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("storyboard_id", state.storyboard().id().toString());
    after.put("status", light.name());
    state.scenes().stream()
        .filter(s -> s.id().equals(scene) && s.userFeedback() != null)
        .findFirst()
        .ifPresent(s -> after.put("feedback", s.userFeedback()));
    audit.record("director.refine", "scene", scene.toString(), null, after);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(ok(views.state(state)));
  }

  /** GREEN: the scene is approved as its preview shows it. */
  @PostMapping("/api/director/approve-scene")
  Map<String, Object> approveScene(@RequestBody DirectorRequests.ApproveScene body) {
    UUID scene = body.scene();
    DirectorState state = director.approveScene(owner(), scene);
    audit.record(
        "director.approve-scene",
        "scene",
        scene.toString(),
        null,
        Map.of("storyboard_id", state.storyboard().id().toString(), "status", "GREEN"));
    return ok(views.state(state));
  }

  /** Seed 001's financial firewall: production once every scene is GREEN; 202 while it runs. */
  @PostMapping("/api/director/approve-production")
  ResponseEntity<Map<String, Object>> approveProduction(
      @RequestBody DirectorRequests.ApproveProduction body) {
    UUID id = body.storyboard();
    DirectorState state = director.approveProduction(owner(), id);
    audit.record(
        "director.approve-production",
        "storyboard",
        id.toString(),
        null,
        Map.of(
            "scenes",
            state.scenes().size(),
            "production_engine",
            state.storyboard().productionEngine()));
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(ok(views.state(state)));
  }

  /** Seed 001's {@code getState}: everything about one storyboard. */
  @GetMapping("/api/director/{id}")
  Map<String, Object> state(@PathVariable String id) {
    return ok(views.state(director.state(owner(), Ids.parse(id, "Storyboard"))));
  }

  private static UUID owner() {
    return RequestOwner.current();
  }
}
