package dev.reelforge.core.webhooks;

import dev.reelforge.core.jobs.spi.FeedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Webhook endpoints and their deliveries. Deliveries are made from the run event log by one node at
 * a time, at most one per endpoint and event, and claimed by senders with a lease, so a sender that
 * dies mid-delivery leaves it to be tried again, never lost.
 */
public interface WebhookStore {

  record Endpoint(
      UUID id, UUID ownerId, String url, Set<String> events, boolean active, Instant createdAt) {}

  record NewEndpoint(UUID id, UUID ownerId, String url, String secret, Set<String> events) {}

  /** A delivery claimed for sending. {@code attempt} counts this one. */
  record Due(
      UUID id,
      UUID endpointId,
      String url,
      String secret,
      String eventId,
      String type,
      String payload,
      int attempt) {}

  /** One line of an endpoint's delivery log. */
  record Delivery(
      UUID id,
      String eventId,
      UUID runId,
      String type,
      String status,
      int attempts,
      Optional<Integer> lastStatus,
      Optional<String> lastError,
      Instant createdAt,
      Instant nextAttemptAt,
      Optional<Instant> deliveredAt) {}

  Endpoint create(NewEndpoint endpoint);

  List<Endpoint> list(UUID ownerId);

  int count(UUID ownerId);

  /** Removes the owner's endpoint and its log; false when it is not the owner's. */
  boolean delete(UUID ownerId, UUID endpointId);

  /** The log of the owner's endpoint, newest first; empty when it is not the owner's. */
  Optional<List<Delivery>> deliveries(UUID ownerId, UUID endpointId, int limit);

  /**
   * Turns run events of {@code types} committed since the last call (on any node) into deliveries
   * to their owners' endpoints, with {@code payload} as the body. The first call ever starts from
   * now.
   *
   * @return how many events were read (a full page means more may wait)
   */
  int fanOut(Set<String> types, Function<FeedEvent, String> payload, int limit);

  /** Claims due deliveries for {@code lease}; one not settled by then is due again. */
  List<Due> claim(int limit, Duration lease);

  void delivered(UUID deliveryId, int status);

  /** A failed attempt: tried again at {@code retryAt}, or failed for good when it is empty. */
  void attemptFailed(
      UUID deliveryId, Optional<Integer> status, String error, Optional<Instant> retryAt);
}
