package dev.reelforge.core.story.session;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A session as stored.
 *
 * @param document the session's JSON
 * @param version incremented by every update; an update names the version it read
 */
public record StoredSession(
    String id, UUID ownerId, String document, long version, Instant createdAt, Instant updatedAt) {

  public StoredSession {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(document, "document");
  }
}
