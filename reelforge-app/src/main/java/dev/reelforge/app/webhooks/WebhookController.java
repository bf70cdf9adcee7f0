package dev.reelforge.app.webhooks;

import static dev.reelforge.app.web.ApiResponses.ok;

import dev.reelforge.app.security.Secrets;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.webhooks.WebhookStore;
import dev.reelforge.providers.ingest.GuardedFetcher;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One's webhooks: {@code POST /api/me/webhooks} (the signing secret is shown once), list, delete,
 * and each endpoint's delivery log.
 */
@RestController
class WebhookController {

  private static final Set<String> DEFAULT_EVENTS =
      Set.of("run.succeeded", "run.failed", "run.awaiting_review");

  record NewWebhook(@NotBlank @Size(max = 2000) String url, @Size(max = 10) List<String> events) {}

  private final WebhookStore store;
  private final GuardedFetcher guard;
  private final WebhooksSettings settings;
  private final Clock clock;

  WebhookController(
      WebhookStore store, GuardedFetcher webhookGuard, WebhooksSettings settings, Clock clock) {
    this.store = store;
    this.guard = webhookGuard;
    this.settings = settings;
    this.clock = clock;
  }

  @PostMapping("/api/me/webhooks")
  Map<String, Object> create(@Valid @RequestBody NewWebhook body) {
    UUID owner = RequestOwner.current();
    Set<String> events = events(body.events());
    guard.check(body.url().strip());
    if (store.count(owner) >= settings.getMaxEndpointsPerUser()) {
      throw new ReelForgeException(
          ErrorCode.CONFLICT,
          "at most " + settings.getMaxEndpointsPerUser() + " webhooks per user; delete one first");
    }
    String secret = Secrets.random("whsec_");
    WebhookStore.Endpoint endpoint =
        store.create(
            new WebhookStore.NewEndpoint(
                Ids.newId(clock), owner, body.url().strip(), secret, events));
    Map<String, Object> data = describe(endpoint);
    data.put("secret", secret);
    return ok(data);
  }

  private static Set<String> events(List<String> requested) {
    if (requested == null || requested.isEmpty()) {
      return DEFAULT_EVENTS;
    }
    Set<String> events = new LinkedHashSet<>();
    for (String event : requested) {
      if (event == null || !WebhookDispatcher.EVENTS.contains(event)) {
        throw ReelForgeException.invalidField(
            "events", "each must be one of " + String.join(", ", WebhookDispatcher.EVENTS));
      }
      events.add(event);
    }
    return events;
  }

  @GetMapping("/api/me/webhooks")
  Map<String, Object> list() {
    return ok(
        Map.of(
            "webhooks",
            store.list(RequestOwner.current()).stream().map(WebhookController::describe).toList()));
  }

  @DeleteMapping("/api/me/webhooks/{id}")
  Map<String, Object> delete(@PathVariable String id) {
    UUID endpoint = endpointId(id);
    if (!store.delete(RequestOwner.current(), endpoint)) {
      throw ReelForgeException.notFound("Webhook", id);
    }
    return ok(Map.of("id", id, "deleted", true));
  }

  @GetMapping("/api/me/webhooks/{id}/deliveries")
  Map<String, Object> deliveries(
      @PathVariable String id, @RequestParam(name = "limit", defaultValue = "50") int limit) {
    if (limit < 1 || limit > 500) {
      throw ReelForgeException.invalidField("limit", "must be from 1 to 500");
    }
    List<WebhookStore.Delivery> log =
        store
            .deliveries(RequestOwner.current(), endpointId(id), limit)
            .orElseThrow(() -> ReelForgeException.notFound("Webhook", id));
    return ok(Map.of("deliveries", log.stream().map(WebhookController::describe).toList()));
  }

  private static UUID endpointId(String id) {
    return Ids.parse(id, "Webhook");
  }

  private static Map<String, Object> describe(WebhookStore.Endpoint endpoint) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", endpoint.id().toString());
    data.put("url", endpoint.url());
    data.put("events", List.copyOf(endpoint.events()));
    data.put("active", endpoint.active());
    data.put("createdAt", endpoint.createdAt().toString());
    return data;
  }

  private static Map<String, Object> describe(WebhookStore.Delivery delivery) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", delivery.id().toString());
    data.put("eventId", delivery.eventId());
    data.put("runId", delivery.runId().toString());
    data.put("type", delivery.type());
    data.put("status", delivery.status());
    data.put("attempts", delivery.attempts());
    delivery.lastStatus().ifPresent(s -> data.put("lastStatus", s));
    delivery.lastError().ifPresent(e -> data.put("lastError", e));
    data.put("createdAt", delivery.createdAt().toString());
    if (delivery.status().equals("pending")) {
      data.put("nextAttemptAt", delivery.nextAttemptAt().toString());
    }
    delivery.deliveredAt().ifPresent(t -> data.put("deliveredAt", t.toString()));
    return data;
  }
}
