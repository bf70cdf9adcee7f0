package dev.reelforge.core.accounts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Rotating refresh tokens, kept as hashes. Each token belongs to a family started by a login; using
 * a token marks it used and issues its successor in the same family. A used token presented again
 * means it was stolen or replayed: the whole family is revoked.
 */
public interface RefreshTokenStore {

  /** Stores the first token of a new family. */
  void start(UUID userId, UUID familyId, String tokenHash, Instant expiresAt);

  /**
   * Uses the token {@code tokenHash} and stores {@code nextHash} as its successor, atomically: of
   * two concurrent uses of one token, one rotates and the other is a replay.
   */
  Rotation rotate(String tokenHash, String nextHash, Instant nextExpiresAt);

  /**
   * The user of the token {@code tokenHash} while it is unused, unrevoked and unexpired, without
   * using it: for a browser session, whose one token stays in its cookie until sign-out.
   */
  Optional<UUID> holder(String tokenHash);

  /** Revokes the family of the token {@code tokenHash} (logout); false when it is unknown. */
  boolean revokeFamily(String tokenHash);

  /** Revokes every token of the user (password reset, disabled account). */
  void revokeAll(UUID userId);

  /** Removes tokens that expired before {@code before}. */
  int purgeExpired(Instant before);

  /** The outcome of {@link #rotate}. */
  sealed interface Rotation {
    /** The token was good; its successor is stored. */
    record Rotated(UUID userId, UUID familyId) implements Rotation {}

    /** The token had been used already: its family is now revoked. */
    record Replayed(UUID userId, UUID familyId) implements Rotation {}

    /** Unknown, expired or revoked. */
    record Invalid() implements Rotation {}
  }
}
