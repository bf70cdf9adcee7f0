package dev.reelforge.app.observability;

import dev.reelforge.app.cluster.NodeSettings;
import dev.reelforge.app.database.DatabaseStatus;
import dev.reelforge.core.cluster.NodeInfo;
import dev.reelforge.core.cluster.NodeRegistry;
import dev.reelforge.core.jobs.spi.QueueStats;
import dev.reelforge.mediagen.engines.VideoEngines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/health}: {@code {"status":"ok"}} as seed 000's smoke test expects, the database
 * state, (seed 004 §7.9) the queues' lengths and the nodes that work them, and the video engines'
 * circuit breakers. Answers 503 with {@code "status":"degraded"} when the database does not
 * respond, so load balancers stop sending traffic. Served by every process, whatever its roles.
 */
@RestController
public class HealthController {

  /** A node that has not reported for this long is not counted as alive (it beats every 30 s). */
  private static final Duration ALIVE = Duration.ofSeconds(90);

  private final DatabaseStatus database;
  private final QueueSnapshot queues;
  private final NodeRegistry nodes;
  private final NodeSettings node;
  private final VideoEngines videoEngines;
  private final Clock clock;

  public HealthController(
      DatabaseStatus database,
      QueueSnapshot queues,
      NodeRegistry nodes,
      NodeSettings node,
      VideoEngines videoEngines,
      Clock clock) {
    this.database = database;
    this.queues = queues;
    this.nodes = nodes;
    this.node = node;
    this.videoEngines = videoEngines;
    this.clock = clock;
  }

  @GetMapping("/api/health")
  ResponseEntity<Map<String, Object>> health() {
    DatabaseStatus.Snapshot snapshot = database.check();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", snapshot.up() ? "ok" : "degraded");
    body.put("database", snapshot.toMap());
    body.put("roles", node.getRoles().stream().map(NodeSettings.Role::id).toList());
    if (snapshot.up()) {
      body.put("queues", queues());
      body.put("workers", workers());
    }
    body.put("videoEngines", videoEngines());
    return ResponseEntity.status(snapshot.up() ? 200 : 503).body(body);
  }

  private Map<String, Object> queues() {
    Map<String, Object> result = new TreeMap<>();
    for (QueueStats q : queues.current().values()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("waiting", q.ready());
      one.put("delayed", q.delayed());
      one.put("active", q.running());
      one.put("dead", q.dead());
      one.put("oldestWaitingSeconds", q.oldestReadyAge().map(Duration::toSeconds).orElse(0L));
      result.put(q.queue(), one);
    }
    return result;
  }

  /**
   * This process's video engines and their circuit breakers (seed 001 §6.4): each node keeps its
   * own, so a load balancer's view is per node.
   */
  private List<Map<String, Object>> videoEngines() {
    return videoEngines.breakers().stream()
        .map(
            b -> {
              Map<String, Object> one = new LinkedHashMap<>();
              one.put("engine", b.engine());
              one.put("circuit", b.state());
              one.put("recentFailures", b.recentFailures());
              one.put("openUntil", b.openUntil().map(Instant::toString).orElse(null));
              return one;
            })
        .toList();
  }

  /** Live nodes with the worker role (heartbeat within 90 s, not stopped). */
  private Map<String, Object> workers() {
    Instant since = clock.instant().minus(ALIVE);
    List<NodeInfo> alive =
        nodes.recent(200).stream()
            .filter(n -> n.stoppedAt().isEmpty() && n.lastSeenAt().isAfter(since))
            .toList();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("nodes", alive.stream().filter(n -> n.roles().contains("worker")).count());
    result.put("apiNodes", alive.stream().filter(n -> n.roles().contains("api")).count());
    return result;
  }
}
