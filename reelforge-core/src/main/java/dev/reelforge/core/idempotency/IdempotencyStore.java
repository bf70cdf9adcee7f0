package dev.reelforge.core.idempotency;

import java.time.Duration;
import java.util.UUID;

/**
 * Remembers, per owner and key, which request a key was first used with and what it was answered,
 * for a limited time. Shared by every app instance: two requests with one key racing on two
 * instances get one {@link Claim.Granted} between them.
 */
public interface IdempotencyStore {

  /**
   * Claims {@code key} for a request whose method, path and body hash to {@code requestHash}.
   *
   * @param ttl how long the key is remembered from now
   * @param staleAfter an unanswered claim older than this is taken to belong to a request whose
   *     server died, and is granted again
   */
  Claim claim(UUID owner, String key, String requestHash, Duration ttl, Duration staleAfter);

  /** Stores the answer of the request that was granted {@code key}. */
  void answer(UUID owner, String key, StoredResponse response);

  /** Forgets the claim of a request that failed without an answer worth repeating. */
  void release(UUID owner, String key);

  /** Deletes the records whose time is up; returns how many. */
  int purgeExpired();
}
