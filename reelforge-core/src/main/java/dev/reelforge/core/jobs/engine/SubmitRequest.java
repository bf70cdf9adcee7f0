package dev.reelforge.core.jobs.engine;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's request to start a run of {@code kind} with {@code inputs} (JSON). A repeated request
 * with the same owner and idempotency key returns the first run. {@code credits} is what the run
 * costs: debited when it is accepted, refunded once if it fails or is cancelled.
 */
public record SubmitRequest(
    UUID ownerId,
    String kind,
    String inputs,
    int priority,
    Optional<String> idempotencyKey,
    long credits) {

  public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

  public SubmitRequest {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    if (credits < 0) {
      throw new IllegalArgumentException("credits must not be negative");
    }
  }

  public static SubmitRequest of(UUID ownerId, String kind, String inputs) {
    return new SubmitRequest(ownerId, kind, inputs, 0, Optional.empty(), 0);
  }

  public SubmitRequest withIdempotencyKey(String key) {
    return new SubmitRequest(ownerId, kind, inputs, priority, Optional.of(key), credits);
  }

  public SubmitRequest withPriority(int priority) {
    return new SubmitRequest(ownerId, kind, inputs, priority, idempotencyKey, credits);
  }

  public SubmitRequest withCredits(long credits) {
    return new SubmitRequest(ownerId, kind, inputs, priority, idempotencyKey, credits);
  }
}
