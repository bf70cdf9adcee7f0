package dev.reelforge.app.web;

import dev.reelforge.app.database.DatabaseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/health}: {@code {"status":"ok"}} as seed 000's smoke test expects, plus the
 * database state. Answers 503 with {@code "status":"degraded"} when the database does not respond,
 * so load balancers stop sending traffic.
 */
@RestController
public class HealthController {

  private final DatabaseStatus database;

  public HealthController(DatabaseStatus database) {
    this.database = database;
  }

  @GetMapping("/api/health")
  ResponseEntity<Map<String, Object>> health() {
    DatabaseStatus.Snapshot snapshot = database.check();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", snapshot.up() ? "ok" : "degraded");
    body.put("database", snapshot.toMap());
    return ResponseEntity.status(snapshot.up() ? 200 : 503).body(body);
  }
}
