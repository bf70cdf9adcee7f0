package dev.reelforge.core.idempotency;

/** What {@link IdempotencyStore#claim} found for a key. */
public sealed interface Claim {

  /** The key is new (or its record expired or was abandoned): this request does the work. */
  record Granted() implements Claim {}

  /** A request with this key and the same body is still being answered. */
  record InProgress() implements Claim {}

  /** The key was used with a different request. */
  record Mismatch() implements Claim {}

  /** The first request with this key has been answered; here is its answer. */
  record Answered(StoredResponse response) implements Claim {}
}
