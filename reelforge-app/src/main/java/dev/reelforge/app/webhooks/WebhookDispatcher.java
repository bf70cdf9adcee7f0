package dev.reelforge.app.webhooks;

import dev.reelforge.app.events.EventJson;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.webhooks.WebhookStore;
import dev.reelforge.providers.ingest.GuardedFetcher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on every node: turns new run outcomes into deliveries (one node at a time, see {@link
 * WebhookStore#fanOut}), then sends the due ones it claims, signed, through the same address guard
 * as ingest. A 2xx settles a delivery; anything else is tried again after a growing wait until the
 * attempts run out. A URL that now resolves into a private network fails at once.
 */
public final class WebhookDispatcher implements AutoCloseable {

  /** The run events a webhook can be told of. */
  public static final Set<String> EVENTS =
      Set.of("run.succeeded", "run.failed", "run.cancelled", "run.awaiting_review");

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final int PAGE = 200;
  private static final Duration MAX_BACKOFF = Duration.ofHours(1);

  private final WebhookStore store;
  private final GuardedFetcher sender;
  private final WebhooksSettings settings;
  private final Clock clock;
  private final Thread thread;
  private volatile boolean running = true;

  public WebhookDispatcher(
      WebhookStore store, GuardedFetcher sender, WebhooksSettings settings, Clock clock) {
    this.store = store;
    this.sender = sender;
    this.settings = settings;
    this.clock = clock;
    this.thread = Thread.ofPlatform().daemon().name("webhooks").start(this::loop);
  }

  private void loop() {
    while (running) {
      try {
        while (store.fanOut(EVENTS, EventJson::of, PAGE) == PAGE) {
          // more waiting: read on before sending
        }
        List<WebhookStore.Due> due = store.claim(20, settings.getTimeout().multipliedBy(3));
        due.forEach(this::send);
        if (due.isEmpty()) {
          Thread.sleep(settings.getPollInterval());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("webhook dispatch failed, trying again: {}", e.getMessage());
        pause();
      }
    }
  }

  void send(WebhookStore.Due due) {
    long now = clock.instant().getEpochSecond();
    byte[] body = due.payload().getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers =
        Map.of(
            WebhookSignature.HEADER,
            WebhookSignature.header(due.secret(), now, due.payload()),
            "ReelForge-Event",
            due.type(),
            "ReelForge-Event-Id",
            due.eventId(),
            "ReelForge-Delivery",
            due.id().toString());
    try {
      GuardedFetcher.PostAnswer answer = sender.post(due.url(), "application/json", headers, body);
      if (answer.status() >= 200 && answer.status() < 300) {
        store.delivered(due.id(), answer.status());
      } else {
        failed(
            due,
            Optional.of(answer.status()),
            "HTTP " + answer.status() + " " + answer.bodyStart(),
            true);
      }
    } catch (ReelForgeException e) {
      // A URL that now points into a private network is not going to get better.
      boolean retry = e.code() != ErrorCode.INVALID_INPUT;
      failed(due, Optional.empty(), e.getMessage(), retry);
    }
  }

  private void failed(WebhookStore.Due due, Optional<Integer> status, String error, boolean retry) {
    Optional<Instant> next = Optional.empty();
    if (retry && due.attempt() < settings.getMaxAttempts()) {
      next = Optional.of(clock.instant().plus(backoff(due.attempt())));
    }
    if (next.isEmpty()) {
      LOG.info("webhook delivery {} to {} failed for good: {}", due.id(), due.endpointId(), error);
    }
    store.attemptFailed(due.id(), status, error, next);
  }

  /** The wait after the {@code attempt}-th attempt: backoff × 3^(attempt − 1), at most 1 h. */
  Duration backoff(int attempt) {
    Duration wait = settings.getRetryBackoff();
    for (int i = 1; i < attempt && wait.compareTo(MAX_BACKOFF) < 0; i++) {
      wait = wait.multipliedBy(3);
    }
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  private void pause() {
    try {
      Thread.sleep(settings.getPollInterval().multipliedBy(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
