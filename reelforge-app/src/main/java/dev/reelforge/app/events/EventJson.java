package dev.reelforge.app.events;

import dev.reelforge.core.jobs.spi.FeedEvent;
import dev.reelforge.core.jobs.spi.RunEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one event schema of every stream (SSE, WebSocket) and webhook, documented in docs/api.md:
 * {@code {"id","runId","kind","type","stage","sequence","at","data"}}.
 */
public final class EventJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EventJson() {}

  public static String of(FeedEvent feedEvent) {
    RunEvent event = feedEvent.event();
    ObjectNode node = JSON.createObjectNode();
    node.put("id", feedEvent.cursor().toString());
    node.put("runId", event.runId().toString());
    node.put("kind", feedEvent.runKind());
    node.put("type", event.type());
    event.stage().ifPresent(stage -> node.put("stage", stage));
    node.put("sequence", event.sequence());
    node.put("at", event.at().toString());
    node.set("data", JSON.readTree(event.data()));
    return JSON.writeValueAsString(node);
  }

  /** Whether the event ends a run (it may still be retried by an operator afterwards). */
  public static boolean endsRun(RunEvent event) {
    return switch (event.type()) {
      case "run.succeeded", "run.failed", "run.cancelled" -> true;
      default -> false;
    };
  }
}
