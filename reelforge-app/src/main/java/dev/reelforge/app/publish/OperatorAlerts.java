package dev.reelforge.app.publish;

import dev.reelforge.app.webhooks.WebhookSignature;
import dev.reelforge.core.publish.Publication;
import dev.reelforge.core.publish.PublicationTarget;
import dev.reelforge.providers.ingest.GuardedFetcher;
import dev.reelforge.publish.PublishAlerts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells operators of a target that failed after its retries: a warning in the log (with the
 * publication, platform and reason), a count the operations page shows, and — when {@code
 * reelforge.publish.alerts.webhook-url} is set — a signed JSON POST, tried three times, sent from a
 * background thread so the upload task is never held by a slow receiver.
 */
final class OperatorAlerts implements PublishAlerts {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorAlerts.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final String EVENT = "publication.target_failed";

  private final PublishSettings.Alerts settings;
  private final GuardedFetcher sender;
  private final Clock clock;
  private final AtomicLong sent = new AtomicLong();

  OperatorAlerts(PublishSettings.Alerts settings, GuardedFetcher sender, Clock clock) {
    this.settings = settings;
    this.sender = sender;
    this.clock = clock;
  }

  @Override
  public void targetFailed(Publication publication, PublicationTarget target, String reason) {
    LOG.warn(
        "publication {} target {} ({}) failed after its retries: {}",
        publication.id(),
        target.id(),
        target.platform().key(),
        reason);
    if (settings.getWebhookUrl().isBlank()) {
      return;
    }
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", EVENT);
    event.put("publicationId", publication.id().toString());
    event.put("targetId", target.id().toString());
    event.put("ownerId", publication.ownerId().toString());
    event.put("runId", publication.runId().toString());
    event.put("platform", target.platform().key());
    event.put("reason", reason);
    event.put("at", clock.instant().toString());
    String body = JSON.writeValueAsString(event);
    Thread.ofVirtual().name("publish-alert").start(() -> deliver(body));
  }

  /** Alerts sent successfully since start. */
  long sent() {
    return sent.get();
  }

  private void deliver(String body) {
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        GuardedFetcher.PostAnswer answer =
            sender.post(
                settings.getWebhookUrl(),
                "application/json",
                Map.of(
                    WebhookSignature.HEADER,
                    WebhookSignature.header(
                        settings.getWebhookSecret(), clock.instant().getEpochSecond(), body)),
                body.getBytes(StandardCharsets.UTF_8));
        if (answer.status() / 100 == 2) {
          sent.incrementAndGet();
          return;
        }
        LOG.warn("the operators' alert webhook answered {}", answer.status());
      } catch (RuntimeException e) {
        LOG.warn("the operators' alert webhook failed: {}", e.getMessage());
      }
      try {
        Thread.sleep(Duration.ofSeconds(attempt * 2L));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
